package org.causalrx.causal.policytree;

import java.util.Arrays;

/**
 * The split thresholds tried per feature and every row's bin under them. For feature k with ascending thresholds
 * c_0 &lt; … &lt; c_{m−1} (training values), row i's bin is the smallest b with x_ik ≤ c_b, or m when x_ik exceeds
 * them all; the split at threshold b sends bins 0..b left ("x ≤ c_b"). Thresholds are every distinct value but the
 * largest when there are at most {@code max} of them, else the distinct values among the order statistics at ranks
 * ⌊q n / (max + 1)⌋, q = 1..max.
 *
 * @param cuts per feature its thresholds, ascending (p arrays)
 * @param bins per feature each row's bin, 0..cuts[k].length (p × n)
 */
record SplitCandidates(double[][] cuts, int[][] bins) {

    static SplitCandidates of(double[][] x, int max) {
        int n = x.length;
        int p = n == 0 ? 0 : x[0].length;
        double[][] cuts = new double[p][];
        int[][] bins = new int[p][n];
        double[] col = new double[n];
        for (int k = 0; k < p; k++) {
            for (int i = 0; i < n; i++) {
                col[i] = x[i][k];
            }
            double[] sorted = col.clone();
            Arrays.sort(sorted);
            cuts[k] = thresholds(sorted, max);
            for (int i = 0; i < n; i++) {
                int b = Arrays.binarySearch(cuts[k], col[i]);
                bins[k][i] = b >= 0 ? b : -b - 1;
            }
        }
        return new SplitCandidates(cuts, bins);
    }

    /** Number of features. */
    int features() {
        return cuts.length;
    }

    private static double[] thresholds(double[] sorted, int max) {
        int n = sorted.length;
        double[] distinct = Arrays.stream(sorted).distinct().toArray();
        if (distinct.length <= 1) {
            return new double[0];
        }
        double top = distinct[distinct.length - 1];
        if (distinct.length - 1 <= max) {
            return Arrays.copyOf(distinct, distinct.length - 1);
        }
        double[] picked = new double[max];
        for (int q = 1; q <= max; q++) {
            picked[q - 1] = sorted[(int) ((long) q * n / (max + 1))];
        }
        return Arrays.stream(picked).distinct().filter(v -> v < top).toArray();
    }
}
