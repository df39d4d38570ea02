package org.causalrx.causal.forest;

import org.causalrx.learn.forest.SplitCandidate;
import org.causalrx.learn.forest.SplittingRule;

/**
 * Multivariate CART split on d = K − 1 dimensional pseudo-outcomes rho (laid out {@code rho[q·d + j]}): the gain
 * is Σ_children ||Σ_{i∈c} rho_i||² / n_c − ||Σ_{i∈P} rho_i||² / n_P, i.e. Σ_c n_c·||mean of rho in c||² up to a
 * constant. Constraints as in {@link CausalSplittingRule}, for every treatment dimension j: each child holds at
 * least max(ceil(alpha·n), 1) rows, at least minNodeSize rows strictly below and strictly above the parent's mean
 * of W̃_j (roughly: rows outside and inside arm j + 1), and a W̃_j sum of squares of at least alpha times the
 * parent's. With d = 1 it chooses exactly the splits of {@link CausalSplittingRule}.
 */
final class MultiArmSplittingRule implements SplittingRule {
    private final int d;
    private final double[] globalWt;
    private final double[] wt; // tree-local copy, wt[q·d + j]
    private final double alpha;
    private final int minNodeSize;
    private final double imbalancePenalty;
    private int n;
    private int minChild;
    private final double[] sumRho;
    private final double[] sumW;
    private final double[] sumWW;
    private final double[] meanW;
    private final int[] nSmall;
    private final int[] nLarge;
    private final double[] minSpread;
    // per-scan running sums of the left child
    private final double[] srL;
    private final double[] swL;
    private final double[] swwL;
    private final int[] smallL;
    private final int[] largeL;
    private double[] inv = new double[0]; // inv[k] = 1/k

    MultiArmSplittingRule(double[] wt, int d, double alpha, int minNodeSize, double imbalancePenalty) {
        this.d = d;
        this.globalWt = wt;
        this.wt = new double[wt.length];
        this.alpha = alpha;
        this.minNodeSize = minNodeSize;
        this.imbalancePenalty = imbalancePenalty;
        this.sumRho = new double[d];
        this.sumW = new double[d];
        this.sumWW = new double[d];
        this.meanW = new double[d];
        this.nSmall = new int[d];
        this.nLarge = new int[d];
        this.minSpread = new double[d];
        this.srL = new double[d];
        this.swL = new double[d];
        this.swwL = new double[d];
        this.smallL = new int[d];
        this.largeL = new int[d];
    }

    @Override
    public void beginTree(int[] splitRows) {
        for (int q = 0; q < splitRows.length; q++) {
            System.arraycopy(globalWt, splitRows[q] * d, wt, q * d, d);
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
        java.util.Arrays.fill(sumRho, 0);
        java.util.Arrays.fill(sumW, 0);
        java.util.Arrays.fill(sumWW, 0);
        for (int k = lo; k < hi; k++) {
            int o = rows[k] * d;
            for (int j = 0; j < d; j++) {
                sumRho[j] += rho[o + j];
                double w = wt[o + j];
                sumW[j] += w;
                sumWW[j] += w * w;
            }
        }
        boolean ok = n >= 2 * minChild;
        for (int j = 0; j < d; j++) {
            meanW[j] = sumW[j] / n;
            int small = 0;
            int large = 0;
            double spread = 0;
            for (int k = lo; k < hi; k++) {
                double dv = wt[rows[k] * d + j] - meanW[j];
                spread += dv * dv;
                if (dv < 0) {
                    small++;
                } else if (dv > 0) {
                    large++;
                }
            }
            nSmall[j] = small;
            nLarge[j] = large;
            minSpread[j] = alpha * spread;
            ok &= spread > 0 && small >= 2 * minNodeSize && large >= 2 * minNodeSize;
        }
        return ok;
    }

    @Override
    public void scan(int var, int[] sorted, int lo, int hi, double[] col, double[] rho, SplitCandidate best) {
        final double[] iv = inv;
        double parent = 0;
        for (int j = 0; j < d; j++) {
            parent += sumRho[j] * sumRho[j] * iv[n];
        }
        java.util.Arrays.fill(srL, 0);
        java.util.Arrays.fill(swL, 0);
        java.util.Arrays.fill(swwL, 0);
        java.util.Arrays.fill(smallL, 0);
        java.util.Arrays.fill(largeL, 0);
        double xNext = col[sorted[lo]];
        for (int k = lo; k < hi - 1; k++) {
            int o = sorted[k] * d;
            boolean exhausted = false;
            boolean countsOk = true;
            for (int j = 0; j < d; j++) {
                srL[j] += rho[o + j];
                double w = wt[o + j];
                swL[j] += w;
                swwL[j] += w * w;
                // branch-free counts of rows strictly below / above the parent's mean of W̃_j
                int s = smallL[j] += (int) (Double.doubleToRawLongBits(w - meanW[j]) >>> 63);
                int l = largeL[j] += (int) (Double.doubleToRawLongBits(meanW[j] - w) >>> 63);
                exhausted |= s > nSmall[j] - minNodeSize || l > nLarge[j] - minNodeSize;
                countsOk &= s >= minNodeSize && l >= minNodeSize;
            }
            if (exhausted) {
                break; // the right child can only lose rows from here on
            }
            double xv = xNext;
            xNext = col[sorted[k + 1]];
            if (xv == xNext) {
                continue;
            }
            int nL = k - lo + 1;
            int nR = n - nL;
            if (nL < minChild || nR < minChild || !countsOk || !spreadOk(nL, nR)) {
                continue;
            }
            double gainL = 0;
            double gainR = 0;
            for (int j = 0; j < d; j++) {
                double r = sumRho[j] - srL[j];
                gainL += srL[j] * srL[j] * iv[nL];
                gainR += r * r * iv[nR];
            }
            double gain = gainL + gainR - parent;
            if (imbalancePenalty > 0) {
                gain -= imbalancePenalty * (iv[nL] + iv[nR]);
            }
            if (gain > best.gain) {
                best.offer(var, nL, xv, gain);
            }
        }
    }

    private boolean spreadOk(int nL, int nR) {
        for (int j = 0; j < d; j++) {
            double spreadL = swwL[j] - swL[j] * swL[j] * inv[nL];
            double swR = sumW[j] - swL[j];
            double spreadR = (sumWW[j] - swwL[j]) - swR * swR * inv[nR];
            if (spreadL < minSpread[j] || spreadR < minSpread[j]) {
                return false;
            }
        }
        return true;
    }
}
