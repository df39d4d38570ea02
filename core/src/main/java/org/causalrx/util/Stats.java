package org.causalrx.util;

import java.util.Arrays;

/** Small descriptive statistics on double arrays. Inputs are never modified. */
public final class Stats {
    private Stats() {
    }

    public static double mean(double[] v) {
        double s = 0;
        for (double d : v) {
            s += d;
        }
        return s / v.length;
    }

    /** Sample standard deviation (n − 1 denominator); 0 for fewer than two values. */
    public static double sd(double[] v) {
        if (v.length < 2) {
            return 0;
        }
        double m = mean(v);
        double s = 0;
        for (double d : v) {
            s += (d - m) * (d - m);
        }
        return Math.sqrt(s / (v.length - 1));
    }

    /** Quantile by linear interpolation between order statistics (R type 7) of an already sorted array. */
    public static double quantileSorted(double[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        double h = (sorted.length - 1) * q;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    public static double quantile(double[] v, double q) {
        double[] s = v.clone();
        Arrays.sort(s);
        return quantileSorted(s, q);
    }

    public static double median(double[] v) {
        return quantile(v, 0.5);
    }

    /** Elements of {@code v} at {@code idx}. */
    public static double[] select(double[] v, int[] idx) {
        double[] out = new double[idx.length];
        for (int i = 0; i < idx.length; i++) {
            out[i] = v[idx[i]];
        }
        return out;
    }

    public static int[] select(int[] v, int[] idx) {
        int[] out = new int[idx.length];
        for (int i = 0; i < idx.length; i++) {
            out[i] = v[idx[i]];
        }
        return out;
    }

    public static double[][] select(double[][] v, int[] idx) {
        double[][] out = new double[idx.length][];
        for (int i = 0; i < idx.length; i++) {
            out[i] = v[idx[i]];
        }
        return out;
    }

    /** {@code m} distinct indices of 0..n−1 drawn uniformly (a seeded partial Fisher–Yates shuffle), ascending. */
    public static int[] sampleIndices(int n, int m, long seed) {
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) {
            perm[i] = i;
        }
        java.util.SplittableRandom rng = new java.util.SplittableRandom(seed);
        for (int i = 0; i < m; i++) {
            int j = i + rng.nextInt(n - i);
            int tmp = perm[i];
            perm[i] = perm[j];
            perm[j] = tmp;
        }
        int[] out = Arrays.copyOf(perm, m);
        Arrays.sort(out);
        return out;
    }

    /** Indices i with {@code t[i] == arm}. */
    public static int[] indicesOf(int[] t, int arm) {
        return java.util.stream.IntStream.range(0, t.length).filter(i -> t[i] == arm).toArray();
    }
}
