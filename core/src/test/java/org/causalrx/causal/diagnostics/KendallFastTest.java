package org.causalrx.causal.diagnostics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** The O(n log n) Kendall tau-b equals the pairwise definition bit for bit (ties, −0.0 and non-finite values). */
class KendallFastTest {
    @Test
    void equalsThePairwiseDefinition() {
        SplittableRandom r = new SplittableRandom(4);
        for (int rep = 0; rep < 300; rep++) {
            int n = 1 + r.nextInt(rep < 100 ? 12 : 400);
            int levels = 1 + r.nextInt(rep % 3 == 0 ? 3 : 50);
            double[] a = new double[n];
            double[] b = new double[n];
            for (int i = 0; i < n; i++) {
                a[i] = rep % 4 == 0 ? r.nextGaussian() : r.nextInt(levels) - levels / 2;
                b[i] = rep % 5 == 0 ? r.nextGaussian() : r.nextInt(levels) * 0.5 - 1;
                if (r.nextInt(20) == 0) {
                    a[i] = -0.0;
                }
                if (r.nextInt(20) == 0) {
                    b[i] = 0.0;
                }
            }
            assertEquals(Correlations.kendallPairwise(a, b), Correlations.kendall(a, b), "rep " + rep + " n " + n);
        }
        double[] withNan = {1, Double.NaN, 3, 2};
        double[] other = {2, 1, 4, 3};
        assertEquals(Correlations.kendallPairwise(withNan, other), Correlations.kendall(withNan, other));
        assertEquals(1.0, Correlations.kendall(new double[] {1, 2, 3}, new double[] {10, 20, 30}));
        assertEquals(-1.0, Correlations.kendall(new double[] {1, 2, 3}, new double[] {3, 2, 1}));
    }
}
