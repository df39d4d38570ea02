package org.causalrx.verdict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.causalrx.simulate.FeasibilityResult;
import org.junit.jupiter.api.Test;

/** The exit point on interval calibration flags exactly the estimators whose simulated coverage is too low. */
class IntervalExitPointTest {
    private static FeasibilityResult sim(List<FeasibilityResult.IntervalSummary> s) {
        return new FeasibilityResult("s", "y", "lower", 0.5, 1, 0, 1, 3, List.of(), List.of(), List.of(), List.of(),
                List.of(), s);
    }

    @Test
    void flagsOnlyIntervalsCoveringTooFew() {
        ExitPoints.ExitPoint p = ExitPoints.intervals(sim(List.of(
                new FeasibilityResult.IntervalSummary("linear", "t_ridge", 0.95, 0.93, 0.9, 0.96, 0.5, 3, Double.NaN),
                new FeasibilityResult.IntervalSummary("linear", "dr_xgboost", 0.95, 0.67, 0.6, 0.72, 0.5, 3,
                        Double.NaN))));
        assertEquals("warning", p.status());
        assertTrue(p.finding().contains("dr_xgboost linear 67 %") && p.finding().contains("within target: t_ridge"),
                p.finding());
        ExitPoints.ExitPoint ok = ExitPoints.intervals(sim(List.of(
                new FeasibilityResult.IntervalSummary("linear", "t_ridge", 0.95, 0.90, 0.9, 0.96, 0.5, 3,
                        Double.NaN))));
        assertEquals("ok", ok.status());
        assertNull(ExitPoints.intervals(sim(List.of())));
        assertNull(ExitPoints.intervals(null));
    }
}
