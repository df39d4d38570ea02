package org.causalrx.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

/** The hashed bootstrap counts are Poisson(1), a pure function of (seed, id, round), and differ between seeds. */
class PoissonWeightsTest {
    @Test
    void countsArePoissonOneAndReproducible() {
        PoissonWeights w = new PoissonWeights(42);
        int draws = 400_000;
        int[] freq = new int[8];
        double sum = 0;
        double sq = 0;
        for (int i = 0; i < draws; i++) {
            int c = w.count(i / 100, i % 100);
            freq[Math.min(c, 7)]++;
            sum += c;
            sq += (double) c * c;
        }
        double mean = sum / draws;
        assertEquals(1.0, mean, 0.01);
        assertEquals(1.0, sq / draws - mean * mean, 0.015);
        assertEquals(Math.exp(-1), freq[0] / (double) draws, 0.003);
        assertEquals(Math.exp(-1), freq[1] / (double) draws, 0.003);
        assertEquals(Math.exp(-1) / 2, freq[2] / (double) draws, 0.003);
        assertEquals(w.count(123_456_789L, 17), new PoissonWeights(42).count(123_456_789L, 17));
        int same = 0;
        PoissonWeights other = new PoissonWeights(43);
        for (int i = 0; i < 10_000; i++) {
            same += w.count(i, 0) == other.count(i, 0) ? 1 : 0;
        }
        // two independent Poisson(1) draws agree with probability Σ p_k² ≈ 0.308
        assertNotEquals(10_000, same);
        assertEquals(0.308, same / 10_000.0, 0.03);
    }
}
