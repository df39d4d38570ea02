package org.causalrx.causal.diagnostics;

/** Pearson and Kendall (tau-b) correlation between CATE estimates (paper Tables S.4–S.5). */
public final class Correlations {
    private Correlations() {
    }

    public static double pearson(double[] a, double[] b) {
        int n = a.length;
        double ma = 0;
        double mb = 0;
        for (int i = 0; i < n; i++) {
            ma += a[i];
            mb += b[i];
        }
        ma /= n;
        mb /= n;
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (int i = 0; i < n; i++) {
            sab += (a[i] - ma) * (b[i] - mb);
            saa += (a[i] - ma) * (a[i] - ma);
            sbb += (b[i] - mb) * (b[i] - mb);
        }
        return saa == 0 || sbb == 0 ? Double.NaN : sab / Math.sqrt(saa * sbb);
    }

    /**
     * Kendall's tau-b: (C − D) / √((C + D + T_a)(C + D + T_b)) over the pairs of rows, C concordant, D discordant,
     * T_a tied in a only, T_b tied in b only (pairs tied in both count in neither). O(n log n) by Knight's method
     * (sort by (a, b), count the discordant pairs as the inversions of a merge sort of b, ties from runs of equal
     * values), with the same integer counts, hence the same value, as the pairwise definition
     * ({@link #kendallPairwise}), which it falls back to when a value is not finite.
     */
    public static double kendall(double[] a, double[] b) {
        int n = a.length;
        if (n != b.length) {
            throw new IllegalArgumentException("kendall needs series of one length, got " + n + " and " + b.length);
        }
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(a[i]) || !Double.isFinite(b[i])) {
                return kendallPairwise(a, b);
            }
        }
        Integer[] boxed = new Integer[n];
        for (int i = 0; i < n; i++) {
            boxed[i] = i;
        }
        // + 0.0 makes −0.0 equal to 0.0, as the pairwise signum does
        java.util.Arrays.sort(boxed, (i, j) -> {
            int c = Double.compare(a[i] + 0.0, a[j] + 0.0);
            return c != 0 ? c : Double.compare(b[i] + 0.0, b[j] + 0.0);
        });
        double[] bs = new double[n];
        long tiedA = 0;
        long runA = 1;
        for (int k = 0; k < n; k++) {
            bs[k] = b[boxed[k]] + 0.0;
            if (k > 0 && a[boxed[k]] == a[boxed[k - 1]]) {
                runA++;
            } else {
                tiedA += runA * (runA - 1) / 2;
                runA = 1;
            }
        }
        tiedA += runA * (runA - 1) / 2;
        long tiedBoth = runsWithin(a, b, boxed);
        long discordant = inversions(bs, new double[n], 0, n);
        long tiedB = 0;
        long runB = 1;
        for (int k = 1; k <= n; k++) {
            if (k < n && bs[k] == bs[k - 1]) {
                runB++;
            } else {
                tiedB += runB * (runB - 1) / 2;
                runB = 1;
            }
        }
        long pairs = (long) n * (n - 1) / 2;
        long concordant = pairs - tiedA - tiedB + tiedBoth - discordant;
        long tiesA = tiedA - tiedBoth;
        long tiesB = tiedB - tiedBoth;
        double denom = Math.sqrt((double) (concordant + discordant + tiesA) * (concordant + discordant + tiesB));
        return denom == 0 ? Double.NaN : (concordant - discordant) / denom;
    }

    /** Pairs tied in both a and b: runs of equal (a, b) in the (a, b)-sorted order. */
    private static long runsWithin(double[] a, double[] b, Integer[] order) {
        long tied = 0;
        long run = 1;
        for (int k = 1; k <= order.length; k++) {
            if (k < order.length && a[order[k]] == a[order[k - 1]] && b[order[k]] == b[order[k - 1]]) {
                run++;
            } else {
                tied += run * (run - 1) / 2;
                run = 1;
            }
        }
        return tied;
    }

    /** Sorts v[from, to) ascending (merge sort) and returns its inversions: pairs i &lt; j with v[i] &gt; v[j]. */
    private static long inversions(double[] v, double[] tmp, int from, int to) {
        if (to - from < 2) {
            return 0;
        }
        int mid = (from + to) >>> 1;
        long count = inversions(v, tmp, from, mid) + inversions(v, tmp, mid, to);
        int i = from;
        int j = mid;
        int k = from;
        while (i < mid && j < to) {
            if (v[j] < v[i]) {
                count += mid - i;
                tmp[k++] = v[j++];
            } else {
                tmp[k++] = v[i++];
            }
        }
        while (i < mid) {
            tmp[k++] = v[i++];
        }
        while (j < to) {
            tmp[k++] = v[j++];
        }
        System.arraycopy(tmp, from, v, from, to - from);
        return count;
    }

    /** Kendall's tau-b by its pairwise definition, O(n²) (the reference {@link #kendall} equals). */
    static double kendallPairwise(double[] a, double[] b) {
        int n = a.length;
        long concordant = 0;
        long discordant = 0;
        long tiesA = 0;
        long tiesB = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double da = Math.signum(a[i] - a[j]);
                double db = Math.signum(b[i] - b[j]);
                if (da == 0 && db == 0) {
                    continue;
                }
                if (da == 0) {
                    tiesA++;
                } else if (db == 0) {
                    tiesB++;
                } else if (da == db) {
                    concordant++;
                } else {
                    discordant++;
                }
            }
        }
        double denom = Math.sqrt((double) (concordant + discordant + tiesA) * (concordant + discordant + tiesB));
        return denom == 0 ? Double.NaN : (concordant - discordant) / denom;
    }

    /** Symmetric matrix of pairwise correlations; {@code kendall} chooses the measure. */
    public static double[][] matrix(double[][] series, boolean kendall) {
        int k = series.length;
        double[][] m = new double[k][k];
        for (int i = 0; i < k; i++) {
            m[i][i] = 1;
            for (int j = i + 1; j < k; j++) {
                double c = kendall ? kendall(series[i], series[j]) : pearson(series[i], series[j]);
                m[i][j] = c;
                m[j][i] = c;
            }
        }
        return m;
    }
}
