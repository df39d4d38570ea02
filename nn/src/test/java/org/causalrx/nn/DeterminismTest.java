package org.causalrx.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Arrays;
import java.util.List;

import org.causalrx.causal.CateEstimator;
import org.causalrx.learn.linear.LogisticRegression;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Same seed ⇒ identical predictions (also with dropout on); another seed ⇒ different ones. */
@Tag("slow")
class DeterminismTest {
    private static final NnSettings TINY = NnSettings.defaults().withSize(16, 1, 8, 1).withEpochs(15, 5).withMembers(2)
            .withDropout(0.1);

    @Test
    void sameSeedSamePredictions() {
        Sims.Data d = Sims.continuous(200, 3, 11);
        for (CateEstimator est : List.of(new TarNet(TINY), new DragonNet(TINY, 1, 1),
                new XMultiTask(TINY, LogisticRegression.l2(), 0.05, true))) {
            double[] a = est.fit(d.x(), d.t(), d.y(), 5).effect(d.x());
            double[] b = est.fit(d.x(), d.t(), d.y(), 5).effect(d.x());
            double[] c = est.fit(d.x(), d.t(), d.y(), 6).effect(d.x());
            assertArrayEquals(a, b, 0.0, est.name() + ": same seed must give identical effects");
            assertFalse(Arrays.equals(a, c), est.name() + ": another seed should give other effects");
        }
    }

    /**
     * A fit on a thread that has never trained (as the pipeline's pool threads are: PyTorch records gradients on a new
     * thread until told not to) trains and gives the same effects as on this one.
     */
    @Test
    void aFitOnAFreshThreadGivesTheSameEffects() throws Exception {
        Sims.Data d = Sims.continuous(200, 3, 12);
        for (CateEstimator est : List.of(new TarNet(TINY), new XMultiTask(TINY, LogisticRegression.l2(), 0.05,
                true))) {
            double[] here = est.fit(d.x(), d.t(), d.y(), 5).effect(d.x());
            double[][] there = new double[1][];
            Throwable[] failed = new Throwable[1];
            Thread fresh = new Thread(() -> {
                try {
                    there[0] = est.fit(d.x(), d.t(), d.y(), 5).effect(d.x());
                } catch (Throwable e) {
                    failed[0] = e;
                }
            });
            fresh.start();
            fresh.join();
            if (failed[0] != null) {
                throw new AssertionError(est.name() + " failed on a fresh thread", failed[0]);
            }
            assertArrayEquals(here, there[0], 0.0, est.name());
        }
    }
}
