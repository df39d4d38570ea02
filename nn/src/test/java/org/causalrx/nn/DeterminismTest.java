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
}
