package org.causalrx.learn.forest;

/**
 * Training features prepared once per forest: a column-major copy and, per variable, all rows sorted by
 * that variable (so each tree gets its presorted subsample by filtering, without sorting again). Immutable.
 */
public final class ForestData {
    final int n;
    final int p;
    /** p × n column-major values. */
    final double[][] cols;
    /** p × n row indices sorted ascending by each column. */
    final int[][] order;

    private ForestData(int n, int p, double[][] cols, int[][] order) {
        this.n = n;
        this.p = p;
        this.cols = cols;
        this.order = order;
    }

    /** Copies and presorts {@code x} (n × p, row-major); rejects ragged rows and non-finite values. */
    public static ForestData of(double[][] x) {
        if (x == null || x.length == 0) {
            throw new IllegalArgumentException("x must have at least one row");
        }
        int n = x.length;
        int p = x[0].length;
        if (p == 0) {
            throw new IllegalArgumentException("x must have at least one column");
        }
        double[][] cols = new double[p][n];
        for (int i = 0; i < n; i++) {
            double[] row = x[i];
            if (row.length != p) {
                throw new IllegalArgumentException("row " + i + " has " + row.length + " columns, expected " + p);
            }
            for (int j = 0; j < p; j++) {
                double v = row[j];
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException("x[" + i + "][" + j + "] is not finite: " + v);
                }
                cols[j][i] = v;
            }
        }
        int[][] order = new int[p][];
        for (int j = 0; j < p; j++) {
            order[j] = argsort(cols[j]);
        }
        return new ForestData(n, p, cols, order);
    }

    public int rows() {
        return n;
    }

    public int columns() {
        return p;
    }

    /** Copies training row i into {@code buf} (length p) and returns it. */
    public double[] row(int i, double[] buf) {
        for (int j = 0; j < p; j++) {
            buf[j] = cols[j][i];
        }
        return buf;
    }

    /** Stable ascending argsort on primitives (merge sort of indices). */
    static int[] argsort(double[] v) {
        int n = v.length;
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        int[] b = new int[n];
        for (int width = 1; width < n; width *= 2) {
            for (int lo = 0; lo < n; lo += 2 * width) {
                int mid = Math.min(lo + width, n);
                int hi = Math.min(lo + 2 * width, n);
                int i = lo;
                int j = mid;
                int k = lo;
                while (i < mid && j < hi) {
                    b[k++] = v[a[j]] < v[a[i]] ? a[j++] : a[i++];
                }
                while (i < mid) {
                    b[k++] = a[i++];
                }
                while (j < hi) {
                    b[k++] = a[j++];
                }
            }
            int[] t = a;
            a = b;
            b = t;
        }
        return a;
    }
}
