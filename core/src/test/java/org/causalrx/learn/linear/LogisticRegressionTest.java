package org.causalrx.learn.linear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

/** Penalised logistic regression against an unpenalised Newton–Raphson MLE and on a sparse truth. */
class LogisticRegressionTest {

    /** Weighted logistic MLE by Newton–Raphson; returns [b0, b...]. */
    static double[] newtonMle(double[][] x, int[] t, double[] w) {
        int n = x.length;
        int q = x[0].length + 1;
        double[] b = new double[q];
        for (int it = 0; it < 100; it++) {
            DMatrixRMaj h = new DMatrixRMaj(q, q);
            DMatrixRMaj g = new DMatrixRMaj(q, 1);
            for (int i = 0; i < n; i++) {
                double eta = b[0];
                for (int j = 1; j < q; j++) {
                    eta += b[j] * x[i][j - 1];
                }
                double pr = 1 / (1 + Math.exp(-eta));
                double wi = w == null ? 1 : w[i];
                for (int j = 0; j < q; j++) {
                    double xj = j == 0 ? 1 : x[i][j - 1];
                    g.add(j, 0, wi * xj * (t[i] - pr));
                    for (int k = 0; k < q; k++) {
                        double xk = k == 0 ? 1 : x[i][k - 1];
                        h.add(j, k, wi * pr * (1 - pr) * xj * xk);
                    }
                }
            }
            DMatrixRMaj step = new DMatrixRMaj(q, 1);
            assertTrue(CommonOps_DDRM.solve(h, g, step));
            double max = 0;
            for (int j = 0; j < q; j++) {
                b[j] += step.get(j, 0);
                max = Math.max(max, Math.abs(step.get(j, 0)));
            }
            if (max < 1e-12) {
                break;
            }
        }
        return b;
    }

    private static void assertMatchesMle(LogisticRegression learner, double[][] x, int[] t, double[] w) {
        double[] mle = newtonMle(x, t, w);
        LogisticModel m = learner.fit(x, t, w, 3);
        assertEquals(mle[0], m.intercept(), 1e-4, learner.name() + " intercept");
        double[] b = m.coefficients();
        for (int j = 0; j < b.length; j++) {
            assertEquals(mle[j + 1], b[j], 1e-4, learner.name() + " coefficient " + j);
        }
    }

    @Test
    void tinyLambdaMatchesUnpenalisedMle() {
        Random rng = new Random(99);
        double[][] x = Sim.features(rng, 1500, 6, 0.5);
        int[] t = Sim.labels(rng, x, -0.7, new double[] {0.8, -0.4, 0.3, 0, 0.2, -0.1});
        assertMatchesMle(LogisticRegression.l2(LinearSettings.nearlyUnpenalized()), x, t, null);
        assertMatchesMle(LogisticRegression.l1(LinearSettings.nearlyUnpenalized()), x, t, null);
        double[] w = Sim.weights(rng, 1500, 0.2, 3);
        assertMatchesMle(LogisticRegression.l2(LinearSettings.nearlyUnpenalized()), x, t, w);
        assertMatchesMle(LogisticRegression.l1(LinearSettings.nearlyUnpenalized()), x, t, w);
    }

    @Test
    void l2PenaltyShrinksTowardsZero() {
        Random rng = new Random(98);
        double[][] x = Sim.features(rng, 800, 5, 0.3);
        int[] t = Sim.labels(rng, x, 0.2, new double[] {1.0, -0.8, 0.5, 0.3, 0});
        double[] mle = newtonMle(x, t, null);
        LogisticModel m = LogisticRegression.l2(LinearSettings.defaults().withFixedLambda(0.05)).fit(x, t, null, 1);
        double normMle = 0;
        double normFit = 0;
        double[] sd = m.featureSd();
        double[] b = m.coefficients();
        for (int j = 0; j < b.length; j++) {
            normMle += Math.pow(mle[j + 1] * sd[j], 2);
            normFit += Math.pow(b[j] * sd[j], 2);
        }
        assertTrue(normFit < 0.95 * normMle, normFit + " vs " + normMle);
    }

    @Test
    void l1LogisticZerosIrrelevantFeatures() {
        Random rng = new Random(5);
        int n = 1500;
        int p = 15;
        double[][] x = new double[n][p];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) {
                x[i][j] = rng.nextGaussian();
            }
        }
        double[] truth = new double[p];
        truth[1] = 1.5;
        truth[9] = -1.0;
        int[] t = Sim.labels(rng, x, 0.3, truth);
        LogisticModel oneSe = LogisticRegression.l1(LinearSettings.defaults().withOneStandardErrorRule(true))
                .fit(x, t, null, 4);
        LogisticModel min = LogisticRegression.l1().fit(x, t, null, 4);
        double[] b1 = oneSe.coefficients();
        double[] b0 = min.coefficients();
        int zerosMin = 0;
        for (int j = 0; j < p; j++) {
            if (truth[j] != 0) {
                assertTrue(Math.abs(b1[j] - truth[j]) < 0.5 && Math.signum(b1[j]) == Math.signum(truth[j]),
                        "relevant " + j + " = " + b1[j]);
                assertEquals(truth[j], b0[j], 0.3, "relevant " + j);
            } else {
                assertEquals(0.0, b1[j], 0.0, "irrelevant " + j);
                assertTrue(Math.abs(b0[j]) < 0.2, "irrelevant " + j + " = " + b0[j]);
                zerosMin += b0[j] == 0 ? 1 : 0;
            }
        }
        assertTrue(zerosMin >= 5, "min-CV zeros " + zerosMin);
        assertTrue(min.lambda() < oneSe.lambda());
        System.out.printf("l1 logistic λ_min=%.4g λ_1se=%.4g zerosMin=%d coef=%s%n", min.lambda(), oneSe.lambda(),
                zerosMin, java.util.Arrays.toString(b0));
    }

    @Test
    void probabilitiesStrictlyInsideUnitInterval() {
        Random rng = new Random(7);
        double[][] x = Sim.features(rng, 400, 4, 0.2);
        int[] t = Sim.labels(rng, x, 0, new double[] {3, -3, 2, 0});
        for (LogisticRegression learner : new LogisticRegression[] {LogisticRegression.l1(), LogisticRegression.l2()}) {
            LogisticModel m = learner.fit(x, t, null, 1);
            double[][] extreme = new double[x.length + 2][];
            for (int i = 0; i < x.length; i++) {
                extreme[i] = x[i];
            }
            extreme[x.length] = new double[] {1e6, -1e6, 1e6, 0};
            extreme[x.length + 1] = new double[] {-1e6, 1e6, -1e6, 0};
            for (double pr : m.predictProba(extreme)) {
                assertTrue(pr > 0 && pr < 1, learner.name() + " " + pr);
            }
        }
    }

    @Test
    void separatedClassesDoNotCrash() {
        Random rng = new Random(8);
        double[][] x = Sim.features(rng, 200, 3, 0.0);
        int[] t = new int[200];
        for (int i = 0; i < 200; i++) {
            t[i] = x[i][0] > 0 ? 1 : 0; // perfectly separable
        }
        for (LogisticRegression learner : new LogisticRegression[] {LogisticRegression.l1(), LogisticRegression.l2(),
                LogisticRegression.l2(LinearSettings.nearlyUnpenalized())}) {
            LogisticModel m = learner.fit(x, t, null, 2);
            assertTrue(Double.isFinite(m.intercept()));
            for (double v : m.coefficients()) {
                assertTrue(Double.isFinite(v));
            }
            double[] pr = m.predictProba(x);
            int correct = 0;
            for (int i = 0; i < 200; i++) {
                correct += (pr[i] > 0.5) == (t[i] == 1) ? 1 : 0;
            }
            assertTrue(correct >= 190, learner.name() + " correct " + correct);
        }
    }

    @Test
    void names() {
        assertEquals("l1_logistic", LogisticRegression.l1().name());
        assertEquals("l2_logistic", LogisticRegression.l2().name());
        assertEquals("ridge", new Ridge().name());
        assertEquals("lasso", new Lasso().name());
        assertEquals("elastic_net", new ElasticNet(0.5).name());
    }
}
