package org.causalrx.causal.bounds;

import static org.causalrx.causal.diagnostics.Correlations.pearson;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

/**
 * {@link BLearner.SweepLevels}: from 2·rows training rows the bound regressions of the levels above the study's
 * Lambda are fit on one seeded subsample of rows; the levels up to it, and so the bounds there, are the same bits as
 * without it, and the subsampled levels still estimate the same bounds (their predictions follow the full fit's).
 */
class BLearnerSweepLevelsTest {
    private static final double[] LAMBDAS = {1.25, 1.5, 2.0, 3.0};

    @Test
    void levelsAboveTheStudysLambdaAreFitOnASubsampleAndTheOthersAreUnchanged() {
        BLearnerTest.Sim s = BLearnerTest.sim(2_400, 21, 3.0, false);
        BLearner b = BLearnerTest.continuous();
        BLearner.Fitted all = b.fit(s.x(), s.t(), s.y(), LAMBDAS, 5, null);
        BLearner.Fitted swept = b.fit(s.x(), s.t(), s.y(), LAMBDAS, 5, null, new BLearner.SweepLevels(1.5, 800));
        assertEquals(0, all.sweepRows());
        assertEquals(800, swept.sweepRows());
        for (int k = 0; k < LAMBDAS.length + 1; k++) {
            CateBounds a = all.bounds().levels().get(k);
            CateBounds w = swept.bounds().levels().get(k);
            assertEquals(a.lambda(), w.lambda());
            double[] au = a.upper().predict(s.x());
            double[] wu = w.upper().predict(s.x());
            double[] al = a.lower().predict(s.x());
            double[] wl = w.lower().predict(s.x());
            if (a.lambda() <= 1.5) {
                assertArrayEquals(au, wu, "upper at Lambda " + a.lambda());
                assertArrayEquals(al, wl, "lower at Lambda " + a.lambda());
            } else {
                assertFalse(Arrays.equals(au, wu), "Lambda " + a.lambda() + " refit on the subsample");
                // the same bound estimated from a third of the rows: it follows the true effect 1 + x1 across
                // patients as the full fit does (pseudo-outcomes paired with other rows' covariates would not), at
                // about the same level
                // (measured: correlation with 1 + x1 of 0.44-0.67 on 800 rows, 0.68-0.83 on all 2,400; means within
                // 0.03 of the full fit's)
                assertTrue(pearson(wu, s.tau()) > 0.3, "upper at " + a.lambda() + ": r " + pearson(wu, s.tau()));
                assertTrue(pearson(wl, s.tau()) > 0.3, "lower at " + a.lambda() + ": r " + pearson(wl, s.tau()));
                assertEquals(mean(au), mean(wu), 0.15, "mean upper bound at " + a.lambda());
                assertEquals(mean(al), mean(wl), 0.15, "mean lower bound at " + a.lambda());
            }
        }
        assertArrayEquals(all.bounds().bounds(s.x(), 1.5).lo(), swept.bounds().bounds(s.x(), 1.5).lo());
        assertArrayEquals(all.bounds().bounds(s.x(), 1.5).hi(), swept.bounds().bounds(s.x(), 1.5).hi());
        // below 2 x rows: every level on every row, the same bits
        BLearner.Fitted below = b.fit(s.x(), s.t(), s.y(), LAMBDAS, 5, null, new BLearner.SweepLevels(1.5, 1_201));
        assertEquals(0, below.sweepRows());
        for (int k = 0; k < LAMBDAS.length + 1; k++) {
            assertArrayEquals(all.bounds().levels().get(k).upper().predict(s.x()),
                    below.bounds().levels().get(k).upper().predict(s.x()));
        }
    }

    @Test
    void settingsAreChecked() {
        assertThrows(IllegalArgumentException.class, () -> new BLearner.SweepLevels(0.5, 10));
        assertThrows(IllegalArgumentException.class, () -> new BLearner.SweepLevels(1.5, 0));
        assertTrue(new BLearner.SweepLevels(1.5, 10).subsamples(20));
        assertFalse(new BLearner.SweepLevels(1.5, 10).subsamples(19));
    }

    private static double mean(double[] v) {
        return Arrays.stream(v).average().orElse(Double.NaN);
    }
}
