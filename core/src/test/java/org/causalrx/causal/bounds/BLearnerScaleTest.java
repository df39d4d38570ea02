package org.causalrx.causal.bounds;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.stream.IntStream;

import org.causalrx.causal.EffectIntervals;
import org.causalrx.learn.linear.LogisticRegression;
import org.causalrx.learn.xgb.XGBoostParams;
import org.causalrx.learn.xgb.XGBoostRegressor;
import org.junit.jupiter.api.Test;

/**
 * The B-learner's large-data settings: tail and final-stage fits on several threads give the same bounds as on one,
 * and tail models fit on subsamples only when a fold's arm holds at least twice the asked rows.
 */
class BLearnerScaleTest {
    private static final XGBoostParams SMALL = XGBoostParams.defaults().withRounds(40).withEarlyStopping(0);

    private static BLearner learner(int nuisanceRows, boolean parallel) {
        return new BLearner(new XGBoostRegressor(SMALL), LogisticRegression.l2(), SMALL, new XGBoostRegressor(SMALL),
                3, 0.02, false, nuisanceRows, parallel);
    }

    @Test
    void severalThreadsGiveTheSameBoundsAsOne() {
        BLearnerTest.Sim s = BLearnerTest.sim(900, 11, 1.0, false);
        double[] lambdas = {1.5, 2.0};
        CateBoundsFamily one = learner(0, false).fit(s.x(), s.t(), s.y(), lambdas, 3);
        CateBoundsFamily many = learner(0, true).fit(s.x(), s.t(), s.y(), lambdas, 3);
        for (double l : new double[] {1.0, 1.5, 2.0}) {
            EffectIntervals a = one.bounds(s.x(), l);
            EffectIntervals b = many.bounds(s.x(), l);
            assertArrayEquals(a.lo(), b.lo(), "lower at " + l);
            assertArrayEquals(a.hi(), b.hi(), "upper at " + l);
        }
    }

    @Test
    void tailFitsSubsampleOnlyFromTwiceTheAskedRows() {
        int[] rows = IntStream.range(0, 1000).map(i -> 3 * i + 1).toArray();
        assertSame(rows, learner(0, false).tailRows(rows, 5), "0: every row");
        assertSame(rows, learner(501, false).tailRows(rows, 5), "fewer than 2m rows: every row");
        int[] sub = learner(500, false).tailRows(rows, 5);
        assertEquals(500, sub.length);
        assertTrue(Arrays.stream(sub).allMatch(r -> Arrays.binarySearch(rows, r) >= 0), "drawn from the rows");
        assertEquals(500, Arrays.stream(sub).distinct().count(), "without replacement");
        for (int i = 1; i < sub.length; i++) {
            assertTrue(sub[i] > sub[i - 1], "ascending");
        }
        assertArrayEquals(sub, learner(500, false).tailRows(rows, 5), "same seed, same rows");
        assertNotEquals(Arrays.toString(sub), Arrays.toString(learner(500, false).tailRows(rows, 6)));
    }

    @Test
    void subsampledTailsStillBoundTheEffect() {
        BLearnerTest.Sim s = BLearnerTest.sim(1200, 13, 0.0, false);
        // each fold's arm holds about 400 rows: 150 asked ⇒ subsampled tails
        CateBoundsFamily full = learner(0, true).fit(s.x(), s.t(), s.y(), new double[] {2.0}, 7);
        CateBoundsFamily sub = learner(150, true).fit(s.x(), s.t(), s.y(), new double[] {2.0}, 7);
        assertArrayEquals(full.effect(s.x()), sub.effect(s.x()), "Lambda = 1 has no tail models");
        EffectIntervals a = full.bounds(s.x(), 2.0);
        EffectIntervals b = sub.bounds(s.x(), 2.0);
        assertNotEquals(Arrays.toString(a.hi()), Arrays.toString(b.hi()), "the tails were refit");
        double wa = 0;
        double wb = 0;
        for (int i = 0; i < a.size(); i++) {
            wa += a.hi()[i] - a.lo()[i];
            wb += b.hi()[i] - b.lo()[i];
        }
        // same width up to the nuisances' noise
        assertTrue(Math.abs(wb / wa - 1) < 0.25, "mean widths " + wa / a.size() + " vs " + wb / b.size());
    }

    /**
     * Early-stopped tail models: unsubsampled tails boost twice (the early-stopping pass, then all rows at the chosen
     * rounds) exactly as before, which a kept booster would change; subsampled tails keep the early-stopping booster
     * (the same bounds as nuisance settings with the refit gate at one row) whatever the settings' gate.
     */
    @Test
    void subsampledTailsKeepTheirEarlyStoppingBoosterAndUnsubsampledOnesAreUnchanged() {
        BLearnerTest.Sim s = BLearnerTest.sim(1200, 13, 0.0, false);
        XGBoostParams early = XGBoostParams.defaults().withRounds(60).withEarlyStopping(5);
        XGBoostParams refit = early.withRefitRows(Integer.MAX_VALUE);
        XGBoostParams kept = early.withRefitRows(1);
        double[] lambdas = {2.0};
        // about 400 rows per fold and arm: 150 asked ⇒ subsampled, 0 ⇒ every row
        for (int rows : new int[] {0, 150}) {
            CateBoundsFamily now = learner(early, rows).fit(s.x(), s.t(), s.y(), lambdas, 7);
            CateBoundsFamily old = learner(refit, rows).fit(s.x(), s.t(), s.y(), lambdas, 7);
            EffectIntervals a = now.bounds(s.x(), 2.0);
            EffectIntervals b = old.bounds(s.x(), 2.0);
            EffectIntervals k = learner(kept, rows).fit(s.x(), s.t(), s.y(), lambdas, 7).bounds(s.x(), 2.0);
            if (rows == 0) {
                assertArrayEquals(b.hi(), a.hi(), "every row: the refit after early stopping, as before");
                assertArrayEquals(b.lo(), a.lo());
                assertNotEquals(Arrays.toString(k.hi()), Arrays.toString(a.hi()), "a kept booster is not the refit");
            } else {
                assertArrayEquals(k.hi(), a.hi(), "subsampled: the kept early-stopping booster, whatever the gate");
                assertArrayEquals(k.lo(), a.lo());
                assertArrayEquals(b.hi(), a.hi());
            }
        }
        assertSame(early, learner(early, 150).tailParams(false));
        assertEquals(1, learner(early, 150).tailParams(true).refitRows());
        assertSame(SMALL, learner(SMALL, 150).tailParams(true), "no early stopping: nothing to keep");
    }

    /** Tails with {@code nuisance} settings; propensity, arm outcomes and final stage as {@link #SMALL}. */
    private static BLearner learner(XGBoostParams nuisance, int nuisanceRows) {
        return new BLearner(new XGBoostRegressor(SMALL), LogisticRegression.l2(), nuisance,
                new XGBoostRegressor(SMALL), 3, 0.02, false, nuisanceRows, false);
    }
}
