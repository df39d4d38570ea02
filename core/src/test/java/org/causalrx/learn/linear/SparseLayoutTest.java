package org.causalrx.learn.linear;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The sparse layout (residual-update coordinate descent that skips the zeros of one-hot columns) solves the same
 * convex problems as the dense covariance-update reference: on dense data and on one-hot data, for lasso, ridge, L1
 * and L2 logistic, with and without weights, both choose the same λ by cross-validation and give the same
 * coefficients to 1e-6 relative (at solver tolerance 1e-10). Also: same input ⇒ identical coefficients, and the
 * layout is chosen by what it costs.
 */
@Tag("slow")
class SparseLayoutTest {
    private static final double REL_TOL = 1e-6;
    private static final LinearSettings TIGHT = LinearSettings.defaults().withTolerance(1e-10).withNLambda(40);

    /** n rows: {@code dense} Gaussian columns with different scales, then one-hot dummies (reference dropped). */
    private static double[][] design(Random rng, int n, int dense, int[] levels) {
        int p = dense;
        for (int l : levels) {
            p += l - 1;
        }
        double[][] x = new double[n][p];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < dense; j++) {
                x[i][j] = (1 + j) * rng.nextGaussian() + j;
            }
            int off = dense;
            for (int l : levels) {
                int level = rng.nextInt(l);
                if (level > 0) {
                    x[i][off + level - 1] = 1;
                }
                off += l - 1;
            }
        }
        return x;
    }

    private static double[] effects(Random rng, int p, double scale) {
        double[] b = new double[p];
        for (int j = 0; j < p; j++) {
            b[j] = j % 3 == 0 ? scale * rng.nextGaussian() : 0;
        }
        return b;
    }

    private static double[] gaussianY(Random rng, double[][] x, double[] b) {
        double[] y = Sim.linear(x, 0.5, b);
        for (int i = 0; i < y.length; i++) {
            y[i] += rng.nextGaussian();
        }
        return y;
    }

    private static double[] binaryY(Random rng, double[][] x, double[] b) {
        double[] eta = Sim.linear(x, -0.2, b);
        double[] t = new double[eta.length];
        for (int i = 0; i < t.length; i++) {
            t[i] = rng.nextDouble() < LogisticSolver.sigmoid(eta[i]) ? 1 : 0;
        }
        return t;
    }

    private static double[] weights(Random rng, int n, boolean weighted) {
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            w[i] = weighted ? 0.3 + 2 * rng.nextDouble() : 1;
        }
        return w;
    }

    private static void assertSame(PenalizedPath.Family family, double alpha, double[][] x, double[] y, double[] w,
                                   LinearSettings s, String what) {
        PenalizedPath.Result dense = PenalizedPath.fit(family, x, y, w, null, 7, alpha, s, Design.Layout.DENSE);
        PenalizedPath.Result sparse = PenalizedPath.fit(family, x, y, w, null, 7, alpha, s, Design.Layout.SPARSE);
        assertEquals(dense.lambda(), sparse.lambda(), 1e-12 * dense.lambda(), what + ": chosen lambda");
        double scale = Math.abs(dense.intercept());
        for (double c : dense.coefficients()) {
            scale = Math.max(scale, Math.abs(c));
        }
        double tol = REL_TOL * Math.max(scale, 1e-3);
        assertEquals(dense.intercept(), sparse.intercept(), tol, what + ": intercept");
        assertArrayEquals(dense.coefficients(), sparse.coefficients(), tol, what + ": coefficients");
        int nonZero = 0;
        for (double c : dense.coefficients()) {
            nonZero += c != 0 ? 1 : 0;
        }
        assertTrue(nonZero > 0, what + ": the comparison needs a non-trivial fit");
    }

    private static void compareAll(double[][] x, long seed, String data) {
        Random rng = new Random(seed);
        int n = x.length;
        double[] b = effects(rng, x[0].length, 0.4);
        double[] y = gaussianY(rng, x, b);
        double[] t = binaryY(rng, x, b);
        for (boolean weighted : new boolean[] {false, true}) {
            double[] w = weights(rng, n, weighted);
            String tag = data + (weighted ? ", weighted" : ", unweighted");
            assertSame(PenalizedPath.Family.GAUSSIAN, 1.0, x, y, w, TIGHT, "lasso, " + tag);
            assertSame(PenalizedPath.Family.GAUSSIAN, 0.0, x, y, w, TIGHT, "ridge, " + tag);
            assertSame(PenalizedPath.Family.BINOMIAL, 1.0, x, t, w, TIGHT, "l1 logistic, " + tag);
            assertSame(PenalizedPath.Family.BINOMIAL, 0.0, x, t, w, TIGHT, "l2 logistic, " + tag);
            assertSame(PenalizedPath.Family.BINOMIAL, 0.0, x, t, w, TIGHT.withFixedLambda(1e-3),
                    "l2 logistic at fixed lambda, " + tag);
        }
    }

    @Test
    void sameSolutionOnDenseData() {
        compareAll(design(new Random(11), 400, 8, new int[0]), 12, "dense");
    }

    @Test
    void sameSolutionOnOneHotData() {
        compareAll(design(new Random(21), 700, 3, new int[] {30, 4}), 22, "one-hot");
    }

    /** Standardised columns (as the feasibility simulation fits): a dummy takes two values, mostly the first. */
    @Test
    void sameSolutionOnStandardisedOneHotData() {
        double[][] x = standardised(design(new Random(51), 700, 3, new int[] {30}));
        compareAll(x, 52, "standardised one-hot");
    }

    private static double[][] standardised(double[][] x) {
        int n = x.length;
        int p = x[0].length;
        double[][] out = new double[n][p];
        for (int j = 0; j < p; j++) {
            double m = 0;
            for (double[] row : x) {
                m += row[j] / n;
            }
            double v = 0;
            for (double[] row : x) {
                v += (row[j] - m) * (row[j] - m) / n;
            }
            for (int i = 0; i < n; i++) {
                out[i][j] = (x[i][j] - m) / Math.sqrt(v);
            }
        }
        return out;
    }

    @Test
    void sameInputGivesIdenticalCoefficients() {
        double[][] x = design(new Random(31), 600, 3, new int[] {60});
        Random rng = new Random(32);
        double[] b = effects(rng, x[0].length, 0.4);
        double[] t = binaryY(rng, x, b);
        double[] y = gaussianY(rng, x, b);
        double[] w = weights(rng, x.length, true);
        for (PenalizedPath.Family f : PenalizedPath.Family.values()) {
            double[] target = f == PenalizedPath.Family.GAUSSIAN ? y : t;
            PenalizedPath.Result a = PenalizedPath.fit(f, x, target, w, null, 5, 1.0, LinearSettings.defaults(),
                    Design.Layout.SPARSE);
            PenalizedPath.Result c = PenalizedPath.fit(f, x, target, w, null, 5, 1.0, LinearSettings.defaults(),
                    Design.Layout.SPARSE);
            assertEquals(a.intercept(), c.intercept(), 0.0);
            assertArrayEquals(a.coefficients(), c.coefficients(), 0.0);
            assertEquals(a.lambda(), c.lambda(), 0.0);
        }
    }

    @Test
    void layoutFollowsCost() {
        assertEquals(Design.Layout.DENSE, Design.preferredLayout(design(new Random(41), 500, 20, new int[] {5, 3})));
        assertEquals(Design.Layout.SPARSE, Design.preferredLayout(design(new Random(42), 500, 5, new int[] {300})));
        assertEquals(Design.Layout.SPARSE,
                Design.preferredLayout(standardised(design(new Random(43), 500, 5, new int[] {300}))));
    }
}
