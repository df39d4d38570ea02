package org.causalrx.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.causalrx.causal.CateModel;
import org.causalrx.causal.MultiArmCateModel;
import org.causalrx.learn.OneVsRest;
import org.causalrx.learn.linear.LogisticRegression;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * With K = 2 the K-arm estimators train the binary estimators' networks (same layout, losses, seeds, weights), so
 * column 1 of their effects equals the binary effect bit for bit and column 0 is 0 — for DragonNet also with
 * targeted regularisation on, and with dropout and two ensemble members.
 */
@Tag("slow")
class MultiArmBinaryEquivalenceTest {
    private static final NnSettings TINY = NnSettings.defaults().withSize(16, 1, 8, 1).withEpochs(15, 5)
            .withMembers(2).withDropout(0.1).withOutcome(NnSettings.OutcomeType.CONTINUOUS);
    private static final Sims.Data D = Sims.continuous(300, 3, 21);

    @Test
    void tarnet() {
        same(new TarNet(TINY).fit(D.x(), D.t(), D.y(), 4), new MultiArmTarNet(TINY).fit(D.x(), D.t(), 2, D.y(), 4));
    }

    @Test
    void dragonnetWithTargetedRegularisation() {
        ArmNetModel binary = new DragonNet(TINY, 1, 1).fit(D.x(), D.t(), D.y(), 4);
        MultiArmNetModel multi = new MultiArmDragonNet(TINY, 1, 1).fit(D.x(), D.t(), 2, D.y(), 4);
        same(binary, multi);
        double[] e = binary.propensity(D.x());
        double[][] p = multi.propensities(D.x());
        for (int i = 0; i < e.length; i++) {
            assertEquals(e[i], p[i][1], 0.0);
            assertEquals(1 - e[i], p[i][0], 0.0);
        }
    }

    @Test
    void xmultitask() {
        same(new XMultiTask(TINY, LogisticRegression.l2(), XMultiTask.CLIP, true).fit(D.x(), D.t(), D.y(), 4),
                new MultiArmXMultiTask(TINY, new OneVsRest(LogisticRegression.l2()), XMultiTask.CLIP, true)
                        .fit(D.x(), D.t(), 2, D.y(), 4));
    }

    private static void same(CateModel binary, MultiArmCateModel multi) {
        assertEquals(2, multi.arms());
        double[] tau = binary.effect(D.x());
        double[][] effects = multi.effects(D.x());
        double[] col1 = new double[tau.length];
        for (int i = 0; i < tau.length; i++) {
            assertEquals(0.0, effects[i][0]);
            col1[i] = effects[i][1];
        }
        assertArrayEquals(tau, col1, 0.0);
    }
}
