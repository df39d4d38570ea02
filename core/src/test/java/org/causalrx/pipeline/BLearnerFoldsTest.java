package org.causalrx.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.causalrx.causal.bounds.BLearner;
import org.junit.jupiter.api.Test;

/**
 * The run's B-learner cross-fits 3 folds below {@link BLearner#LARGE_ROWS} training rows and 2 from there on (the
 * gate of the automatic ATE and DR-learner folds), and results.json's {@code deferral.bounds_method} names the folds
 * it used.
 */
class BLearnerFoldsTest {
    @Test
    void threeFoldsBelowTheGateAndTwoFromIt() {
        assertEquals(200_000, BLearner.LARGE_ROWS);
        assertEquals(3, BLearner.folds(1_629));
        assertEquals(3, BLearner.folds(BLearner.LARGE_ROWS - 1));
        assertEquals(2, BLearner.folds(BLearner.LARGE_ROWS));
        assertEquals(2, BLearner.folds(600_000));
    }

    @Test
    void theBoundsMethodNamesTheFolds() {
        String three = DeferralSweep.boundsMethod(3);
        assertTrue(three.startsWith("B-learner sharp bounds under the marginal sensitivity model (Oprescu et al. "
                + "2023): 3-fold cross-fitted e(x) (L2-logistic, clipped to [0.05, 0.95]) and mu_t(x); conditional "
                + "quantiles at Lambda/(1+Lambda)"), three);
        assertEquals(three.replace("3-fold", "2-fold"), DeferralSweep.boundsMethod(2));
    }
}
