package org.causalrx.causal.meta;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.causalrx.causal.CrossFit;
import org.causalrx.learn.linear.LogisticRegression;
import org.causalrx.learn.linear.Ridge;
import org.junit.jupiter.api.Test;

/**
 * The DR-learner's fitted model keeps the cross-fitted pseudo-outcomes its final stage was fit to, bit for bit the
 * ones {@link DRLearner#pseudoOutcomes} computes with the same seed (so a final-stage bootstrap may reuse them
 * instead of cross-fitting again); a model built from its regression alone has none. Automatic folds
 * ({@link CrossFit#AUTO}, the built-in {@code dr_xgboost}'s) are 5 below {@link CrossFit#LARGE_ROWS} rows and 2 from
 * there on: the same pseudo-outcomes as those numbers given explicitly.
 */
class DRLearnerPseudoOutcomesTest {

    @Test
    void automaticFoldsAreFiveBelowTheGateAndTwoFromIt() {
        assertEquals(5, CrossFit.folds(CrossFit.AUTO, CrossFit.LARGE_ROWS - 1));
        assertEquals(2, CrossFit.folds(CrossFit.AUTO, CrossFit.LARGE_ROWS));
        assertEquals(3, CrossFit.folds(3, 10_000_000));
        for (int n : new int[] {400, CrossFit.LARGE_ROWS}) {
            double[][] x = new double[n][];
            int[] t = new int[n];
            double[] y = new double[n];
            draw(n, x, t, y);
            DRLearner auto = new DRLearner("dr_ridge", new Ridge(), LogisticRegression.l2(), new Ridge(),
                    CrossFit.AUTO, 0.01);
            int expected = n < CrossFit.LARGE_ROWS ? 5 : 2;
            double[] pseudo = auto.pseudoOutcomes(x, t, y, 17);
            assertArrayEquals(new DRLearner("dr_ridge", new Ridge(), LogisticRegression.l2(), new Ridge(), expected,
                    0.01).pseudoOutcomes(x, t, y, 17), pseudo, "n = " + n);
            assertFalse(Arrays.equals(new DRLearner("dr_ridge", new Ridge(), LogisticRegression.l2(), new Ridge(),
                    7 - expected, 0.01).pseudoOutcomes(x, t, y, 17), pseudo), "the other number of folds differs");
        }
    }

    private static void draw(int n, double[][] x, int[] t, double[] y) {
        SplittableRandom rng = new SplittableRandom(5);
        for (int i = 0; i < n; i++) {
            x[i] = new double[3];
            for (int j = 0; j < 3; j++) {
                x[i][j] = rng.nextGaussian();
            }
            t[i] = rng.nextDouble() < 1 / (1 + Math.exp(-x[i][0])) ? 1 : 0;
            y[i] = x[i][0] + t[i] * (1 + x[i][1]) + rng.nextGaussian();
        }
    }

    @Test
    void fittedModelCarriesTheSamePseudoOutcomes() {
        SplittableRandom rng = new SplittableRandom(5);
        int n = 400;
        double[][] x = new double[n][3];
        int[] t = new int[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < 3; j++) {
                x[i][j] = rng.nextGaussian();
            }
            t[i] = rng.nextDouble() < 1 / (1 + Math.exp(-x[i][0])) ? 1 : 0;
            y[i] = x[i][0] + t[i] * (1 + x[i][1]) + rng.nextGaussian();
        }
        DRLearner dr = new DRLearner("dr_ridge", new Ridge(), LogisticRegression.l2(), new Ridge(), 3, 0.01);
        FinalStageModel m = (FinalStageModel) dr.fit(x, t, y, 17);
        assertArrayEquals(dr.pseudoOutcomes(x, t, y, 17), m.pseudoOutcomes());
        assertNull(new FinalStageModel(m.tau()).pseudoOutcomes());
    }
}
