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
 * are as close to the truth as the unpenalised fit's. The same holds for the L2 logistic and multinomial propensity
 * models.
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
    void l2LogisticAtLargeNChoosesAnInteriorLambdaAndMatchesTheMle() {
        // the propensity model: at n >> p the old path's end still shrank the log-odds by about 10 %
        Random rng = new Random(41);
        double[][] x = Sim.features(rng, N, P, 0.3);
        double[] b = new double[P];
        for (int j = 0; j < P; j++) {
            b[j] = (j % 2 == 0 ? 0.8 : -0.6) / (1 + 0.5 * j);
        }
        int[] t = Sim.labels(rng, x, 0.2, b);
        double[] y = new double[N];
        double[] w = new double[N];
        for (int i = 0; i < N; i++) {
            y[i] = t[i];
            w[i] = 1.0;
        }
        PenalizedPath.Result r = PenalizedPath.fit(PenalizedPath.Family.BINOMIAL, x, y, w, 13L, 0.0,
                LinearSettings.defaults());
        // the minimum lies beyond the initial path (here the all-data path saturates, i.e. stops improving, before
        // the CV error rises again: the chosen fit is then practically the MLE)
        assertTrue(r.chosen() >= LinearSettings.DEFAULT_N_LAMBDA,
                "minimum beyond the initial path: index " + r.chosen() + " of " + r.pathPoints());
        LogisticModel mle = LogisticRegression.l2(LinearSettings.nearlyUnpenalized()).fit(x, t, w, 13L);
        double cvRmse = rmse(r.coefficients(), b, 0);
        double mleRmse = rmse(mle.coefficients(), b, 0);
        assertTrue(cvRmse < 1.05 * mleRmse, "l2 logistic RMSE " + cvRmse + " vs the MLE's " + mleRmse);
    }

    @Test
    void multinomialL2AtLargeNIsAsCloseToTheTruthAsTheMle() {
        // the K-arm propensity model: arm probabilities softmax(0, x0, -x0 + 0.5 x1), 3 arms
        Random rng = new Random(43);
        double[][] x = Sim.features(rng, N, 4, 0.2);
        int[] t = new int[N];
        double[][] truth = new double[N][];
        for (int i = 0; i < N; i++) {
            double[] e = {1, Math.exp(x[i][0]), Math.exp(-x[i][0] + 0.5 * x[i][1])};
            double sum = e[0] + e[1] + e[2];
            truth[i] = new double[] {e[0] / sum, e[1] / sum, e[2] / sum};
            double u = rng.nextDouble();
            t[i] = u < truth[i][0] ? 0 : u < truth[i][0] + truth[i][1] ? 1 : 2;
        }
        double cv = probabilityRmse(MultinomialRegression.l2().fit(x, t, 3, null, 17L).predictProba(x), truth);
        double mle = probabilityRmse(MultinomialRegression.l2(LinearSettings.nearlyUnpenalized())
                .fit(x, t, 3, null, 17L).predictProba(x), truth);
        assertTrue(cv < 1.05 * mle, "multinomial l2 probability RMSE " + cv + " vs the MLE's " + mle);
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

    @Test
    void separableGroupsExtendTheDefaultPathButNotOneThatAsksNot() {
        // classes that are a linear function of x: the held-out deviance keeps falling as the coefficients grow,
        // so the default path extends far past its 100 points; extendPath(false) chooses among those 100
        Random rng = new Random(9);
        int n = 1_000;
        double[][] x = Sim.features(rng, n, 5, 0.0);
        double[] y = new double[n];
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = x[i][0] + 0.5 * x[i][1] > 0 ? 1 : 0;
            w[i] = 1.0;
        }
        PenalizedPath.Result extended = PenalizedPath.fit(PenalizedPath.Family.BINOMIAL, x, y, w, 5L, 1.0,
                LinearSettings.defaults());
        assertTrue(extended.pathPoints() > LinearSettings.DEFAULT_N_LAMBDA, "extended: " + extended.pathPoints());
        PenalizedPath.Result kept = PenalizedPath.fit(PenalizedPath.Family.BINOMIAL, x, y, w, 5L, 1.0,
                LinearSettings.defaults().withExtendPath(false));
        assertEquals(LinearSettings.DEFAULT_N_LAMBDA, kept.pathPoints());
        assertTrue(kept.lambda() > extended.lambda(), kept.lambda() + " vs " + extended.lambda());
    }

    /** Root mean squared difference between two n × K probability matrices. */
    private static double probabilityRmse(double[][] p, double[][] q) {
        double ss = 0;
        int cells = 0;
        for (int i = 0; i < p.length; i++) {
            for (int a = 0; a < p[i].length; a++) {
                double d = p[i][a] - q[i][a];
                ss += d * d;
                cells++;
            }
        }
        return Math.sqrt(ss / cells);
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
