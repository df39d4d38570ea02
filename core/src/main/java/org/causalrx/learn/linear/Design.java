package org.causalrx.learn.linear;

/**
 * A standardised, column-major copy of some rows of the feature matrix: every usable column has weighted mean 0
 * and weighted mean square 1 under the normalised weights {@code wn} (which sum to 1). Columns that are constant
 * over the rows with positive weight are unusable: their SD is stored as 0, their column is all zeros and their
 * coefficient is always 0.
 */
final class Design {
    /** Relative SD below which a column counts as constant (guards against rounding noise). */
    private static final double CONSTANT_REL_SD = 1e-12;

    final int n;
    final int p;
    /** Indices of these rows in the caller's arrays. */
    final int[] rows;
    /** p columns of length n, standardised (all zero for unusable columns). */
    final double[][] cols;
    /** Weights normalised to sum 1. */
    final double[] wn;
    /** Weighted mean and SD (denominator Σw) of each feature; SD 0 marks an unusable column. */
    final double[] mean;
    final double[] sd;
    /** Indices of usable columns, ascending. */
    final int[] usable;
    /** The same standardised values, row-major (n × p). */
    final double[] rowMajor;

    private Design(int[] rows, double[][] cols, double[] wn, double[] mean, double[] sd, int[] usable) {
        this.n = rows.length;
        this.p = cols.length;
        this.rows = rows;
        this.cols = cols;
        this.wn = wn;
        this.mean = mean;
        this.sd = sd;
        this.usable = usable;
        this.rowMajor = new double[n * p];
        for (int j = 0; j < p; j++) {
            double[] c = cols[j];
            for (int i = 0; i < n; i++) {
                rowMajor[i * p + j] = c[i];
            }
        }
    }

    /** Builds the design for {@code rows} of {@code x} with weights {@code w} (indexed like x; Σ over rows &gt; 0). */
    static Design of(double[][] x, double[] w, int[] rows) {
        int n = rows.length;
        int p = x[rows[0]].length;
        double total = 0;
        for (int r : rows) {
            total += w[r];
        }
        double[] wn = new double[n];
        for (int i = 0; i < n; i++) {
            wn[i] = w[rows[i]] / total;
        }
        double[][] cols = new double[p][n];
        for (int i = 0; i < n; i++) {
            double[] row = x[rows[i]];
            for (int j = 0; j < p; j++) {
                cols[j][i] = row[j];
            }
        }
        double[] mean = new double[p];
        double[] sd = new double[p];
        int[] usable = new int[p];
        int nUsable = 0;
        for (int j = 0; j < p; j++) {
            double[] c = cols[j];
            double m = 0;
            double maxAbs = 0;
            double first = Double.NaN;
            boolean constant = true;
            for (int i = 0; i < n; i++) {
                if (wn[i] > 0) {
                    m += wn[i] * c[i];
                    maxAbs = Math.max(maxAbs, Math.abs(c[i]));
                    if (Double.isNaN(first)) {
                        first = c[i];
                    } else if (c[i] != first) {
                        constant = false;
                    }
                }
            }
            double corr = 0;
            for (int i = 0; i < n; i++) {
                corr += wn[i] * (c[i] - m);
            }
            m += corr;
            double var = 0;
            for (int i = 0; i < n; i++) {
                double d = c[i] - m;
                var += wn[i] * d * d;
            }
            double s = Math.sqrt(var);
            mean[j] = m;
            if (constant || !(s > CONSTANT_REL_SD * maxAbs)) {
                sd[j] = 0;
                java.util.Arrays.fill(c, 0.0);
                continue;
            }
            sd[j] = s;
            double inv = 1.0 / s;
            for (int i = 0; i < n; i++) {
                c[i] = (c[i] - m) * inv;
            }
            usable[nUsable++] = j;
        }
        return new Design(rows, cols, wn, mean, sd, java.util.Arrays.copyOf(usable, nUsable));
    }

    /**
     * Original-scale coefficients from standardised ones: element 0 is the intercept
     * {@code beta0 − Σ b_j mean_j}, then {@code b_j = beta_j / sd_j} (0 for unusable columns).
     */
    double[] toOriginalScale(double beta0, double[] beta) {
        double[] out = new double[p + 1];
        double b0 = beta0;
        for (int j : usable) {
            double b = beta[j] / sd[j];
            out[j + 1] = b;
            b0 -= b * mean[j];
        }
        out[0] = b0;
        return out;
    }

    /** Dot product with four accumulators (deterministic order; faster than a single running sum). */
    static double dot(double[] a, double[] b, int n) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int i = 0;
        for (; i + 3 < n; i += 4) {
            s0 += a[i] * b[i];
            s1 += a[i + 1] * b[i + 1];
            s2 += a[i + 2] * b[i + 2];
            s3 += a[i + 3] * b[i + 3];
        }
        for (; i < n; i++) {
            s0 += a[i] * b[i];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /** Soft-thresholding operator S(u, t) = sign(u) · max(|u| − t, 0). */
    static double soft(double u, double t) {
        if (u > t) {
            return u - t;
        }
        if (u < -t) {
            return u + t;
        }
        return 0.0;
    }
}
