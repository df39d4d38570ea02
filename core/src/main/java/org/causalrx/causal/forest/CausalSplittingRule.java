package org.causalrx.causal.forest;

import org.causalrx.learn.forest.SplitCandidate;
import org.causalrx.learn.forest.SplittingRule;

/**
 * CART split on the pseudo-outcomes rho with GRF's stabilising constraints on the treatment: each child holds at
 * least max(ceil(alpha·n), 1) rows, at least minNodeSize rows strictly below and strictly above the parent's
 * mean centred treatment, and a centred-treatment sum of squares of at least alpha times the parent's.
 */
public final class CausalSplittingRule implements SplittingRule {
    private final double[] wt;
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

    public CausalSplittingRule(double[] wt, double alpha, int minNodeSize, double imbalancePenalty) {
        this.wt = wt;
        this.alpha = alpha;
        this.minNodeSize = minNodeSize;
        this.imbalancePenalty = imbalancePenalty;
    }

    @Override
    public boolean prepare(int[] rows, int lo, int hi, double[] rho) {
        n = hi - lo;
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
        double parent = sumRho * sumRho / n;
        double srL = 0;
        double swL = 0;
        double swwL = 0;
        int smallL = 0;
        int largeL = 0;
        double mw = meanW;
        for (int k = lo; k < hi - 1; k++) {
            int r = sorted[k];
            srL += rho[r];
            double w = wt[r];
            swL += w;
            swwL += w * w;
            if (w < mw) {
                smallL++;
            } else if (w > mw) {
                largeL++;
            }
            if (nSmall - smallL < minNodeSize || nLarge - largeL < minNodeSize) {
                break; // the right child can only lose rows from here on
            }
            double xv = col[r];
            if (xv == col[sorted[k + 1]]) {
                continue;
            }
            int nL = k - lo + 1;
            int nR = n - nL;
            if (nL < minChild || nR < minChild || smallL < minNodeSize || largeL < minNodeSize) {
                continue;
            }
            double spreadL = swwL - swL * swL / nL;
            double swR = sumW - swL;
            double spreadR = (sumWW - swwL) - swR * swR / nR;
            if (spreadL < minSpread || spreadR < minSpread) {
                continue;
            }
            double srR = sumRho - srL;
            double gain = srL * srL / nL + srR * srR / nR - parent;
            if (imbalancePenalty > 0) {
                gain -= imbalancePenalty * (1.0 / nL + 1.0 / nR);
            }
            best.offer(var, nL, xv, gain);
        }
    }
}
