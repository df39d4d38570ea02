package org.causalrx.learn.linear;

/**
 * A standardised, column-major copy of some rows of the feature matrix: every usable column has weighted mean 0
 * and weighted mean square 1 under the normalised weights {@code wn} (which sum to 1). Columns that are constant
 * over the rows with positive weight are unusable: their SD is stored as 0, their column is all zeros and their
 * coefficient is always 0.
 *
 * <p>Two layouts. {@link Layout#DENSE}: every column is stored standardised, row-major ({@link #rowMajor}, for the
 * covariance-mode solvers of {@link PenalizedPath}; {@link #cols} is null) or column-major ({@link #cols}, for the
 * multinomial solver; {@link #rowMajor} is null): one copy of the rows, not two. {@link Layout#SPARSE}: a column
 * whose raw values mostly
 * equal one value {@code base_j} (a one-hot dummy: 0, or a standardised dummy) keeps only the rows where it differs
 * and the differences {@code e = raw − base_j} ({@link #nzRows}, {@link #nzRaw}; {@code cols[j]} is null), so the
 * standardised value is {@code (e − centre_j) / sd_j} with {@code centre_j = mean_j − base_j} ({@link #centre}),
 * e = 0 elsewhere; the other columns are stored standardised in {@link #cols}; {@link #rowMajor} is null.
 */
final class Design {
    /** Relative SD below which a column counts as constant (guards against rounding noise). */
    private static final double CONSTANT_REL_SD = 1e-12;
    /** In the sparse layout, a column is stored by its non-zeros when at most this share of its rows are non-zero. */
    static final double SPARSE_COLUMN_SHARE = 0.25;

    /** How the columns are stored (see the class comment). */
    enum Layout { DENSE, SPARSE }

    final Layout layout;

    final int n;
    final int p;
    /** Indices of these rows in the caller's arrays. */
    final int[] rows;
    /**
     * p columns of length n, standardised (all zero for unusable columns); null for sparse-stored columns; null as a
     * whole in the row-major dense design.
     */
    final double[][] cols;
    /** Sparse layout: rows (ascending, 0..n−1) where a sparse-stored column differs from its base value. */
    final int[][] nzRows;
    /** Sparse layout: raw value minus base value on those rows, aligned with nzRows. */
    final double[][] nzRaw;
    /** Sparse layout: mean minus base value of sparse-stored columns (0 for the others); else null. */
    final double[] centre;
    /** Weights normalised to sum 1. */
    final double[] wn;
    /** Weighted mean and SD (denominator Σw) of each feature; SD 0 marks an unusable column. */
    final double[] mean;
    final double[] sd;
    /** Indices of usable columns, ascending. */
    final int[] usable;
    /**
     * The standardised values, row-major (n × p): the dense design of {@link #of(double[][], double[], int[],
     * Layout)}; null in the sparse layout and in the column-major dense design of {@link #of(double[][], double[],
     * int[])}.
     */
    final double[] rowMajor;

    /** View design: the caller's rows (indexed by {@link #rows}), raw; null when the design is stored. */
    private final double[][] raw;
    /** View design: 1 / sd of usable columns; null when the design is stored. */
    private final double[] inv;

    private Design(Layout layout, int[] rows, int p, double[][] cols, double[] rowMajor, int[][] nzRows,
                   double[][] nzRaw, double[] centre, double[] wn, double[] mean, double[] sd, int[] usable,
                   double[][] raw, double[] inv) {
        this.layout = layout;
        this.n = rows.length;
        this.p = p;
        this.rows = rows;
        this.cols = cols;
        this.rowMajor = rowMajor;
        this.nzRows = nzRows;
        this.nzRaw = nzRaw;
        this.centre = centre;
        this.wn = wn;
        this.mean = mean;
        this.sd = sd;
        this.usable = usable;
        this.raw = raw;
        this.inv = inv;
    }

    /**
     * The layout that makes a coordinate-descent pass cheaper for {@code x}: SPARSE when the entries of the columns
     * that would be stored densely plus the differing entries of the sparse-stored ones number fewer than half of p²
     * (a covariance-mode pass touches up to p² Gram entries, and building the Gram matrix costs n·p²), else DENSE.
     * The cost only grows column by column, so the columns are read until it reaches p²/2 (DENSE) or all are read: on
     * a large dense design one column decides (reading every column of 600,000 × 200 rows took seconds).
     */
    static Layout preferredLayout(double[][] x) {
        int n = x.length;
        int p = x[0].length;
        long cost = 0;
        double[] c = new double[n];
        for (int j = 0; j < p && 2 * cost < (long) p * p; j++) {
            for (int i = 0; i < n; i++) {
                c[i] = x[i][j];
            }
            int nz = differing(c, base(c));
            cost += nz <= SPARSE_COLUMN_SHARE * n ? nz : n;
        }
        return 2 * cost < (long) p * p ? Layout.SPARSE : Layout.DENSE;
    }

    /**
     * The DENSE design for {@code rows} of {@code x} with weights {@code w} (indexed like x; Σ over rows &gt; 0),
     * stored column-major ({@link #cols}; no {@link #rowMajor}): the multinomial solver's.
     */
    static Design of(double[][] x, double[] w, int[] rows) {
        return columns(x, w, rows, Layout.DENSE);
    }

    /**
     * As {@link #of(double[][], double[], int[])} in the given layout, for {@link PenalizedPath}'s solvers: DENSE is
     * stored row-major only ({@link #rowMajor}; {@link #cols} is null), with the same values bit for bit; from
     * {@link #VIEW_CELLS} cells on it is not stored at all but read from {@code x} and standardised as it is read
     * ({@link #isView}), with the same values bit for bit.
     */
    static Design of(double[][] x, double[] w, int[] rows, Layout layout) {
        return of(x, w, rows, layout, (long) rows.length * x[rows[0]].length >= VIEW_CELLS);
    }

    /** As above; {@code view} chooses the unstored dense design (ignored for SPARSE). */
    static Design of(double[][] x, double[] w, int[] rows, Layout layout, boolean view) {
        return layout == Layout.DENSE ? rowMajorDesign(x, w, rows, view) : columns(x, w, rows, layout);
    }

    /**
     * Dense designs of at least this many cells (n·p; 2²⁴, 128 MiB of doubles) are read from the caller's rows and
     * standardised on the fly instead of copied: at 600,000 rows × 200 covariates a stored copy is 0.9 GiB per fit,
     * and the propensity models, the evaluation's p* model and the ATE's folds fit several at once.
     */
    static final long VIEW_CELLS = 1L << 24;

    private static double[] normalisedWeights(double[] w, int[] rows) {
        int n = rows.length;
        double total = 0;
        for (int r : rows) {
            total += w[r];
        }
        double[] wn = new double[n];
        for (int i = 0; i < n; i++) {
            wn[i] = w[rows[i]] / total;
        }
        return wn;
    }

    /**
     * The dense design stored row-major only, or (with {@code view}) not stored: the same standardisation as
     * {@link #columns} (each column's sums taken over the rows in order, so the values are equal bit for bit).
     */
    private static Design rowMajorDesign(double[][] x, double[] w, int[] rows, boolean view) {
        int n = rows.length;
        int p = x[rows[0]].length;
        double[] wn = normalisedWeights(w, rows);
        double[] a = null;
        if (!view) {
            a = new double[n * p];
            for (int i = 0; i < n; i++) {
                System.arraycopy(x[rows[i]], 0, a, i * p, p);
            }
        }
        double[] m = new double[p];
        double[] maxAbs = new double[p];
        double[] first = new double[p];
        java.util.Arrays.fill(first, Double.NaN);
        boolean[] constant = new boolean[p];
        java.util.Arrays.fill(constant, true);
        for (int i = 0; i < n; i++) {
            double wi = wn[i];
            if (wi > 0) {
                double[] row = x[rows[i]];
                for (int j = 0; j < p; j++) {
                    double c = row[j];
                    m[j] += wi * c;
                    maxAbs[j] = Math.max(maxAbs[j], Math.abs(c));
                    if (Double.isNaN(first[j])) {
                        first[j] = c;
                    } else if (c != first[j]) {
                        constant[j] = false;
                    }
                }
            }
        }
        double[] corr = new double[p];
        for (int i = 0; i < n; i++) {
            double wi = wn[i];
            double[] row = x[rows[i]];
            for (int j = 0; j < p; j++) {
                corr[j] += wi * (row[j] - m[j]);
            }
        }
        for (int j = 0; j < p; j++) {
            m[j] += corr[j];
        }
        double[] var = new double[p];
        for (int i = 0; i < n; i++) {
            double wi = wn[i];
            double[] row = x[rows[i]];
            for (int j = 0; j < p; j++) {
                double d = row[j] - m[j];
                var[j] += wi * d * d;
            }
        }
        double[] sd = new double[p];
        double[] inv = new double[p];
        int[] usable = new int[p];
        int nUsable = 0;
        for (int j = 0; j < p; j++) {
            double s = Math.sqrt(var[j]);
            if (constant[j] || !(s > CONSTANT_REL_SD * maxAbs[j])) {
                continue; // sd 0: the column reads as zeros
            }
            sd[j] = s;
            inv[j] = 1.0 / s;
            usable[nUsable++] = j;
        }
        int[] kept = java.util.Arrays.copyOf(usable, nUsable);
        if (view) {
            return new Design(Layout.DENSE, rows, p, null, null, null, null, null, wn, m, sd, kept, x, inv);
        }
        for (int i = 0; i < n; i++) {
            int b = i * p;
            for (int j = 0; j < p; j++) {
                a[b + j] = sd[j] == 0 ? 0.0 : (a[b + j] - m[j]) * inv[j];
            }
        }
        return new Design(Layout.DENSE, rows, p, null, a, null, null, null, wn, m, sd, kept, null, null);
    }

    /** True for the dense design that is read from the caller's rows, not stored ({@link #rowMajor} is null). */
    boolean isView() {
        return raw != null;
    }

    /** The standardised value of row i (of these rows), column j, of a dense row-major or view design. */
    double at(int i, int j) {
        return raw == null ? rowMajor[i * p + j] : standardised(raw[rows[i]][j], j);
    }

    /** Standardised row i (of these rows) of a dense row-major or view design into {@code buf} (length p). */
    void row(int i, double[] buf) {
        if (raw == null) {
            System.arraycopy(rowMajor, i * p, buf, 0, p);
            return;
        }
        double[] r = raw[rows[i]];
        if (usable.length == p) { // every column usable: no zero columns to test for
            for (int j = 0; j < p; j++) {
                buf[j] = (r[j] - mean[j]) * inv[j];
            }
            return;
        }
        for (int j = 0; j < p; j++) {
            buf[j] = standardised(r[j], j);
        }
    }

    /** The caller's row behind row i of a view design (raw values; standardise with {@link #standardised}). */
    double[] rawRow(int i) {
        return raw[rows[i]];
    }

    /** A raw value of column j standardised as the stored design stores it (0 for unusable columns). */
    double standardised(double v, int j) {
        return sd[j] == 0 ? 0.0 : (v - mean[j]) * inv[j];
    }

    /** The design stored by columns: DENSE (every column standardised) or SPARSE (see the class comment). */
    private static Design columns(double[][] x, double[] w, int[] rows, Layout layout) {
        int n = rows.length;
        int p = x[rows[0]].length;
        double[] wn = normalisedWeights(w, rows);
        double[][] cols = new double[p][n];
        int[][] nzRows = layout == Layout.SPARSE ? new int[p][] : null;
        double[][] nzRaw = layout == Layout.SPARSE ? new double[p][] : null;
        double[] centre = layout == Layout.SPARSE ? new double[p] : null;
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
            usable[nUsable++] = j;
            if (layout == Layout.SPARSE && storeSparse(c, j, nzRows, nzRaw)) {
                centre[j] = m - base(c);
                cols[j] = null;
                continue;
            }
            double inv = 1.0 / s;
            for (int i = 0; i < n; i++) {
                c[i] = (c[i] - m) * inv;
            }
        }
        return new Design(layout, rows, p, cols, null, nzRows, nzRaw, centre, wn, mean, sd,
                java.util.Arrays.copyOf(usable, nUsable), null, null);
    }

    /** The majority value of c (Boyer–Moore vote; meaningful when one value fills more than half of c). */
    static double base(double[] c) {
        double candidate = c[0];
        int count = 0;
        for (double v : c) {
            if (count == 0) {
                candidate = v;
                count = 1;
            } else if (v == candidate) {
                count++;
            } else {
                count--;
            }
        }
        return candidate;
    }

    /** Number of entries of c that differ from {@code base}. */
    static int differing(double[] c, double base) {
        int k = 0;
        for (double v : c) {
            if (v != base) {
                k++;
            }
        }
        return k;
    }

    /** Stores column j by its entries that differ from its base value if they are few enough; returns whether. */
    private static boolean storeSparse(double[] c, int j, int[][] nzRows, double[][] nzRaw) {
        int n = c.length;
        double b = base(c);
        int nz = differing(c, b);
        if (nz > SPARSE_COLUMN_SHARE * n) {
            return false;
        }
        int[] idx = new int[nz];
        double[] val = new double[nz];
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (c[i] != b) {
                idx[k] = i;
                val[k++] = c[i] - b;
            }
        }
        nzRows[j] = idx;
        nzRaw[j] = val;
        return true;
    }

    /** True when column j is stored by the rows where it differs from its base value. */
    boolean isSparse(int j) {
        return layout == Layout.SPARSE && cols[j] == null;
    }

    /**
     * {@code Σ_i x_ij a_i} for the standardised column j, given {@code sumA = Σ_i a_i}: O(n) for a dense column,
     * O(non-zeros) for a sparse one.
     */
    double dot(int j, double[] a, double sumA) {
        if (cols[j] != null) {
            return dot(cols[j], a, n);
        }
        int[] idx = nzRows[j];
        double[] val = nzRaw[j];
        double s = 0;
        for (int k = 0; k < idx.length; k++) {
            s += val[k] * a[idx[k]];
        }
        return (s - centre[j] * sumA) / sd[j];
    }

    /**
     * {@code Σ_i x_ij a_i b_i} for the standardised column j, given {@code sumAB = Σ_i a_i b_i}; {@code b} may be
     * null (read as all ones).
     */
    double dot(int j, double[] a, double[] b, double sumAB) {
        if (cols[j] != null) {
            double[] c = cols[j];
            if (b == null) {
                return dot(c, a, n);
            }
            double s = 0;
            for (int i = 0; i < n; i++) {
                s += c[i] * a[i] * b[i];
            }
            return s;
        }
        int[] idx = nzRows[j];
        double[] val = nzRaw[j];
        double s = 0;
        for (int k = 0; k < idx.length; k++) {
            int i = idx[k];
            s += val[k] * a[i] * (b == null ? 1.0 : b[i]);
        }
        return (s - centre[j] * sumAB) / sd[j];
    }

    /** {@code Σ_i v_i x_ij²} for the standardised column j, given {@code sumV = Σ_i v_i}. */
    double weightedSquare(int j, double[] v, double sumV) {
        if (cols[j] != null) {
            double[] c = cols[j];
            double s = 0;
            for (int i = 0; i < n; i++) {
                s += v[i] * c[i] * c[i];
            }
            return s;
        }
        int[] idx = nzRows[j];
        double[] val = nzRaw[j];
        double s2 = 0;
        double s1 = 0;
        for (int k = 0; k < idx.length; k++) {
            double vr = v[idx[k]] * val[k];
            s1 += vr;
            s2 += vr * val[k];
        }
        double m = centre[j];
        double sj = sd[j];
        // Σ v (e − m)² = Σ_nz v e² − 2m Σ_nz v e + m² Σ v
        return (s2 - 2 * m * s1 + m * m * sumV) / (sj * sj);
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
