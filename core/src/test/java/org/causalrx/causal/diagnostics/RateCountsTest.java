package org.causalrx.causal.diagnostics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * The bootstrap of a large ranking, from draw counts over one sort, gives the RATE and TOC band of sorting every
 * resample (the same draws; only the order of additions within tie groups differs), and below
 * {@link Rate#COUNTS_FROM} patients nothing changes.
 */
class RateCountsTest {
    @Test
    void countsGiveTheResampledCurvesAndTheSameRate() {
        SplittableRandom rng = new SplittableRandom(5);
        int n = 3_000;
        double[] priority = new double[n];
        double[] scores = new double[n];
        for (int i = 0; i < n; i++) {
            priority[i] = i % 3 == 0 ? rng.nextInt(20) : rng.nextGaussian(); // a third in 20 tie groups
            scores[i] = 0.5 * priority[i] + rng.nextGaussian();
        }
        Rate.Result slow = Rate.estimate(priority, scores, 40, 9L, Integer.MAX_VALUE);
        Rate.Result fast = Rate.estimate(priority, scores, 40, 9L, 0);
        for (Rate.Estimate[] e : new Rate.Estimate[][] {{slow.autoc(), fast.autoc()}, {slow.qini(), fast.qini()}}) {
            assertEquals(e[0].estimate(), e[1].estimate(), 0.0, "the point estimate is not bootstrapped");
            assertEquals(e[0].se(), e[1].se(), 1e-12);
            assertTrue(e[0].se() > 0);
        }
        for (int p = 0; p < Rate.TOC_POINTS; p++) {
            assertEquals(slow.tocLow()[p], fast.tocLow()[p], 1e-12);
            assertEquals(slow.tocHigh()[p], fast.tocHigh()[p], 1e-12);
        }
        // one resample, curve by curve
        int[] count = new int[n];
        double[] bp = new double[n];
        double[] bs = new double[n];
        for (int i = 0; i < n; i++) {
            int k = rng.nextInt(n);
            count[k]++;
            bp[i] = priority[k];
            bs[i] = scores[k];
        }
        int[] order = new int[n];
        Integer[] boxed = new Integer[n];
        for (int i = 0; i < n; i++) {
            boxed[i] = i;
        }
        java.util.Arrays.sort(boxed, (a, b) -> Double.compare(priority[b], priority[a]));
        for (int i = 0; i < n; i++) {
            order[i] = boxed[i];
        }
        double[] a = Rate.curve(bp, bs);
        double[] b = Rate.curve(priority, scores, order, count);
        for (int j = 0; j < n; j++) {
            assertEquals(a[j], b[j], 1e-12, "cut " + j);
        }
    }

    @Test
    void belowTheGateTheDefaultIsTheSortedResampleBitForBit() {
        SplittableRandom rng = new SplittableRandom(6);
        int n = 500;
        double[] priority = new double[n];
        double[] scores = new double[n];
        for (int i = 0; i < n; i++) {
            priority[i] = rng.nextGaussian();
            scores[i] = priority[i] + rng.nextGaussian();
        }
        Rate.Result def = Rate.estimate(priority, scores, 30, 2L);
        Rate.Result slow = Rate.estimate(priority, scores, 30, 2L, Integer.MAX_VALUE);
        assertEquals(slow.autoc(), def.autoc());
        assertEquals(slow.qini(), def.qini());
        assertEquals(java.util.Arrays.toString(slow.tocLow()), java.util.Arrays.toString(def.tocLow()));
    }
}
