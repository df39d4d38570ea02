package org.causalrx.learn.linear;

/**
 * Weighted Gaussian elastic net by coordinate descent with residual updates ("naive" mode) on a
 * {@link Design.Layout#SPARSE} design: minimises the same objective as {@link GaussianSolver},
 * {@code ½ Σ wn_i (y_i − ȳ − x_i·β)² + λ[(1−α)/2 ‖β‖² + α‖β‖₁]}, with the same passes and stopping rule, but keeps
 * the residual instead of a Gram matrix, so one coordinate update costs O(non-zeros of the column) and nothing is
 * O(p²).
 *
 * <p>The residual is {@code r_i = rs_i + c}: a standardised sparse column is {@code (e − centre)/sd} with e = 0 off
 * its stored rows (see {@link Design}), so changing its coefficient by δ changes {@code rs} on the stored rows only
 * and adds {@code δ·centre/sd} to the scalar c.
 */
final class SparseGaussianSolver implements PathSolver {
    private final Design d;
    private final int n;
    private final double alpha;
    private final int maxPasses;
    private final double threshold;
    private final double ybar;
    /** Σ wn_i x_ij (y_i − ȳ) per feature. */
    private final double[] c;
    /** Σ wn_i x_ij² per feature. */
    private final double[] diag;
    /** wn_i x_ij for the densely stored usable columns (null for the others). */
    private final double[][] weightedCols;
    /** Residual part stored per row. */
    private final double[] rs;
    /** Residual part common to all rows. */
    private double offset;
    /** Σ wn_i r_i (0 up to rounding; recomputed each pass, kept current by the updates). */
    private double sumWr;
    private final double[] beta;
    private final boolean[] everActive;
    private final int[] activeList;
    private int nActive;

    SparseGaussianSolver(Design d, double[] y, double alpha, LinearSettings settings) {
        this.d = d;
        this.n = d.n;
        this.alpha = alpha;
        this.maxPasses = settings.maxPasses();
        double mean = 0;
        for (int i = 0; i < n; i++) {
            mean += d.wn[i] * y[d.rows[i]];
        }
        this.rs = new double[n];
        double var = 0;
        for (int i = 0; i < n; i++) {
            rs[i] = y[d.rows[i]] - mean;
            var += d.wn[i] * rs[i] * rs[i];
        }
        this.ybar = mean;
        this.threshold = settings.tolerance() * Math.sqrt(var);
        int p = d.p;
        this.c = new double[p];
        this.diag = new double[p];
        sumWr = weightedResidualSum();
        for (int j : d.usable) {
            c[j] = d.dot(j, rs, d.wn, sumWr);
            diag[j] = d.weightedSquare(j, d.wn, 1.0);
        }
        this.weightedCols = new double[p][];
        for (int j : d.usable) {
            if (!d.isSparse(j)) {
                double[] x = d.cols[j];
                double[] wx = new double[n];
                for (int i = 0; i < n; i++) {
                    wx[i] = d.wn[i] * x[i];
                }
                weightedCols[j] = wx;
            }
        }
        this.beta = new double[p];
        this.everActive = new boolean[p];
        this.activeList = new int[p];
    }

    @Override
    public double lambdaMax() {
        return PathSolver.lambdaMax(d.usable, c, 0, alpha);
    }

    @Override
    public void solve(double lambda) {
        if (!(threshold > 0)) {
            return; // constant y: all coefficients stay 0
        }
        double l1 = lambda * alpha;
        double l2 = lambda * (1 - alpha);
        PathSolver.passes(maxPasses, threshold, () -> pass(d.usable, d.usable.length, l1, l2),
                () -> pass(activeList, nActive, l1, l2));
    }

    /** Updates {@code features[0..count)} in order, from a freshly summed residual; returns the largest |change|. */
    private double pass(int[] features, int count, double l1, double l2) {
        double change = 0;
        sumWr = weightedResidualSum();
        for (int a = 0; a < count; a++) {
            change = Math.max(change, update(features[a], l1, l2));
        }
        return change;
    }

    /** {@code Σ wn_i r_i} recomputed from the stored residual (0 up to rounding). */
    private double weightedResidualSum() {
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += d.wn[i] * rs[i];
        }
        return s + offset;
    }

    /** One coordinate update; returns |δ|. */
    private double update(int j, double l1, double l2) {
        double grad = gradient(j);
        double gjj = diag[j];
        double old = beta[j];
        double nb = Design.soft(grad + gjj * old, l1) / (gjj + l2);
        double delta = nb - old;
        if (delta == 0) {
            return 0;
        }
        beta[j] = nb;
        if (d.isSparse(j)) {
            int[] idx = d.nzRows[j];
            double[] val = d.nzRaw[j];
            double step = delta / d.sd[j];
            for (int k = 0; k < idx.length; k++) {
                int i = idx[k];
                rs[i] -= step * val[k];
                sumWr -= step * val[k] * d.wn[i];
            }
            double shift = step * d.centre[j];
            offset += shift;
            sumWr += shift;
        } else {
            double[] x = d.cols[j];
            for (int i = 0; i < n; i++) {
                rs[i] -= delta * x[i]; // Σ wn_i x_ij = 0: sumWr is unchanged
            }
        }
        if (!everActive[j]) {
            everActive[j] = true;
            activeList[nActive++] = j;
        }
        return Math.abs(delta);
    }

    /** {@code Σ wn_i x_ij r_i}. */
    private double gradient(int j) {
        if (!d.isSparse(j)) {
            // the offset part, offset·Σ wn_i x_ij, is 0 for a centred column
            return Design.dot(weightedCols[j], rs, n);
        }
        double s = 0;
        double[] wn = d.wn;
        int[] idx = d.nzRows[j];
        double[] val = d.nzRaw[j];
        for (int k = 0; k < idx.length; k++) {
            int i = idx[k];
            s += val[k] * wn[i] * (rs[i] + offset);
        }
        return (s - d.centre[j] * sumWr) / d.sd[j];
    }

    @Override
    public boolean saturated() {
        return false;
    }

    @Override
    public double[] originalCoefficients() {
        return d.toOriginalScale(ybar, beta);
    }
}
