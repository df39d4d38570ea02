package org.causalrx.util;

/**
 * Derives independent seeds from one study seed (SplitMix64 finaliser), so that tree k, fold k or
 * bootstrap round k gets {@code derive(seed, k)} and results never depend on thread count.
 */
public final class Seeds {
    private Seeds() {
    }

    /** A well-mixed 64-bit seed for stream {@code k} of {@code seed}. */
    public static long derive(long seed, long k) {
        long z = seed + 0x9E3779B97F4A7C15L * (k + 1);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** A seed for a named stage ("propensity", "split", ...), stable across runs. */
    public static long derive(long seed, String stage) {
        long h = 1125899906842597L;
        for (int i = 0; i < stage.length(); i++) {
            h = 31 * h + stage.charAt(i);
        }
        return derive(seed, h);
    }
}
