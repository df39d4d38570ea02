package org.causalrx.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.causalrx.causal.ArmOutcomeModel;
import org.causalrx.causal.diagnostics.ArmAuc;
import org.causalrx.learn.linear.LogisticRegression;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * X-MultiTask's arm predictions are its stage-1 heads: on a binary outcome driven strongly by x0 and x1 they
 * discriminate on fresh rows in both arms (AUC per arm, as the pipeline computes it), while the effect stays the
 * stage-2 combination e·tau0 + (1 − e)·tau1 rather than stage 1's mu1 − mu0.
 */
@Tag("slow")
class XMultiTaskArmsTest {
    private static final NnSettings S = NnSettings.defaults().withSize(32, 2, 16, 1).withEpochs(60, 10).withMembers(1);

    /** P(y = 1) = sigmoid(2 x0 + x1 + t·(0.5 − x2)); treatment confounded through x1. */
    private record Binary(double[][] x, int[] t, int[] y) {
        static Binary simulate(int n, long seed) {
            SplittableRandom r = new SplittableRandom(seed);
            double[][] x = new double[n][4];
            int[] t = new int[n];
            int[] y = new int[n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < 4; j++) {
                    x[i][j] = Sims.gauss(r);
                }
                t[i] = r.nextDouble() < 1 / (1 + Math.exp(-0.7 * x[i][1])) ? 1 : 0;
                double s = 2 * x[i][0] + x[i][1] + t[i] * (0.5 - x[i][2]);
                y[i] = r.nextDouble() < 1 / (1 + Math.exp(-s)) ? 1 : 0;
            }
            return new Binary(x, t, y);
        }

        double[] yDouble() {
            double[] out = new double[y.length];
            for (int i = 0; i < y.length; i++) {
                out[i] = y[i];
            }
            return out;
        }
    }

    @Test
    void armPredictionsComeFromStageOneAndLeaveTheEffectAlone() {
        Binary train = Binary.simulate(800, 1);
        Binary test = Binary.simulate(600, 2);
        XMultiTaskModel m = new XMultiTask(S, LogisticRegression.l2(), XMultiTask.CLIP, true)
                .fit(train.x(), train.t(), train.yDouble(), 5);
        for (int arm = 0; arm <= 1; arm++) {
            ArmAuc.Result a = ArmAuc.perArm(m, test.x(), test.t(), test.y(), arm, 3, 0);
            System.out.printf("xmultitask stage-1 AUC arm %d: %.3f (n %d)%n", arm, a.auc(), a.n());
            assertTrue(a.auc() > 0.7, "stage-1 head of arm " + arm + " should discriminate, AUC " + a.auc());
        }
        double[] mu1 = m.mu(test.x(), 1);
        for (double p : mu1) {
            assertTrue(p >= 0 && p <= 1, "binary arm prediction is a probability: " + p);
        }
        double[] effect = m.effect(test.x());
        double[] armDiff = ArmOutcomeModel.armDifference(m, test.x());
        double gap = 0;
        for (int i = 0; i < effect.length; i++) {
            gap = Math.max(gap, Math.abs(effect[i] - armDiff[i]));
        }
        System.out.printf("max |effect - (mu1 - mu0)| = %.4f%n", gap);
        assertTrue(gap > 0.01, "effect must be stage 2's e·tau0 + (1 − e)·tau1, not stage 1's mu1 − mu0");
        assertThrows(UnsupportedOperationException.class, () -> m.classProbabilities(test.x(), 0),
                "class probabilities need a categorical outcome");
        assertEquals(1, m.classes());
    }
}
