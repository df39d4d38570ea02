package org.causalrx.causal.meta;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.SplittableRandom;

import org.causalrx.learn.linear.LogisticRegression;
import org.causalrx.learn.linear.Ridge;
import org.junit.jupiter.api.Test;

/**
 * The DR-learner's fitted model keeps the cross-fitted pseudo-outcomes its final stage was fit to, bit for bit the
 * ones {@link DRLearner#pseudoOutcomes} computes with the same seed (so a final-stage bootstrap may reuse them
 * instead of cross-fitting again); a model built from its regression alone has none.
 */
class DRLearnerPseudoOutcomesTest {

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
