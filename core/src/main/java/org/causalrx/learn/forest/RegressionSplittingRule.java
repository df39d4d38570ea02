package org.causalrx.learn.forest;

/**
 * CART variance reduction on (weighted) responses: maximise S_L²/W_L + S_R²/W_R − S²/W, each child holding at
 * least max(ceil(alpha·n), 1) rows, minus the imbalance penalty.
 */
public final class RegressionSplittingRule implements SplittingRule {
    private final double[] globalWeights;
    private double[] weights; // tree-local copy, or null
    private final double alpha;
    private final double imbalancePenalty;
    private int n;
    private int minChild;
    private double sumW;
    private double sumWY;
    private double[] inv = new double[0]; // inv[k] = 1/k

    /** @param weights row-indexed sample weights, or null for unit weights */
    public RegressionSplittingRule(double[] weights, double alpha, double imbalancePenalty) {
        this.globalWeights = weights;
        this.alpha = alpha;
        this.imbalancePenalty = imbalancePenalty;
    }

    @Override
    public void beginTree(int[] splitRows) {
        if (globalWeights == null) {
            weights = null;
            return;
        }
        if (weights == null || weights.length < splitRows.length) {
            weights = new double[globalWeights.length];
        }
        for (int q = 0; q < splitRows.length; q++) {
            weights[q] = globalWeights[splitRows[q]];
        }
    }

    @Override
    public boolean prepare(int[] rows, int lo, int hi, double[] y) {
        n = hi - lo;
        if (inv.length <= n) {
            inv = new double[Math.max(n + 1, 2 * inv.length)];
            for (int k = 1; k < inv.length; k++) {
                inv[k] = 1.0 / k;
            }
        }
        minChild = Math.max((int) Math.ceil(alpha * n), 1);
        double sw = 0;
        double swy = 0;
        if (weights == null) {
            for (int k = lo; k < hi; k++) {
                swy += y[rows[k]];
            }
            sw = n;
        } else {
            for (int k = lo; k < hi; k++) {
                int r = rows[k];
                sw += weights[r];
                swy += weights[r] * y[r];
            }
        }
        sumW = sw;
        sumWY = swy;
        return sw > 0 && n >= 2 * minChild;
    }

    @Override
    public void scan(int var, int[] sorted, int lo, int hi, double[] col, double[] y, SplitCandidate best) {
        if (weights == null) {
            scanUnweighted(var, sorted, lo, hi, col, y, best);
            return;
        }
        double parent = sumWY * sumWY / sumW;
        double swL = 0;
        double swyL = 0;
        int last = hi - minChild; // left may hold at most n - minChild rows
        for (int k = lo; k < last; k++) {
            int r = sorted[k];
            double wr = weights[r];
            swL += wr;
            swyL += wr * y[r];
            int nL = k - lo + 1;
            double xv = col[r];
            if (nL < minChild || xv == col[sorted[k + 1]]) {
                continue;
            }
            double swR = sumW - swL;
            if (swL <= 0 || swR <= 0) {
                continue;
            }
            double swyR = sumWY - swyL;
            double gain = swyL * swyL / swL + swyR * swyR / swR - parent;
            if (imbalancePenalty > 0) {
                gain -= imbalancePenalty * (1.0 / nL + 1.0 / (n - nL));
            }
            best.offer(var, nL, xv, gain);
        }
    }

    private void scanUnweighted(int var, int[] sorted, int lo, int hi, double[] col, double[] y,
                                SplitCandidate best) {
        final double[] iv = inv;
        final double parent = sumWY * sumWY * iv[n];
        double syL = 0;
        int last = hi - minChild;
        double xNext = col[sorted[lo]];
        for (int k = lo; k < last; k++) {
            syL += y[sorted[k]];
            double xv = xNext;
            xNext = col[sorted[k + 1]];
            int nL = k - lo + 1;
            if (nL < minChild || xv == xNext) {
                continue;
            }
            double syR = sumWY - syL;
            double gain = syL * syL * iv[nL] + syR * syR * iv[n - nL] - parent;
            if (imbalancePenalty > 0) {
                gain -= imbalancePenalty * (iv[nL] + iv[n - nL]);
            }
            if (gain > best.gain) {
                best.offer(var, nL, xv, gain);
            }
        }
    }
}
