package org.causalrx.causal.diagnostics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * The bootstrap AUCs from draw counts on one sort equal, bit for bit, the AUCs of the sorted resamples
 * ({@code Metrics.auroc} per round), with ties, -0.0 beside 0.0, rare positives (rounds with one class skipped).
 */
class ArmAucCountsTest {
    @Test
    void countsGiveTheResampledAucsBitForBit() {
        SplittableRandom rng = new SplittableRandom(12);
        for (int rep = 0; rep < 60; rep++) {
            int n = 1 + rng.nextInt(rep < 20 ? 12 : 400);
            int levels = 1 + rng.nextInt(rep % 3 == 0 ? 3 : 50);
            double rate = rng.nextDouble() * (rep % 4 == 0 ? 0.05 : 1);
            int[] y = new int[n];
            double[] score = new double[n];
            for (int i = 0; i < n; i++) {
                score[i] = rng.nextInt(levels) / (double) levels;
                if (score[i] == 0 && rng.nextBoolean()) {
                    score[i] = -0.0;
                }
                y[i] = rng.nextDouble() < rate * (0.5 + score[i]) ? 1 : 0;
            }
            long seed = rng.nextLong();
            double[] slow = ArmAuc.drawsByResampling(y, score, seed, 50);
            double[] fast = ArmAuc.drawsByCounts(y, score, seed, 50);
            assertArrayEquals(slow, fast, 0.0, "n " + n + ", levels " + levels + ", rep " + rep);
        }
    }

    @Test
    void computeUsesCountsUnlessAScoreIsNaN() {
        int[] y = {0, 1, 1, 0, 1};
        double[] score = {0.1, 0.9, 0.4, 0.4, 0.7};
        assertTrue(ArmAuc.exactByCounts(score));
        assertFalse(ArmAuc.exactByCounts(new double[] {0.1, Double.NaN}));
        ArmAuc.Result r = ArmAuc.compute(y, score, 3L, 200);
        assertTrue(r.ciLow() <= r.auc() && r.auc() <= r.ciHigh());
        assertEquals(r, ArmAuc.compute(y, score, 3L, 200));
        double[] sorted = ArmAuc.drawsByResampling(y, score, 3L, 200);
        java.util.Arrays.sort(sorted);
        assertEquals(sorted.length, r.rounds());
    }
}
