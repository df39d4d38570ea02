package org.causalrx.causal.diagnostics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** K-arm propensity diagnostics against values computed by hand. */
class PropensityArmDiagnosticsTest {
    private static final int[] T = {0, 1, 2, 1};
    private static final double[][] P = {
        {0.7, 0.2, 0.1},
        {0.2, 0.5, 0.3},
        {0.1, 0.1, 0.8},
        {0.55, 0.15, 0.3},
    };

    @Test
    void brierIsTheMeanSquaredDistanceToTheArmIndicator() {
        // rows: 0.09+0.04+0.01, 0.04+0.25+0.09, 0.01+0.01+0.04, 0.3025+0.7225+0.09 → 1.695 / 4
        assertEquals(0.42375, PropensityArmDiagnostics.brier(T, P), 1e-12);
    }

    @Test
    void oneVsRestAurocAndCalibrationPerArm() {
        PropensityArmDiagnostics.Result r = PropensityArmDiagnostics.compute(T, P, 2);
        assertEquals(4, r.n());
        assertEquals(3, r.arms().size());
        assertEquals(1.0, r.arms().get(0).auroc(), 1e-12);
        // arm 1: positives score 0.5, 0.15; negatives 0.2, 0.1 → 3 of 4 pairs ordered
        assertEquals(0.75, r.arms().get(1).auroc(), 1e-12);
        assertEquals(1.0, r.arms().get(2).auroc(), 1e-12);
        assertEquals(2, r.arms().get(1).treated());
        // arm 1 sorted: 0.1 (arm 2), 0.15 (arm 1) | 0.2 (arm 0), 0.5 (arm 1)
        List<PropensityArmDiagnostics.CalibrationBin> bins = r.arms().get(1).calibration();
        assertEquals(2, bins.size());
        assertEquals(0.125, bins.get(0).meanPredicted(), 1e-12);
        assertEquals(0.5, bins.get(0).observedShare(), 1e-12);
        assertEquals(2, bins.get(0).n());
        assertEquals(0.35, bins.get(1).meanPredicted(), 1e-12);
        assertEquals(0.5, bins.get(1).observedShare(), 1e-12);
        // arm 0 sorted: 0.1, 0.2 | 0.55, 0.7 (only the last received arm 0)
        List<PropensityArmDiagnostics.CalibrationBin> arm0 = r.arms().get(0).calibration();
        assertEquals(0.15, arm0.get(0).meanPredicted(), 1e-12);
        assertEquals(0.0, arm0.get(0).observedShare(), 1e-12);
        assertEquals(0.625, arm0.get(1).meanPredicted(), 1e-12);
        assertEquals(0.5, arm0.get(1).observedShare(), 1e-12);
    }

    @Test
    void anArmOutsideTheColumnsIsRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> PropensityArmDiagnostics.compute(new int[] {0, 3}, new double[][] {{0.5, 0.5}, {0.5, 0.5}}, 2));
    }
}
