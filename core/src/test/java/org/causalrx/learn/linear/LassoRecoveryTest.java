package org.causalrx.learn.linear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Lasso with CV-chosen λ on a sparse simulated truth. */
class LassoRecoveryTest {
    private static final int N = 500;
    private static final int P = 20;
    private static final double[] TRUTH = new double[P];

    static {
        TRUTH[2] = 2.0;
        TRUTH[7] = -1.5;
        TRUTH[15] = 1.0;
    }

    /** Independent standard-normal features (the sparse truth is on the standardised scale). */
    private static double[][] features(Random rng) {
        double[][] x = new double[N][P];
        for (int i = 0; i < N; i++) {
            for (int j = 0; j < P; j++) {
                x[i][j] = rng.nextGaussian();
            }
        }
        return x;
    }

    @Test
    void oneStandardErrorRuleRecoversSupport() {
        Random rng = new Random(2024);
        double[][] x = features(rng);
        double[] y = Sim.gaussianY(rng, x, 1.0, TRUTH, 1.0);
        LinearModel m = new Lasso(LinearSettings.defaults().withOneStandardErrorRule(true)).fit(x, y, null, 7);
        double[] b = m.coefficients();
        System.out.println("lasso 1se " + java.util.Arrays.toString(b));
        int zeros = 0;
        for (int j = 0; j < P; j++) {
            if (TRUTH[j] != 0) {
                assertEquals(TRUTH[j], b[j], 0.25, "coefficient " + j);
            } else {
                assertTrue(Math.abs(b[j]) < 0.03, "irrelevant coefficient " + j + " = " + b[j]);
                zeros += b[j] == 0 ? 1 : 0;
            }
        }
        assertTrue(zeros >= 14, "exact zeros among 17 irrelevant: " + zeros);
        assertEquals(1.0, m.intercept(), 0.2);
    }

    @Test
    void minimumCvRuleFindsSupportWithSmallFalsePositives() {
        Random rng = new Random(2024);
        double[][] x = features(rng);
        double[] y = Sim.gaussianY(rng, x, 1.0, TRUTH, 1.0);
        LinearModel min = new Lasso().fit(x, y, null, 7);
        LinearModel oneSe = new Lasso(LinearSettings.defaults().withOneStandardErrorRule(true)).fit(x, y, null, 7);
        double[] b = min.coefficients();
        for (int j = 0; j < P; j++) {
            if (TRUTH[j] != 0) {
                assertEquals(TRUTH[j], b[j], 0.12, "coefficient " + j);
            } else {
                assertTrue(Math.abs(b[j]) < 0.1, "irrelevant coefficient " + j + " = " + b[j]);
            }
        }
        assertTrue(min.lambda() > 0 && min.lambda() <= oneSe.lambda(), min.lambda() + " vs " + oneSe.lambda());
        // the CV-chosen λ is well inside the path: not λ_max (all zero) and not the smallest λ (no shrinkage)
        LinearModel tiny = new Lasso(LinearSettings.nearlyUnpenalized()).fit(x, y, null, 7);
        assertTrue(min.lambda() > 1e-3, "λ " + min.lambda());
        assertTrue(Sim.maxAbsDiff(tiny.coefficients(), b) > 1e-3, "CV fit should differ from OLS");
        System.out.printf("lasso λ_min=%.4g λ_1se=%.4g coef=%s%n", min.lambda(), oneSe.lambda(),
                java.util.Arrays.toString(b));
    }

    @Test
    void lambdaAboveLambdaMaxGivesInterceptOnly() {
        Random rng = new Random(5);
        double[][] x = features(rng);
        double[] y = Sim.gaussianY(rng, x, 1.0, TRUTH, 1.0);
        double[] w = Sim.weights(rng, N, 0.5, 2);
        LinearModel m = new Lasso(LinearSettings.defaults().withFixedLambda(100)).fit(x, y, w, 1);
        double ybar = 0;
        double total = 0;
        for (int i = 0; i < N; i++) {
            ybar += w[i] * y[i];
            total += w[i];
        }
        assertEquals(ybar / total, m.intercept(), 1e-12);
        for (double v : m.coefficients()) {
            assertEquals(0.0, v, 0.0);
        }
    }
}
