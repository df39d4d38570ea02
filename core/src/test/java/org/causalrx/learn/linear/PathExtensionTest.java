package org.causalrx.learn.linear;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The λ path extends downwards while the CV minimum sits at its end ({@link PathCv}). Ridge's λ_max is computed as
 * for α = 0.001, so at n ≫ p the default path (down to λ_max · 1e-4) ends where ridge still shrinks by about 10 %
 * and CV used to choose that last λ; with the extension the chosen λ is an interior minimum and ridge's coefficients
 * are as close to the truth as the unpenalised fit's.
 */
class PathExtensionTest {
    private static final int N = 5_000;
    private static final int P = 10;

    @Test
    void ridgeAtLargeNChoosesAnInteriorLambdaAndMatchesOls() {
        Random rng = new Random(20261204);
        double[][] x = Sim.features(rng, N, P, 0.3);
        double[] b = new double[P];
        for (int j = 0; j < P; j++) {
            b[j] = (j % 2 == 0 ? 1.0 : -0.8) / (1 + 0.5 * j); // standardised effects near 1: a strong signal
        }
        double[] y = Sim.gaussianY(rng, x, 0.5, b, 1.0);
        double[] w = new double[N];
        Arrays.fill(w, 1.0);

        PenalizedPath.Result r = PenalizedPath.fit(PenalizedPath.Family.GAUSSIAN, x, y, w, 11L, 0.0,
                LinearSettings.defaults());
        int initial = LinearSettings.DEFAULT_N_LAMBDA;
        assertTrue(r.pathPoints() > initial, "path extended past its initial " + initial + " points: "
                + r.pathPoints());
        assertTrue(r.chosen() >= initial, "the minimum lies beyond the initial path: index " + r.chosen());
        assertTrue(r.chosen() < r.pathPoints() - 1, "interior minimum: index " + r.chosen() + " of "
                + r.pathPoints());

        double[] ols = RidgeClosedFormTest.closedForm(x, y, w, 0.0);
        double ridgeRmse = rmse(r.coefficients(), b, 0);
        double olsRmse = rmse(ols, b, 1);
        // the old path's end shrank by about 11 %: RMSE several times OLS's; now within a few % of it
        assertTrue(ridgeRmse < 1.05 * olsRmse, "ridge RMSE " + ridgeRmse + " vs OLS " + olsRmse);

        // the folds' extension on several threads gives the same bytes
        PenalizedPath.Result parallel = PenalizedPath.fit(PenalizedPath.Family.GAUSSIAN, x, y, w, null, 11L, 0.0,
                LinearSettings.defaults(), Design.Layout.DENSE, true);
        assertEquals(r.lambda(), parallel.lambda());
        assertArrayEquals(r.coefficients(), parallel.coefficients());

        // the public learner goes through the same choice
        LinearModel m = new Ridge().fit(x, y, w, 11L);
        assertEquals(r.lambda(), m.lambda());
        assertArrayEquals(r.coefficients(), m.coefficients());
    }

    @Test
    void theLargeNSubsampleChoosesOnTheExtendedPathToo() {
        // n ≥ 2m: λ is chosen on a subsample of m = 2,000 rows by the same extended path, then rescaled to n
        Random rng = new Random(5);
        double[][] x = Sim.features(rng, N, P, 0.3);
        double[] b = new double[P];
        Arrays.fill(b, 0.5);
        double[] y = Sim.gaussianY(rng, x, 0.0, b, 1.0);
        double[] w = new double[N];
        Arrays.fill(w, 1.0);
        PenalizedPath.Result r = PenalizedPath.fit(PenalizedPath.Family.GAUSSIAN, x, y, w, null, 11L, 0.0,
                LinearSettings.defaults(), Design.Layout.DENSE, false, 2_000);
        assertEquals(2_000, r.cvRows());
        assertTrue(r.pathPoints() > LinearSettings.DEFAULT_N_LAMBDA, "extended: " + r.pathPoints());
        assertTrue(r.chosen() < r.pathPoints() - 1, "interior: " + r.chosen() + " of " + r.pathPoints());
        double[] ols = RidgeClosedFormTest.closedForm(x, y, w, 0.0);
        assertTrue(rmse(r.coefficients(), b, 0) < 1.05 * rmse(ols, b, 1));
    }

    @Test
    void aMinimumInsideThePathIsNotExtended() {
        // lasso on a sparse design with few rows: the CV minimum lies well inside the path, which stays at 100 points
        Random rng = new Random(7);
        double[][] x = Sim.features(rng, 120, 30, 0.2);
        double[] b = new double[30];
        b[0] = 1.5;
        b[3] = -1.0;
        double[] y = Sim.gaussianY(rng, x, 0.0, b, 2.0);
        double[] w = new double[120];
        Arrays.fill(w, 1.0);
        PenalizedPath.Result r = PenalizedPath.fit(PenalizedPath.Family.GAUSSIAN, x, y, w, 3L, 1.0,
                LinearSettings.defaults());
        assertEquals(LinearSettings.DEFAULT_N_LAMBDA, r.pathPoints());
        assertTrue(r.chosen() < r.pathPoints() - 1);
    }

    /** Root mean squared difference between {@code coef[offset..]} and {@code truth}. */
    private static double rmse(double[] coef, double[] truth, int offset) {
        double ss = 0;
        for (int j = 0; j < truth.length; j++) {
            double d = coef[offset + j] - truth[j];
            ss += d * d;
        }
        return Math.sqrt(ss / truth.length);
    }
}
