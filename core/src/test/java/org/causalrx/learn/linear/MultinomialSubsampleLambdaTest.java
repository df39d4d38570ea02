package org.causalrx.learn.linear;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The large-n rule of {@link PenalizedPath} in {@link MultinomialPath} (the K-arm propensity): λ chosen by
 * cross-validation on a seeded subsample of m rows when n ≥ 2m, carried to n by λ·(m/n)^(1 − α/2), and the model
 * fitted on all rows at that λ. Below the gate the fit is the full path's, bit for bit; above it the model is close to
 * the full path's, and to the truth, on simulated 3-arm data with known coefficients.
 */
class MultinomialSubsampleLambdaTest {
    private static final LinearSettings S = LinearSettings.defaults();
    private static final int K = 3;
    /** True log-odds of arms 1 and 2 against arm 0: intercept, then 6 coefficients. */
    private static final double[][] TRUTH = {{0.3, 0.8, -0.5, 0, 0.3, 0, 0}, {-0.2, -0.6, 0, 0.5, 0, 0, 0.2}};

    @Test
    void belowTheGateTheFitIsTheFullPathBitForBit() {
        double[][] x = SubsampleLambdaTest.design(999, 6, 1);
        int[] t = arms(x, TRUTH, 2);
        for (double alpha : new double[] {0.0, 1.0}) {
            MultinomialPath.Result full = fit(x, t, alpha, PenalizedPath.CV_ALL_ROWS);
            MultinomialPath.Result gated = fit(x, t, alpha, 500); // n = 999 < 2m
            MultinomialPath.Result auto = fit(x, t, alpha, 0); // m = 20,000 > n / 2
            for (MultinomialPath.Result r : new MultinomialPath.Result[] {gated, auto}) {
                assertEquals(999, r.cvRows());
                assertEquals(full.lambda(), r.lambda());
                assertArrayEquals(full.intercepts(), r.intercepts());
                assertArrayEquals(full.coefficients(), r.coefficients());
            }
        }
        MultinomialModel m = MultinomialRegression.l2().fit(x, t, K, null, 7);
        assertEquals(0, m.lambdaCvRows());
        assertEquals(fit(x, t, 0.0, PenalizedPath.CV_ALL_ROWS).lambda(), m.lambda());
    }

    @Test
    void atTheGateLambdaComesFromTheSubsample() {
        double[][] x = SubsampleLambdaTest.design(1_000, 6, 1);
        int[] t = arms(x, TRUTH, 2);
        MultinomialPath.Result sub = fit(x, t, 1.0, 500);
        MultinomialPath.Result full = fit(x, t, 1.0, PenalizedPath.CV_ALL_ROWS);
        assertEquals(500, sub.cvRows());
        assertEquals(1_000, full.cvRows());
        assertNotEquals(full.lambda(), sub.lambda());
        // the carried λ is the subsample's own choice rescaled: the same path on the same rows, then (m/n)^(1 − α/2)
        int[] rows = PenalizedPath.sampleRows(1_000, 500,
                org.causalrx.util.Seeds.derive(7, "linear-cv-subsample"));
        double[][] xs = new double[rows.length][];
        int[] ts = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            xs[i] = x[rows[i]];
            ts[i] = t[rows[i]];
        }
        MultinomialPath.Result own = fit(xs, ts, 1.0, PenalizedPath.CV_ALL_ROWS);
        assertEquals(PenalizedPath.rescale(own.lambda(), 500, 1_000, 1.0), sub.lambda(), 0.0);
        MultinomialPath.Result again = fit(x, t, 1.0, 500);
        assertEquals(sub.lambda(), again.lambda(), "deterministic");
        assertArrayEquals(sub.coefficients(), again.coefficients());
        MultinomialModel m = MultinomialRegression.l1().fit(x, t, K, null, 7);
        assertEquals(full.lambda(), m.lambda(), "the learner's automatic m = 20,000: the full path at 1,000 rows");
    }

    /** Known answer: multinomial L1 and L2 on 20,000 rows, λ chosen on 2,000 vs on all rows. */
    @Test
    @Tag("slow")
    void subsampleChosenModelMatchesTheFullPathModel() {
        int n = 20_000;
        double[][] x = SubsampleLambdaTest.design(n, 6, 21);
        int[] t = arms(x, TRUTH, 23);
        double[][] xt = SubsampleLambdaTest.design(20_000, 6, 22);
        for (double alpha : new double[] {0.0, 1.0}) {
            MultinomialPath.Result full = fit(x, t, alpha, PenalizedPath.CV_ALL_ROWS);
            MultinomialPath.Result sub = fit(x, t, alpha, 2_000);
            assertEquals(2_000, sub.cvRows());
            assertEquals(n, full.cvRows());
            MultinomialModel fm = model(full);
            MultinomialModel sm = model(sub);
            for (int a = 1; a < K; a++) {
                double[] cf = fm.contrast(a);
                double[] cs = sm.contrast(a);
                for (int j = 0; j < cs.length; j++) {
                    String where = "alpha " + alpha + ", arm " + a + ", term " + j;
                    assertEquals(TRUTH[a - 1][j], cs[j], 0.06, where + " vs truth");
                    assertEquals(cf[j], cs[j], 0.02, where + " vs the full path");
                }
            }
            double lossFull = trueLogLoss(fm, xt, TRUTH);
            double lossSub = trueLogLoss(sm, xt, TRUTH);
            assertTrue(lossSub <= lossFull * 1.002, "alpha " + alpha + ": " + lossSub + " vs full " + lossFull);
        }
    }

    private static MultinomialModel model(MultinomialPath.Result r) {
        return new MultinomialModel(r.intercepts(), r.coefficients(), r.featureSd(), r.lambda());
    }

    private static MultinomialPath.Result fit(double[][] x, int[] t, double alpha, int m) {
        double[] w = new double[x.length];
        Arrays.fill(w, 1);
        return MultinomialPath.fit(x, t, K, w, null, 7, alpha, S, m);
    }

    /** Expected log-loss of the model under the true arm probabilities of held-out rows. */
    static double trueLogLoss(MultinomialModel m, double[][] x, double[][] beta) {
        double[][] q = m.predictProba(x);
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            double[] e = truth(x[i], beta);
            for (int a = 0; a < q[i].length; a++) {
                sum -= e[a] * Math.log(q[i][a]);
            }
        }
        return sum / x.length;
    }

    /** The arm probabilities of a row: softmax(0, β_1·(1, x), β_2·(1, x), ...), β_a − 1 at {@code beta[a − 1]}. */
    static double[] truth(double[] row, double[][] beta) {
        int k = beta.length + 1;
        double[] w = new double[k];
        w[0] = 1;
        double z = 1;
        for (int a = 1; a < k; a++) {
            double eta = beta[a - 1][0];
            for (int j = 0; j < row.length; j++) {
                eta += beta[a - 1][j + 1] * row[j];
            }
            w[a] = Math.exp(eta);
            z += w[a];
        }
        for (int a = 0; a < k; a++) {
            w[a] /= z;
        }
        return w;
    }

    /** Each row's arm drawn from {@link #truth}. */
    static int[] arms(double[][] x, double[][] beta, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int[] t = new int[x.length];
        for (int i = 0; i < x.length; i++) {
            double[] e = truth(x[i], beta);
            double u = rng.nextDouble();
            int a = 0;
            double c = e[0];
            while (u >= c && a < e.length - 1) {
                c += e[++a];
            }
            t[i] = a;
        }
        return t;
    }
}
