package org.causalrx.learn.xgb;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.causalrx.learn.ClassifierRegressor;
import org.causalrx.learn.RegressionModel;
import org.causalrx.learn.Regressor;
import org.causalrx.learn.linear.Ridge;
import org.junit.jupiter.api.Test;

/**
 * Re-fits at a reference fit's boosting rounds ({@link FixedRounds#like}): below the early-stopping refit gate the
 * re-fit on the reference's data and seed is the reference model bit for bit (one boosting pass instead of two);
 * from the gate on, where the reference kept its early-stopping booster, the re-fit boosts the kept best rounds on
 * all rows; learners without early stopping, or not XGBoost, are left as they are.
 */
class FixedRoundsTest {
    private static final XGBoostParams FAST = BoostingData.FAST;

    private static XGBoostParams params(Regressor r) {
        return r instanceof XGBoostRegressor xr ? xr.params()
                : ((XGBoostClassifier) ((ClassifierRegressor) r).classifier()).params();
    }

    @Test
    void belowTheGateTheRefitAtTheChosenRoundsIsTheReferenceModelBitForBit() {
        double[][] x = BoostingData.x(400, 1);
        double[][] xNew = BoostingData.x(100, 3);
        for (boolean binary : new boolean[] {false, true}) {
            double[] y = BoostingData.y(x, 2, binary);
            Regressor learner = binary ? new ClassifierRegressor(new XGBoostClassifier(FAST))
                    : new XGBoostRegressor(FAST);
            RegressionModel reference = learner.fit(x, y, null, 7);
            Regressor fixed = FixedRounds.like(learner, reference);
            XGBoostParams p = params(fixed);
            assertEquals(0, p.earlyStopping(), "no early-stopping pass");
            assertTrue(p.rounds() >= 1 && p.rounds() < FAST.rounds(), "early stopping chose " + p.rounds());
            assertEquals(FAST.withRounds(p.rounds()).withEarlyStopping(0), p, "only the rounds and patience change");
            assertArrayEquals(reference.predict(xNew), fixed.fit(x, y, null, 7).predict(xNew),
                    "the reference's refit boosted exactly these rounds on these rows with this seed");
            // another seed's data: the same rounds, no second pass
            double[][] other = BoostingData.x(300, 5);
            assertEquals(p.rounds(), params(FixedRounds.like(learner, fixed.fit(other,
                    BoostingData.y(other, 6, binary), null, 8))).rounds(), "a fixed-rounds fit keeps its rounds");
        }
    }

    @Test
    void fromTheGateTheRefitBoostsTheKeptBestRoundsOnAllRows() throws Exception {
        double[][] x = BoostingData.x(400, 1);
        double[] y = BoostingData.y(x, 2, false);
        double[][] xNew = BoostingData.x(100, 3);
        XGBoostRegressor learner = new XGBoostRegressor(FAST.withRefitRows(400));
        XGBoostRegressor.Model kept = (XGBoostRegressor.Model) learner.fit(x, y, null, 7);
        int best = Integer.parseInt(kept.booster().getAttr(Boosters.BEST_ROUNDS));
        XGBoostRegressor fixed = (XGBoostRegressor) FixedRounds.like(learner, kept);
        assertEquals(best, fixed.params().rounds(), "the kept booster's best round, not every boosted round");
        assertTrue(kept.booster().getNumBoostedRound() > best);
        XGBoostRegressor.Model refit = (XGBoostRegressor.Model) fixed.fit(x, y, null, 7);
        assertEquals(best, refit.booster().getNumBoostedRound(), "boosted the best rounds once");
        assertFalse(Arrays.equals(kept.predict(xNew), refit.predict(xNew)), "on all rows, not on 80 % of them");
    }

    @Test
    void learnersWithoutEarlyStoppingOrNotXgboostStayAsTheyAre() {
        double[][] x = BoostingData.x(200, 1);
        double[] y = BoostingData.y(x, 2, false);
        XGBoostRegressor plain = new XGBoostRegressor(FAST.withEarlyStopping(0).withRounds(20));
        assertSame(plain, FixedRounds.like(plain, plain.fit(x, y, null, 3)));
        Ridge ridge = new Ridge();
        assertSame(ridge, FixedRounds.like(ridge, ridge.fit(x, y, null, 3)));
        XGBoostRegressor early = new XGBoostRegressor(FAST);
        assertSame(early, FixedRounds.like(early, ridge.fit(x, y, null, 3)), "a model it did not fit");
    }
}
