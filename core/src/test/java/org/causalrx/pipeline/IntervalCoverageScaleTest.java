package org.causalrx.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The scale factor k an interval needs to reach nominal coverage, on hand-built intervals. */
class IntervalCoverageScaleTest {
    @Test
    void scaleIsTheNominalOrderStatisticOfTheStandardisedDeviations() {
        // centres 10 i, half-widths 2; deviations 0.2 (i + 1) ⇒ ratios 0.1 (i + 1)
        int n = 10;
        double[] lo = new double[n];
        double[] hi = new double[n];
        double[] truth = new double[n];
        for (int i = 0; i < n; i++) {
            lo[i] = 10 * i - 2;
            hi[i] = 10 * i + 2;
            truth[i] = 10 * i + (i % 2 == 0 ? 1 : -1) * 0.2 * (i + 1);
        }
        // ratios |truth − c| / h = 0.1 (i + 1); 0.9 ⇒ the 9th smallest, 0.95 ⇒ ceil(9.5) = the 10th
        assertEquals(0.9, IntervalCoverage.scale(lo, hi, truth, 0.9), 1e-12);
        assertEquals(1.0, IntervalCoverage.scale(lo, hi, truth, 0.95), 1e-12);
        assertEquals(0.5, IntervalCoverage.scale(lo, hi, truth, 0.5), 1e-12);
    }

    @Test
    void zeroWidthIntervalsGiveZeroOrInfinity() {
        double[] lo = {1, 2};
        double[] hi = {1, 4};
        // first: hit exactly ⇒ ratio 0; second: centre 3, h 1, deviation 0.5 ⇒ 0.5
        assertEquals(0.5, IntervalCoverage.scale(lo, hi, new double[] {1, 3.5}, 0.95), 0.0);
        // first missed with h = 0 ⇒ +∞, the 95 % order statistic of two is the larger
        assertTrue(Double.isInfinite(IntervalCoverage.scale(lo, hi, new double[] {1.5, 3.5}, 0.95)));
        assertEquals(0.5, IntervalCoverage.scale(lo, hi, new double[] {1.5, 3.5}, 0.5), 0.0);
    }
}
