package org.causalrx.causal.diagnostics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class DiagnosticsTest {
    @Test
    void correlationsKnownValues() {
        double[] a = {1, 2, 3, 4, 5};
        double[] b = {2, 4, 6, 8, 10};
        double[] c = {5, 4, 3, 2, 1};
        double[] d = {1, 3, 2, 5, 4};
        assertEquals(1.0, Correlations.pearson(a, b), 1e-12);
        assertEquals(-1.0, Correlations.kendall(a, c), 1e-12);
        // d vs a: pairs discordant (2,3) and (4,5): 8 concordant, 2 discordant -> 0.6
        assertEquals(0.6, Correlations.kendall(a, d), 1e-12);
        assertEquals(0.8, Correlations.pearson(a, d), 1e-12);
        double[][] m = Correlations.matrix(new double[][] {a, c, d}, true);
        assertEquals(1.0, m[1][1]);
        assertEquals(m[0][2], m[2][0]);
        // Kendall is invariant to monotone transforms, Pearson is not
        double[] expD = java.util.Arrays.stream(d).map(Math::exp).toArray();
        assertEquals(0.6, Correlations.kendall(a, expD), 1e-12);
        assertTrue(Math.abs(Correlations.pearson(a, expD) - 0.8) > 0.01);
    }

    @Test
    void calibrationOfTheTruthLiesOnTheDiagonal() {
        Random r = new Random(1);
        int n = 20000;
        double[] tau = new double[n];
        double[] psi = new double[n];
        for (int i = 0; i < n; i++) {
            tau[i] = r.nextGaussian();
            psi[i] = tau[i] + 2 * r.nextGaussian();       // unbiased, noisy pseudo-outcomes
        }
        List<CateCalibration.Bin> bins = CateCalibration.bins(tau, psi, 5);
        assertEquals(5, bins.size());
        int covered = 0;
        for (CateCalibration.Bin b : bins) {
            assertEquals(4000, b.n());
            if (b.ciLow() <= b.meanPredicted() && b.meanPredicted() <= b.ciHigh()) {
                covered++;
            }
        }
        assertTrue(covered >= 4, "truth-calibrated bins cover the diagonal");
        assertTrue(bins.get(0).meanPredicted() < bins.get(4).meanPredicted());
        // a constant (uninformative) prediction collapses all bins to one predicted value
        double[] flat = new double[n];
        List<CateCalibration.Bin> f = CateCalibration.bins(flat, psi, 5);
        assertEquals(f.get(0).meanPredicted(), f.get(4).meanPredicted(), 1e-12);
    }
}
