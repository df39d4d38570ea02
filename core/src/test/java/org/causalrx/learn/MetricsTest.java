package org.causalrx.learn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MetricsTest {
    @Test
    void aurocCountsConcordantPairsWithTiesAsHalf() {
        int[] t = {0, 0, 1, 1};
        assertEquals(1.0, Metrics.auroc(t, new double[] {0.1, 0.2, 0.3, 0.4}), 1e-12);
        assertEquals(0.0, Metrics.auroc(t, new double[] {0.4, 0.3, 0.2, 0.1}), 1e-12);
        // pairs: (0.1,0.3) ok, (0.1,0.2) ok, (0.5,0.3) bad, (0.5,0.2) bad -> 0.5 ; with a tie 0.3 vs 0.3 -> half
        assertEquals(0.5, Metrics.auroc(t, new double[] {0.1, 0.5, 0.3, 0.2}), 1e-12);
        assertEquals(0.875, Metrics.auroc(t, new double[] {0.1, 0.3, 0.3, 0.4}), 1e-12);
    }

    @Test
    void classificationAndRegressionMetrics() {
        int[] t = {1, 1, 0, 0, 1};
        double[] p = {0.9, 0.4, 0.6, 0.1, 0.8};
        Metrics.Classification c = Metrics.classification(t, p);
        assertEquals(3 / 5.0, c.accuracy(), 1e-12);
        assertEquals(2 / 3.0, c.precision(), 1e-12);
        assertEquals(2 / 3.0, c.recall(), 1e-12);
        assertEquals(2 / 3.0, c.f1(), 1e-12);
        assertEquals((0.01 + 0.36 + 0.36 + 0.01 + 0.04) / 5, Metrics.brier(t, p), 1e-12);
        double[] y = {1, 2, 3};
        assertEquals(1.0, Metrics.r2(y, y), 1e-12);
        assertEquals(0.0, Metrics.r2(y, new double[] {2, 2, 2}), 1e-12);
        assertEquals(Math.sqrt(2 / 3.0), Metrics.rmse(y, new double[] {2, 2, 2}), 1e-12);
        assertEquals(2 / 3.0, Metrics.mae(y, new double[] {2, 2, 2}), 1e-12);
    }

    @Test
    void foldsAreDisjointBalancedAndSeeded() {
        int[] strata = new int[103];
        for (int i = 0; i < strata.length; i++) {
            strata[i] = i % 5 == 0 ? 1 : 0;
        }
        int[] f = Folds.assign(103, 5, strata, 9);
        assertEquals(java.util.Arrays.toString(f), java.util.Arrays.toString(Folds.assign(103, 5, strata, 9)));
        int[] sizes = new int[5];
        for (int v : f) {
            sizes[v]++;
        }
        for (int s : sizes) {
            assertEquals(103 / 5.0, s, 1.0);
        }
        int total = 0;
        for (int k = 0; k < 5; k++) {
            total += Folds.rows(f, k, true).length;
            assertEquals(103, Folds.rows(f, k, true).length + Folds.rows(f, k, false).length);
        }
        assertEquals(103, total);
    }

    @Test
    void devianceExplainedMatchesHandComputation() {
        // labels 1, 0, 1, 1 with p = 0.9, 0.2, 0.6, 0.8; null: mean 0.75
        double dev = -2 * (Math.log(0.9) + Math.log(0.8) + Math.log(0.6) + Math.log(0.8));
        double nullDev = -2 * (3 * Math.log(0.75) + Math.log(0.25));
        assertEquals(1 - dev / nullDev, Metrics.devianceExplained(new int[] {1, 0, 1, 1},
                new double[] {0.9, 0.2, 0.6, 0.8}), 1e-12);
        assertEquals(0, Metrics.devianceExplained(new int[] {1, 1}, new double[] {0.5, 0.5}), 1e-12);
    }
}
