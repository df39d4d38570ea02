package org.causalrx.causal.forest;

import org.causalrx.learn.forest.SplitCandidate;
import org.causalrx.learn.forest.SplittingRule;

/**
 * CART split on the pseudo-outcomes rho with GRF's stabilising constraints on the treatment: each child holds at
 * least max(ceil(alpha·n), 1) rows, at least minNodeSize rows strictly below and strictly above the parent's
 * mean centred treatment, and a centred-treatment sum of squares of at least alpha times the parent's.
 */
public final class CausalSplittingRule implements SplittingRule {
    private final double[] globalWt;
    private final double[] wt; // tree-local copy
    private final double alpha;
    private final int minNodeSize;
    private final double imbalancePenalty;
    private int n;
    private int minChild;
    private double sumRho;
    private double sumW;
    private double sumWW;
    private double meanW;
    private int nSmall;
    private int nLarge;
    private double minSpread;
    private double[] inv = new double[0]; // inv[k] = 1/k: multiplications instead of divisions in the scan

    public CausalSplittingRule(double[] wt, double alpha, int minNodeSize, double imbalancePenalty) {
        this.globalWt = wt;
        this.wt = new double[wt.length];
        this.alpha = alpha;
        this.minNodeSize = minNodeSize;
        this.imbalancePenalty = imbalancePenalty;
    }

    @Override
    public void beginTree(int[] splitRows) {
        for (int q = 0; q < splitRows.length; q++) {
            wt[q] = globalWt[splitRows[q]];
        }
    }

    @Override
    public boolean prepare(int[] rows, int lo, int hi, double[] rho) {
        n = hi - lo;
        if (inv.length <= n) {
            inv = new double[Math.max(n + 1, 2 * inv.length)];
            for (int k = 1; k < inv.length; k++) {
                inv[k] = 1.0 / k;
            }
        }
        minChild = Math.max((int) Math.ceil(alpha * n), 1);
        double sr = 0;
        double sw = 0;
        double sww = 0;
        for (int k = lo; k < hi; k++) {
            int r = rows[k];
            sr += rho[r];
            double w = wt[r];
            sw += w;
            sww += w * w;
        }
        sumRho = sr;
        sumW = sw;
        sumWW = sww;
        meanW = sw / n;
        int small = 0;
        int large = 0;
        double spread = 0;
        for (int k = lo; k < hi; k++) {
            double d = wt[rows[k]] - meanW;
            spread += d * d;
            if (d < 0) {
                small++;
            } else if (d > 0) {
                large++;
            }
        }
        nSmall = small;
        nLarge = large;
        minSpread = alpha * spread;
        return spread > 0 && small >= 2 * minNodeSize && large >= 2 * minNodeSize && n >= 2 * minChild;
    }

    @Override
    public void scan(int var, int[] sorted, int lo, int hi, double[] col, double[] rho, SplitCandidate best) {
        final double[] iv = inv;
        final double parent = sumRho * sumRho * iv[n];
        double srL = 0;
        double swL = 0;
        double swwL = 0;
        int smallL = 0;
        int largeL = 0;
        final double mw = meanW;
        final int minSmallLeft = nSmall - minNodeSize; // the left child may take at most this many small rows
        final int minLargeLeft = nLarge - minNodeSize;
        double xNext = col[sorted[lo]];
        for (int k = lo; k < hi - 1; k++) {
            int r = sorted[k];
            srL += rho[r];
            double w = wt[r];
            swL += w;
            swwL += w * w;
            // branch-free counts of rows strictly below / above the parent's mean treatment
            smallL += (int) (Double.doubleToRawLongBits(w - mw) >>> 63);
            largeL += (int) (Double.doubleToRawLongBits(mw - w) >>> 63);
            if (smallL > minSmallLeft || largeL > minLargeLeft) {
                break; // the right child can only lose rows from here on
            }
            double xv = xNext;
            xNext = col[sorted[k + 1]];
            if (xv == xNext) {
                continue;
            }
            int nL = k - lo + 1;
            int nR = n - nL;
            if (nL < minChild || nR < minChild || smallL < minNodeSize || largeL < minNodeSize) {
                continue;
            }
            double spreadL = swwL - swL * swL * iv[nL];
            double swR = sumW - swL;
            double spreadR = (sumWW - swwL) - swR * swR * iv[nR];
            if (spreadL < minSpread || spreadR < minSpread) {
                continue;
            }
            double srR = sumRho - srL;
            double gain = srL * srL * iv[nL] + srR * srR * iv[nR] - parent;
            if (imbalancePenalty > 0) {
                gain -= imbalancePenalty * (iv[nL] + iv[nR]);
            }
            if (gain > best.gain) {
                best.offer(var, nL, xv, gain);
            }
        }
    }
}
