package org.causalrx.learn.linear;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

/** Ridge at a fixed λ against the closed-form weighted ridge solution of the documented objective. */
class RidgeClosedFormTest {

    /**
     * Closed form: standardise with weighted mean/SD (denominator Σw), β = (Xsᵀ Wn Xs + λI)⁻¹ Xsᵀ Wn (y − ȳ) with
     * Wn = diag(w/Σw), then b = β/sd, b0 = ȳ − mean·b. Returns [b0, b...].
     */
    static double[] closedForm(double[][] x, double[] y, double[] w, double lambda) {
        int n = x.length;
        int p = x[0].length;
        double total = 0;
        for (double v : w) {
            total += v;
        }
        double ybar = 0;
        for (int i = 0; i < n; i++) {
            ybar += w[i] * y[i] / total;
        }
        double[] mean = new double[p];
        double[] sd = new double[p];
        for (int j = 0; j < p; j++) {
            for (int i = 0; i < n; i++) {
                mean[j] += w[i] * x[i][j] / total;
            }
            for (int i = 0; i < n; i++) {
                sd[j] += w[i] * Math.pow(x[i][j] - mean[j], 2) / total;
            }
            sd[j] = Math.sqrt(sd[j]);
        }
        DMatrixRMaj a = new DMatrixRMaj(p, p);
        DMatrixRMaj rhs = new DMatrixRMaj(p, 1);
        for (int i = 0; i < n; i++) {
            double wi = w[i] / total;
            for (int j = 0; j < p; j++) {
                double xj = (x[i][j] - mean[j]) / sd[j];
                rhs.add(j, 0, wi * xj * (y[i] - ybar));
                for (int k = 0; k < p; k++) {
                    a.add(j, k, wi * xj * (x[i][k] - mean[k]) / sd[k]);
                }
            }
        }
        for (int j = 0; j < p; j++) {
            a.add(j, j, lambda);
        }
        DMatrixRMaj beta = new DMatrixRMaj(p, 1);
        if (!CommonOps_DDRM.solve(a, rhs, beta)) {
            throw new AssertionError("singular system");
        }
        double[] out = new double[p + 1];
        out[0] = ybar;
        for (int j = 0; j < p; j++) {
            out[j + 1] = beta.get(j, 0) / sd[j];
            out[0] -= out[j + 1] * mean[j];
        }
        return out;
    }

    private static void check(double lambda, boolean weighted) {
        Random rng = new Random(11);
        double[][] x = Sim.features(rng, 300, 8, 0.6);
        double[] y = Sim.gaussianY(rng, x, 2.0, new double[] {1, -0.5, 0, 0.25, 0, 0, 2, -1}, 1.5);
        double[] w = weighted ? Sim.weights(rng, 300, 0.1, 4) : null;
        LinearSettings s = LinearSettings.defaults().withFixedLambda(lambda).withTolerance(1e-13);
        LinearModel m = new Ridge(s).fit(x, y, w, 1);
        double[] expected = closedForm(x, y, w == null ? ones(300) : w, lambda);
        assertEquals(expected[0], m.intercept(), 1e-6, "intercept");
        double[] b = m.coefficients();
        for (int j = 0; j < b.length; j++) {
            assertEquals(expected[j + 1], b[j], 1e-6, "coefficient " + j);
        }
        assertEquals(lambda, m.lambda());
    }

    private static double[] ones(int n) {
        double[] w = new double[n];
        java.util.Arrays.fill(w, 1);
        return w;
    }

    @Test
    void weightedRidgeMatchesClosedForm() {
        check(0.3, true);
        check(0.01, true);
        check(5.0, true);
    }

    @Test
    void unweightedRidgeMatchesClosedForm() {
        check(0.3, false);
    }

    @Test
    void closedFormShrinksSoTheTestIsSensitive() {
        // guard against a vacuous comparison: λ changes the closed form by far more than the tolerance
        Random rng = new Random(11);
        double[][] x = Sim.features(rng, 300, 8, 0.6);
        double[] y = Sim.gaussianY(rng, x, 2.0, new double[] {1, -0.5, 0, 0.25, 0, 0, 2, -1}, 1.5);
        double diff = Sim.maxAbsDiff(closedForm(x, y, ones(300), 0.3), closedForm(x, y, ones(300), 0.01));
        org.junit.jupiter.api.Assertions.assertTrue(diff > 1e-2, "diff " + diff);
    }
}
