package org.causalrx.learn.linear;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The large-n rule of {@link PenalizedPath}: λ chosen by cross-validation on a seeded subsample of m rows when
 * n ≥ 2m, rescaled to n, and the model fitted on all rows. Below the gate the fit is the full path's, bit for bit;
 * above it the model is close to the full path's on a simulated design with known coefficients.
 */
class SubsampleLambdaTest {
    private static final LinearSettings S = LinearSettings.defaults();

    @Test
    void automaticRowsAndGate() {
        assertEquals(20_000, PenalizedPath.cvRows(40_000));
        assertEquals(20_000, PenalizedPath.cvRows(100_000)); // 100,000^0.75 = 5,623
        assertEquals((int) Math.ceil(Math.pow(1_000_000, 0.75)), PenalizedPath.cvRows(1_000_000));
        assertEquals(31_623, PenalizedPath.cvRows(1_000_000));
        assertFalse(PenalizedPath.subsamples(PenalizedPath.cvRows(39_999), 39_999));
        assertTrue(PenalizedPath.subsamples(PenalizedPath.cvRows(40_000), 40_000));
        assertFalse(PenalizedPath.subsamples(PenalizedPath.CV_ALL_ROWS, 2_000_000_000));
        assertEquals(0.1 * 0.5, PenalizedPath.rescale(0.1, 1, 2, 0.0), 1e-15);
        assertEquals(0.1 * Math.sqrt(0.5), PenalizedPath.rescale(0.1, 1, 2, 1.0), 1e-15);
    }

    @Test
    void belowTheGateTheFitIsTheFullPathBitForBit() {
        double[][] x = design(1_999, 4, 1);
        double[] t = labels(x, 2);
        PenalizedPath.Result full = fit(PenalizedPath.Family.BINOMIAL, x, t, 1.0, PenalizedPath.CV_ALL_ROWS);
        PenalizedPath.Result gated = fit(PenalizedPath.Family.BINOMIAL, x, t, 1.0, 1_000); // n = 1,999 < 2m
        assertEquals(1_999, gated.cvRows());
        assertEquals(full.lambda(), gated.lambda());
        assertEquals(full.intercept(), gated.intercept());
        assertArrayEquals(full.coefficients(), gated.coefficients());
        // the automatic rule at a study-sized n: the full path (m = 20,000 > n / 2)
        PenalizedPath.Result auto = fit(PenalizedPath.Family.BINOMIAL, x, t, 1.0, 0);
        assertArrayEquals(full.coefficients(), auto.coefficients());
        assertEquals(1_999, auto.cvRows());
        int[] ti = new int[t.length];
        for (int i = 0; i < ti.length; i++) {
            ti[i] = (int) t[i];
        }
        assertEquals(0, LogisticRegression.l1().fit(x, ti, null, 7).lambdaCvRows());
    }

    @Test
    void atTheGateLambdaComesFromTheSubsample() {
        double[][] x = design(2_000, 4, 1);
        double[] t = labels(x, 2);
        PenalizedPath.Result sub = fit(PenalizedPath.Family.BINOMIAL, x, t, 1.0, 1_000);
        PenalizedPath.Result full = fit(PenalizedPath.Family.BINOMIAL, x, t, 1.0, PenalizedPath.CV_ALL_ROWS);
        assertEquals(1_000, sub.cvRows());
        assertEquals(2_000, full.cvRows());
        assertNotEquals(full.lambda(), sub.lambda());
        // deterministic: same data and seed, same bytes
        PenalizedPath.Result again = fit(PenalizedPath.Family.BINOMIAL, x, t, 1.0, 1_000);
        assertEquals(sub.lambda(), again.lambda());
        assertArrayEquals(sub.coefficients(), again.coefficients());
    }

    @Test
    @Tag("slow")
    void theLearnersSubsampleFromFortyThousandRows() {
        // the public learners go through the rule too: 40,000 rows (automatic m = 20,000) subsample
        double[][] big = design(40_000, 3, 5);
        double[] bt = labels(big, 6);
        int[] ti = new int[bt.length];
        for (int i = 0; i < ti.length; i++) {
            ti[i] = (int) bt[i];
        }
        PenalizedPath.Result auto = fit(PenalizedPath.Family.BINOMIAL, big, bt, 0.0, 0);
        assertEquals(20_000, auto.cvRows());
        LogisticModel m = LogisticRegression.l2().fit(big, ti, null, 7);
        assertEquals(auto.lambda(), m.lambda());
        assertEquals(20_000, m.lambdaCvRows());
    }

    /** Known answer: logistic (L1 and L2) and ridge on 20,000 rows, λ chosen on 2,000 vs on all rows. */
    @Test
    @Tag("slow")
    void subsampleChosenModelMatchesTheFullPathModel() {
        int n = 20_000;
        int p = 8;
        double[] beta = {0.8, -0.6, 0.4, 0, 0, 0.2, 0, -0.3};
        double[][] x = design(n, p, 21);
        double[][] xt = design(20_000, p, 22);
        SplittableRandom rng = new SplittableRandom(23);
        double[] t = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double eta = 0.2 + dot(beta, x[i]);
            t[i] = rng.nextDouble() < 1 / (1 + Math.exp(-eta)) ? 1 : 0;
            y[i] = 1 + dot(beta, x[i]) + rng.nextGaussian();
        }
        for (double alpha : new double[] {0.0, 1.0}) {
            PenalizedPath.Result full = fit(PenalizedPath.Family.BINOMIAL, x, t, alpha, PenalizedPath.CV_ALL_ROWS);
            PenalizedPath.Result sub = fit(PenalizedPath.Family.BINOMIAL, x, t, alpha, 2_000);
            assertEquals(2_000, sub.cvRows());
            assertEquals(n, full.cvRows());
            for (int j = 0; j < p; j++) {
                if (alpha == 1.0) {
                    assertEquals(full.coefficients()[j], sub.coefficients()[j], 0.03, "lasso beta " + j);
                }
                assertEquals(beta[j], sub.coefficients()[j], 0.08, "alpha " + alpha + " truth " + j);
            }
            // (the full ridge path ends at λ_max·1e-4 with λ_max taken as for α = 0.001, so at 20,000 rows its CV
            // picks the path's last λ and shrinks; the rescaled subsample λ lies below that end)
            double lossFull = trueLogLoss(full, xt, beta);
            double lossSub = trueLogLoss(sub, xt, beta);
            assertTrue(lossSub <= lossFull * 1.002, "alpha " + alpha + ": " + lossSub + " vs full " + lossFull);
        }
        PenalizedPath.Result full = fit(PenalizedPath.Family.GAUSSIAN, x, y, 0.0, PenalizedPath.CV_ALL_ROWS);
        PenalizedPath.Result sub = fit(PenalizedPath.Family.GAUSSIAN, x, y, 0.0, 2_000);
        assertEquals(2_000, sub.cvRows());
        double rmseFull = rmseToTruth(full, xt, beta);
        double rmseSub = rmseToTruth(sub, xt, beta);
        assertTrue(rmseSub < 0.05, "ridge RMSE to the true mean " + rmseSub);
        assertTrue(rmseSub <= rmseFull * 1.25 + 1e-3, "ridge RMSE " + rmseSub + " vs full " + rmseFull);
    }

    private static PenalizedPath.Result fit(PenalizedPath.Family f, double[][] x, double[] y, double alpha, int m) {
        double[] w = new double[x.length];
        Arrays.fill(w, 1);
        return PenalizedPath.fit(f, x, y, w, null, 7, alpha, S, Design.Layout.DENSE, false, m);
    }

    /** Expected log-loss under the true propensities of held-out rows. */
    private static double trueLogLoss(PenalizedPath.Result r, double[][] x, double[] beta) {
        double sum = 0;
        for (double[] row : x) {
            double e = 1 / (1 + Math.exp(-(0.2 + dot(beta, row))));
            double q = 1 / (1 + Math.exp(-(r.intercept() + dot(r.coefficients(), row))));
            sum -= e * Math.log(q) + (1 - e) * Math.log(1 - q);
        }
        return sum / x.length;
    }

    private static double rmseToTruth(PenalizedPath.Result r, double[][] x, double[] beta) {
        double ss = 0;
        for (double[] row : x) {
            double d = r.intercept() + dot(r.coefficients(), row) - 1 - dot(beta, row);
            ss += d * d;
        }
        return Math.sqrt(ss / x.length);
    }

    private static double dot(double[] b, double[] row) {
        double s = 0;
        for (int j = 0; j < b.length; j++) {
            s += b[j] * row[j];
        }
        return s;
    }

    /** n rows of p N(0, 1) covariates plus 0.3 times a shared N(0, 1) factor. */
    static double[][] design(int n, int p, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[][] x = new double[n][p];
        for (int i = 0; i < n; i++) {
            double u = rng.nextGaussian();
            for (int j = 0; j < p; j++) {
                x[i][j] = rng.nextGaussian() + 0.3 * u;
            }
        }
        return x;
    }

    private static double[] labels(double[][] x, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] t = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            t[i] = rng.nextDouble() < 1 / (1 + Math.exp(-(x[i][0] - 0.5 * x[i][1]))) ? 1 : 0;
        }
        return t;
    }
}
