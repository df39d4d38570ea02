package org.causalrx.spark;

import java.io.Serializable;

/**
 * Poisson(1) bootstrap multiplicities drawn from a seeded hash of (row id, round): row {@code id}'s count in round
 * {@code b} is a pure function of ({@code seed}, id, b), so a one-pass bootstrap gives the same resample however the
 * rows are partitioned or ordered. The uniform is the top 53 bits of a SplitMix64 finaliser of the three; the count
 * is its inverse Poisson(1) CDF (P(0) = P(1) = e⁻¹ ≈ 0.368, P(2) ≈ 0.184, ...).
 *
 * @param seed the bootstrap seed (derived from the study seed)
 */
public record PoissonWeights(long seed) implements Serializable {
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;
    /** Cumulative Poisson(1) probabilities P(K ≤ k), k = 0..11 (the tail past 11 is below 1e-9). */
    private static final double[] CDF = cdf();

    /** Row {@code id}'s multiplicity in round {@code round} (0, 1, 2, ...). */
    public int count(long id, int round) {
        double u = (mix(mix(seed ^ mix(id)) + GOLDEN * (round + 1L)) >>> 11) * 0x1.0p-53;
        for (int k = 0; k < CDF.length; k++) {
            if (u < CDF[k]) {
                return k;
            }
        }
        return CDF.length;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static double[] cdf() {
        double[] c = new double[12];
        double p = Math.exp(-1);
        double sum = 0;
        for (int k = 0; k < c.length; k++) {
            sum += p;
            c[k] = sum;
            p /= k + 1;
        }
        return c;
    }
}
