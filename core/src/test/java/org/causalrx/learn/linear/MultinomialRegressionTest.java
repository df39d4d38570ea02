package org.causalrx.learn.linear;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Multinomial L2/L1 logistic regression against a Newton MLE written here, against the binary learners at K = 2,
 * and on a simulated K = 3 design with known class probabilities.
 */
@Tag("slow")
class MultinomialRegressionTest {

    /** K × (p + 1) true coefficients (row 0 all zero) of a K = 3 design with p = 4 features. */
    static final double[][] TRUTH = {
        {0, 0, 0, 0, 0},
        {-0.3, 0.8, -0.5, 0.0, 0.4},
        {0.4, -0.6, 0.3, 0.7, 0.0},
    };

    /** Labels drawn from the softmax of {@code coef} (K × (p + 1), intercept first). */
    static int[] draw(Random rng, double[][] x, double[][] coef) {
        int[] t = new int[x.length];
        for (int i = 0; i < x.length; i++) {
            double[] pr = trueProba(x[i], coef);
            double u = rng.nextDouble();
            int a = 0;
            double cum = pr[0];
            while (u >= cum && a < pr.length - 1) {
                cum += pr[++a];
            }
            t[i] = a;
        }
        return t;
    }

    static double[] trueProba(double[] row, double[][] coef) {
        double[] e = new double[coef.length];
        double s = 0;
        for (int a = 0; a < coef.length; a++) {
            double v = coef[a][0];
            for (int j = 0; j < row.length; j++) {
                v += coef[a][j + 1] * row[j];
            }
            e[a] = Math.exp(v);
            s += e[a];
        }
        for (int a = 0; a < e.length; a++) {
            e[a] /= s;
        }
        return e;
    }

    /**
     * Weighted multinomial MLE, arm 0 as reference, by Newton–Raphson on the (K − 1)(p + 1) free parameters;
     * returns K × (p + 1) coefficients with row 0 zero.
     */
    static double[][] newtonMle(double[][] x, int[] t, int k, double[] w) {
        int n = x.length;
        int q = x[0].length + 1;
        int m = (k - 1) * q;
        double[] b = new double[m];
        for (int it = 0; it < 100; it++) {
            DMatrixRMaj h = new DMatrixRMaj(m, m);
            DMatrixRMaj g = new DMatrixRMaj(m, 1);
            for (int i = 0; i < n; i++) {
                double[] z = new double[q];
                z[0] = 1;
                System.arraycopy(x[i], 0, z, 1, q - 1);
                double[] e = new double[k];
                double s = 1;
                for (int a = 1; a < k; a++) {
                    double v = 0;
                    for (int j = 0; j < q; j++) {
                        v += b[(a - 1) * q + j] * z[j];
                    }
                    e[a] = Math.exp(v);
                    s += e[a];
                }
                double wi = w == null ? 1 : w[i];
                for (int a = 1; a < k; a++) {
                    double pa = e[a] / s;
                    for (int j = 0; j < q; j++) {
                        g.add((a - 1) * q + j, 0, wi * z[j] * ((t[i] == a ? 1 : 0) - pa));
                    }
                    for (int c = 1; c < k; c++) {
                        double pc = e[c] / s;
                        double cov = pa * ((a == c ? 1 : 0) - pc);
                        for (int j = 0; j < q; j++) {
                            for (int l = 0; l < q; l++) {
                                h.add((a - 1) * q + j, (c - 1) * q + l, wi * cov * z[j] * z[l]);
                            }
                        }
                    }
                }
            }
            DMatrixRMaj step = new DMatrixRMaj(m, 1);
            assertTrue(CommonOps_DDRM.solve(h, g, step));
            double max = 0;
            for (int j = 0; j < m; j++) {
                b[j] += step.get(j, 0);
                max = Math.max(max, Math.abs(step.get(j, 0)));
            }
            if (max < 1e-12) {
                break;
            }
        }
        double[][] out = new double[k][q];
        for (int a = 1; a < k; a++) {
            System.arraycopy(b, (a - 1) * q, out[a], 0, q);
        }
        return out;
    }

    private static void assertMatchesMle(MultinomialRegression learner, double[][] x, int[] t, double[] w) {
        double[][] mle = newtonMle(x, t, 3, w);
        MultinomialModel m = learner.fit(x, t, 3, w, 5);
        for (int a = 1; a < 3; a++) {
            assertArrayEquals(mle[a], m.contrast(a), 1e-4, learner.name() + " arm " + a + " vs arm 0");
        }
    }

    @Test
    void tinyLambdaMatchesNewtonMle() {
        Random rng = new Random(7);
        double[][] x = Sim.features(rng, 2000, 4, 0.3);
        int[] t = draw(rng, x, TRUTH);
        assertMatchesMle(MultinomialRegression.l2(LinearSettings.nearlyUnpenalized()), x, t, null);
        assertMatchesMle(MultinomialRegression.l1(LinearSettings.nearlyUnpenalized()), x, t, null);
        double[] w = Sim.weights(rng, 2000, 0.2, 3);
        assertMatchesMle(MultinomialRegression.l2(LinearSettings.nearlyUnpenalized()), x, t, w);
        assertMatchesMle(MultinomialRegression.l1(LinearSettings.nearlyUnpenalized()), x, t, w);
    }

    /**
     * K = 2: the symmetric multinomial fit is the binary fit. At a fixed λ the lasso matches the binary lasso at the
     * same λ and the ridge matches the binary ridge at λ/2 (β_1 = −β_0 = β/2 halves ‖β‖²), to 1e-6 in probability
     * (both solvers stop at tolerance 1e-10). With λ chosen by CV the paths differ (the multinomial ridge path is in
     * effect the binary one halved, and both ridge paths end at 1e-4 · λ_max computed as if α = 0.001, where CV
     * tends to stop), so only closeness (mean absolute difference below 0.02) holds.
     */
    @Test
    void twoClassesEqualBinaryLogistic() {
        Random rng = new Random(11);
        double[][] x = Sim.features(rng, 1200, 5, 0.4);
        int[] t = Sim.labels(rng, x, -0.4, new double[] {0.7, -0.5, 0.2, 0, 0.3});
        double lambda = 0.02;
        LinearSettings fixed = LinearSettings.defaults().withTolerance(1e-10);
        double[] l1 = LogisticRegression.l1(fixed.withFixedLambda(lambda)).fit(x, t, null, 1).predictProba(x);
        double[] l2 = LogisticRegression.l2(fixed.withFixedLambda(lambda / 2)).fit(x, t, null, 1).predictProba(x);
        double[][] m1 = MultinomialRegression.l1(fixed.withFixedLambda(lambda)).fit(x, t, 2, null, 1).predictProba(x);
        double[][] m2 = MultinomialRegression.l2(fixed.withFixedLambda(lambda)).fit(x, t, 2, null, 1).predictProba(x);
        for (int i = 0; i < x.length; i++) {
            assertEquals(l1[i], m1[i][1], 1e-6, "lasso row " + i);
            assertEquals(l2[i], m2[i][1], 1e-6, "ridge row " + i);
        }
        double[] c1 = LogisticRegression.l1().fit(x, t, null, 1).predictProba(x);
        double[] c2 = LogisticRegression.l2().fit(x, t, null, 1).predictProba(x);
        double[][] mc1 = MultinomialRegression.l1().fit(x, t, 2, null, 1).predictProba(x);
        double[][] mc2 = MultinomialRegression.l2().fit(x, t, 2, null, 1).predictProba(x);
        double d1 = 0;
        double d2 = 0;
        for (int i = 0; i < x.length; i++) {
            d1 += Math.abs(c1[i] - mc1[i][1]) / x.length;
            d2 += Math.abs(c2[i] - mc2[i][1]) / x.length;
        }
        assertTrue(d1 < 0.02, "CV lasso mean |difference| " + d1);
        assertTrue(d2 < 0.02, "CV ridge mean |difference| " + d2);
    }

    /**
     * Mean absolute error of the K = 3 probabilities below 0.03 at n = 5000 (the ridge fit is mildly shrunk: its CV
     * picks the last λ of the glmnet-style path, as the binary ridge does).
     */
    @Test
    void recoversTrueProbabilitiesWithCrossValidation() {
        Random rng = new Random(13);
        double[][] x = Sim.features(rng, 5000, 4, 0.3);
        int[] t = draw(rng, x, TRUTH);
        for (MultinomialRegression learner : new MultinomialRegression[] {MultinomialRegression.l2(),
            MultinomialRegression.l1()}) {
            double[][] pr = learner.fit(x, t, 3, null, 2).predictProba(x);
            double mae = 0;
            for (int i = 0; i < x.length; i++) {
                double[] truth = trueProba(x[i], TRUTH);
                double sum = 0;
                for (int a = 0; a < 3; a++) {
                    mae += Math.abs(pr[i][a] - truth[a]) / (3.0 * x.length);
                    sum += pr[i][a];
                }
                assertEquals(1.0, sum, 1e-12);
            }
            assertTrue(mae < 0.03, learner.name() + " mean absolute error " + mae);
        }
    }

    @Test
    void lassoZeroesIrrelevantFeatureAndSameSeedGivesSameModel() {
        Random rng = new Random(17);
        double[][] x = Sim.features(rng, 1500, 6, 0.2);
        double[][] truth = {{0, 0, 0, 0, 0, 0, 0}, {0.2, 0.9, 0, 0, 0, 0, 0}, {-0.1, 0, -0.8, 0, 0, 0, 0}};
        int[] t = draw(rng, x, truth);
        MultinomialModel a = MultinomialRegression.l1(LinearSettings.defaults().withOneStandardErrorRule(true))
                .fit(x, t, 3, null, 4);
        MultinomialModel b = MultinomialRegression.l1(LinearSettings.defaults().withOneStandardErrorRule(true))
                .fit(x, t, 3, null, 4);
        assertEquals(a, b);
        int zeros = 0;
        for (double[] row : a.coefficients()) {
            for (int j = 2; j < 6; j++) {
                zeros += row[j] == 0 ? 1 : 0;
            }
        }
        assertTrue(zeros >= 9, "coefficients of the 4 noise features exactly zero in at least 9 of 12: " + zeros);
    }
}
