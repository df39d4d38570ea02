package org.causalrx.verdict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.causalrx.pipeline.DeferralResult;
import org.causalrx.result.ExitStatus;
import org.causalrx.simulate.FeasibilityResult;
import org.junit.jupiter.api.Test;

/** The exit point on interval calibration flags exactly the estimators whose simulated coverage is too low. */
class IntervalExitPointTest {
    private static FeasibilityResult sim(List<FeasibilityResult.IntervalSummary> s) {
        return new FeasibilityResult("s", "y", "lower", 0.5, 1, 0, 1, 3, List.of(), List.of(), List.of(), List.of(),
                List.of(), s);
    }

    private static final List<FeasibilityResult.IntervalSummary> MIXED = List.of(
            new FeasibilityResult.IntervalSummary("linear", "t_ridge", 0.95, 0.93, 0.9, 0.96, 0.5, 3, 1.0),
            new FeasibilityResult.IntervalSummary("linear", "dr_xgboost", 0.95, 0.67, 0.6, 0.72, 0.5, 3, 2.3));

    @Test
    void flagsOnlyIntervalsCoveringTooFew() {
        ExitPoints.ExitPoint p = ExitPoints.intervals(sim(MIXED), null);
        assertEquals(ExitStatus.WARNING, p.status());
        assertTrue(p.finding().contains("dr_xgboost linear 67 %") && p.finding().contains("within target: t_ridge"),
                p.finding());
        assertTrue(p.next().contains("too narrow"), p.next());
        ExitPoints.ExitPoint ok = ExitPoints.intervals(sim(List.of(
                new FeasibilityResult.IntervalSummary("linear", "t_ridge", 0.95, 0.90, 0.9, 0.96, 0.5, 3, 1.0))),
                new DeferralResult.Calibration(Map.of(), "none"));
        assertEquals(ExitStatus.OK, ok.status());
        assertNull(ExitPoints.intervals(sim(List.of()), null));
        assertNull(ExitPoints.intervals(null, null));
    }

    @Test
    void aWidenedIntervalIsNamedAsCalibratedNotAsTooNarrow() {
        DeferralResult.Calibration cal = new DeferralResult.Calibration(Map.of("dr_xgboost", 2.3),
                "feasibility simulation");
        ExitPoints.ExitPoint p = ExitPoints.intervals(sim(MIXED), cal);
        assertEquals(ExitStatus.WARNING, p.status());
        assertTrue(p.finding().contains("dr_xgboost linear 67 % (widened x2.30)"), p.finding());
        assertTrue(p.next().contains("simulation's resemblance"), p.next());
    }
}
