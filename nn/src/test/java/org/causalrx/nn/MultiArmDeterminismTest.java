package org.causalrx.nn;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.causalrx.causal.MultiArmCateEstimator;
import org.causalrx.learn.OneVsRest;
import org.causalrx.learn.linear.LogisticRegression;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** K = 3: same seed ⇒ identical effects (with dropout, two members, targeted term on); another seed ⇒ other ones. */
@Tag("slow")
class MultiArmDeterminismTest {
    private static final NnSettings TINY = NnSettings.defaults().withSize(16, 1, 8, 1).withEpochs(10, 5)
            .withMembers(2).withDropout(0.1).withOutcome(NnSettings.OutcomeType.CONTINUOUS);

    @Test
    void sameSeedSameEffects() {
        MultiArmSims.Data d = MultiArmSims.threeArms(300, 3, 11);
        for (MultiArmCateEstimator est : List.of(new MultiArmTarNet(TINY), new MultiArmDragonNet(TINY, 1, 1),
                new MultiArmXMultiTask(TINY, new OneVsRest(LogisticRegression.l2()), 0.05, true))) {
            double[][] a = est.fit(d.x(), d.t(), 3, d.y(), 5).effects(d.x());
            double[][] b = est.fit(d.x(), d.t(), 3, d.y(), 5).effects(d.x());
            double[][] c = est.fit(d.x(), d.t(), 3, d.y(), 6).effects(d.x());
            assertTrue(Arrays.deepEquals(a, b), est.name() + ": same seed must give identical effects");
            assertFalse(Arrays.deepEquals(a, c), est.name() + ": another seed should give other effects");
        }
    }
}
