package org.causalrx.learn.bart;

import java.util.Arrays;

/**
 * Candidate split values per covariate, fixed before the MCMC starts (as in BayesTree): the midpoints
 * between consecutive unique values when there are at most {@code maxCuts} of them, otherwise the midpoints
 * just above evenly spaced order statistics (quantile-based). A row goes left at cut c of variable v iff
 * {@code x[v] <= cuts[v][c]}. Training rows are pre-binned: {@code bin[v][i]} = number of cuts below
 * {@code x[i][v]}, so that the row goes left iff {@code bin[v][i] <= c}.
 */
final class CutPoints {
    private final double[][] cuts;

    private CutPoints(double[][] cuts) {
        this.cuts = cuts;
    }

    /** Cut points of each column of x. */
    static CutPoints of(double[][] x, int maxCuts) {
        int n = x.length;
        int p = x[0].length;
        double[][] cuts = new double[p][];
        double[] col = new double[n];
        for (int v = 0; v < p; v++) {
            for (int i = 0; i < n; i++) {
                col[i] = x[i][v];
            }
            Arrays.sort(col);
            cuts[v] = columnCuts(col, maxCuts);
        }
        return new CutPoints(cuts);
    }

    private static double[] columnCuts(double[] sorted, int maxCuts) {
        int n = sorted.length;
        int unique = 1;
        for (int i = 1; i < n; i++) {
            if (sorted[i] != sorted[i - 1]) {
                unique++;
            }
        }
        double[] out;
        int count = 0;
        if (unique - 1 <= maxCuts) {
            out = new double[unique - 1];
            for (int i = 1; i < n; i++) {
                if (sorted[i] != sorted[i - 1]) {
                    out[count++] = midpoint(sorted[i - 1], sorted[i]);
                }
            }
            return out;
        }
        out = new double[maxCuts];
        for (int c = 1; c <= maxCuts; c++) {
            int pos = (int) Math.floor((double) c * n / (maxCuts + 1)) - 1;
            pos = Math.max(0, Math.min(n - 2, pos));
            double below = sorted[pos];
            int next = pos + 1;
            while (next < n && sorted[next] == below) {
                next++;
            }
            if (next == n) {
                continue;
            }
            double cut = midpoint(below, sorted[next]);
            if (count == 0 || cut > out[count - 1]) {
                out[count++] = cut;
            }
        }
        return Arrays.copyOf(out, count);
    }

    private static double midpoint(double a, double b) {
        double m = a + 0.5 * (b - a);
        return m >= b ? a : m;
    }

    /** Number of covariates. */
    int features() {
        return cuts.length;
    }

    /** Number of cut points of variable v. */
    int count(int v) {
        return cuts[v].length;
    }

    /** The c-th cut value of variable v. */
    double value(int v, int c) {
        return cuts[v][c];
    }

    /** Bin indices of the rows of x, column-major: {@code bin[v][i]} = #cuts of v below {@code x[i][v]}. */
    int[][] bin(double[][] x) {
        int p = cuts.length;
        int[][] bin = new int[p][x.length];
        for (int v = 0; v < p; v++) {
            double[] cv = cuts[v];
            for (int i = 0; i < x.length; i++) {
                int pos = Arrays.binarySearch(cv, x[i][v]);
                bin[v][i] = pos >= 0 ? pos : -(pos + 1);
            }
        }
        return bin;
    }
}
