package org.causalrx.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.causalrx.causal.MultiArmCateEstimator;
import org.causalrx.causal.MultiArmCateModel;
import org.causalrx.learn.OneVsRest;
import org.causalrx.learn.linear.LogisticRegression;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The K-arm neural estimators recover heterogeneous per-arm effects on a confounded three-arm simulation
 * ({@link MultiArmSims}, n = 2000, held-out 1000 rows): per-arm sqrt-PEHE below {@link #BOUND} and below half of the
 * best constant-effect fit's (the sd of tau_a: 1 for arm 1, 0.8 for arm 2). DragonNet's softmax head recovers the
 * generalized propensities.
 */
@Tag("slow")
class MultiArmKnownAnswerTest {
    /** Small nets, batches of 128 and at most 40 epochs, so that each fit takes seconds. */
    private static final NnSettings SMALL = new NnSettings(32, 2, 16, 1, 0, 1e-4, 2e-3, 128, 40, 8, 0.2,
            NnSettings.OutcomeType.CONTINUOUS, 1);
    /** Per-arm sqrt-PEHE bound; outcome noise sd is 0.5. */
    private static final double BOUND = 0.4;

    private static final MultiArmSims.Data TRAIN = MultiArmSims.threeArms(2000, 5, 1);
    private static final MultiArmSims.Data TEST = MultiArmSims.threeArms(1000, 5, 2);

    @Test
    void tarnetRecoversPerArmEffects() {
        check(new MultiArmTarNet(SMALL));
    }

    @Test
    void dragonnetRecoversPerArmEffectsAndPropensities() {
        MultiArmNetModel m = (MultiArmNetModel) check(new MultiArmDragonNet(SMALL, 1, 0));
        double[][] e = m.propensities(TEST.x());
        double err = 0;
        for (int i = 0; i < e.length; i++) {
            double sum = 0;
            for (int a = 0; a < 3; a++) {
                sum += e[i][a];
                err += Math.abs(e[i][a] - TEST.e()[i][a]) / (3 * e.length);
            }
            assertEquals(1, sum, 1e-9);
        }
        System.out.printf("dragonnet propensity mean abs error %.3f%n", err);
        assertTrue(err < 0.05, "softmax propensity head mean abs error " + err);
    }

    @Test
    void xmultitaskRecoversPerArmEffects() {
        check(new MultiArmXMultiTask(SMALL, new OneVsRest(LogisticRegression.l2()), XMultiTask.CLIP, true));
    }

    private static MultiArmCateModel check(MultiArmCateEstimator est) {
        MultiArmCateModel m = est.fit(TRAIN.x(), TRAIN.t(), 3, TRAIN.y(), 7);
        assertEquals(3, m.arms());
        double[][] tau = m.effects(TEST.x());
        for (double[] row : tau) {
            assertEquals(0.0, row[0], est.name() + ": column 0 is the reference");
        }
        for (int a = 1; a < 3; a++) {
            double pehe = MultiArmSims.sqrtPehe(tau, TEST.tau(), a);
            double constant = MultiArmSims.constantPehe(TEST.tau(), a);
            System.out.printf("%s arm %d: sqrt-PEHE %.3f (constant effect %.3f)%n", est.name(), a, pehe, constant);
            assertTrue(pehe < BOUND, est.name() + " arm " + a + ": sqrt-PEHE " + pehe + " ≥ " + BOUND);
            assertTrue(pehe < 0.5 * constant, est.name() + " arm " + a + ": sqrt-PEHE " + pehe
                    + " not clearly below the constant fit's " + constant);
        }
        return m;
    }
}
