package org.causalrx.policy;

import org.causalrx.util.Seeds;

/**
 * Poisson(1) bootstrap weights from a counter-based hash, so no draw is stored and every weight depends only on the
 * seed, the row's key (its row index, or its patient group's id so that all rows of a group share the weight) and
 * the round: weight(row, round) = F⁻¹(u) where u is one 32-bit half of mix64(rowKey + pairKey(round / 2)) (the low
 * half for even rounds, the high half for odd ones; mix64 is the SplitMix64 finaliser) and F the Poisson(1)
 * distribution function at 32-bit resolution (weights 0..12; P(X > 12) &lt; 10⁻¹⁰ is folded into 12).
 */
final class PoissonWeights {
    /** The largest weight. */
    static final int MAX_WEIGHT = 12;
    private static final int TABLE_BITS = 11;
    /** thresholds[k−1] = ⌊2³² · P(X ≤ k−1)⌋: a draw u has weight #{k : u ≥ thresholds[k−1]}. */
    private static final long[] THRESHOLDS = thresholds();
    /** Weight of every u whose top {@link #TABLE_BITS} bits select the cell, or −1 where a threshold splits it. */
    private static final byte[] TABLE = table();

    private PoissonWeights() {
    }

    private static long[] thresholds() {
        long[] t = new long[MAX_WEIGHT];
        double term = Math.exp(-1);
        double cdf = 0;
        for (int k = 0; k < MAX_WEIGHT; k++) {
            cdf += term;
            term /= k + 1;
            t[k] = (long) Math.floor(Math.min(cdf, 1.0) * 4294967296.0);
        }
        return t;
    }

    private static byte[] table() {
        int cells = 1 << TABLE_BITS;
        int shift = 32 - TABLE_BITS;
        byte[] tab = new byte[cells];
        for (int c = 0; c < cells; c++) {
            long lo = (long) c << shift;
            long hi = lo + (1L << shift) - 1;
            int a = slow(lo);
            tab[c] = (byte) (a == slow(hi) ? a : -1);
        }
        return tab;
    }

    private static int slow(long u) {
        int w = 0;
        while (w < MAX_WEIGHT && u >= THRESHOLDS[w]) {
            w++;
        }
        return w;
    }

    /** ⌊2³² · P(X ≤ k)⌋, 0 ≤ k &lt; {@link #MAX_WEIGHT}: a draw u reaches weight k + 1 when u ≥ it. */
    static long threshold(int k) {
        return THRESHOLDS[k];
    }

    /** The Poisson(1) weight of a uniform 32-bit draw {@code u} (0 ≤ u &lt; 2³²). */
    static int weight(long u) {
        int w = TABLE[(int) (u >>> (32 - TABLE_BITS))];
        return w >= 0 ? w : slow(u);
    }

    /** The SplitMix64 finaliser. */
    static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /**
     * The hash key of each row: of its index, or of its group id when {@code groups} is given (rows of one group
     * share every weight).
     */
    static long[] rowKeys(long seed, int n, int[] groups) {
        long base = Seeds.derive(seed, "poisson rows");
        long[] keys = new long[n];
        for (int i = 0; i < n; i++) {
            long id = groups == null ? i : groups[i];
            keys[i] = mix64(base ^ mix64(id * 0x9E3779B97F4A7C15L + 0x632BE59BD9B4E019L));
        }
        return keys;
    }

    /** The key of the pair of rounds {@code 2q} and {@code 2q + 1}. */
    static long pairKey(long seed, int q) {
        return Seeds.derive(Seeds.derive(seed, "poisson rounds"), q);
    }

    /** The weight of the row with key {@code rowKey} in round {@code r} (pair key {@code pairKey(seed, r / 2)}). */
    static int weight(long rowKey, long pairKey, int r) {
        long h = mix64(rowKey + pairKey);
        return weight((r & 1) == 0 ? h & 0xFFFFFFFFL : h >>> 32);
    }
}
