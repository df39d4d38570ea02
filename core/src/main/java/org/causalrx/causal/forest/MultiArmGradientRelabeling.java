package org.causalrx.causal.forest;

import org.causalrx.learn.forest.Relabeling;

/**
 * GRF's gradient relabeling for the multi-arm partially linear moment E[(W̃ − W̄)(Ỹ − Ȳ − (W̃ − W̄)ᵀτ)] = 0
 * with a (K − 1)-vector of centred arm indicators W̃: in the parent node P, τ_P solves
 * Σ(W̃_i − W̄)(W̃_i − W̄)ᵀ τ = Σ(W̃_i − W̄)(Ỹ_i − Ȳ), and
 * rho_i = A_P⁻¹ (W̃_i − W̄)(Ỹ_i − Ȳ − (W̃_i − W̄)ᵀτ_P) with A_P the node's covariance of W̃ (ridged if nearly
 * singular). The response array holds d = K − 1 values per row, {@code rho[q·d + j]}, as
 * {@link MultiArmSplittingRule} reads them. With d = 1 this is {@link GradientRelabeling}, operation for operation.
 */
final class MultiArmGradientRelabeling implements Relabeling {
    private final int d;
    private final double[] globalYt;
    private final double[] globalWt;
    private final double[] yt; // tree-local copies
    private final double[] wt;
    private final double[] rho;
    private final double[] mw;
    private final double[] dw;
    private final double[] a;
    private final double[] tau;
    private final double[] g;
    private final SmallLinearSolve solver;

    /**
     * @param yt centred outcome Y − Ŷ (n, row-indexed), @param wt centred arm indicators, n·d values laid out
     *           {@code wt[i·d + j]} for arm j + 1 (shared, read-only), @param d number of non-reference arms
     */
    MultiArmGradientRelabeling(double[] yt, double[] wt, int d) {
        this.d = d;
        this.globalYt = yt;
        this.globalWt = wt;
        this.yt = new double[yt.length];
        this.wt = new double[wt.length];
        this.rho = new double[wt.length];
        this.mw = new double[d];
        this.dw = new double[d];
        this.a = new double[d * d];
        this.tau = new double[d];
        this.g = new double[d];
        this.solver = new SmallLinearSolve(d);
    }

    @Override
    public void beginTree(int[] splitRows) {
        for (int q = 0; q < splitRows.length; q++) {
            int r = splitRows[q];
            yt[q] = globalYt[r];
            System.arraycopy(globalWt, r * d, wt, q * d, d);
        }
    }

    @Override
    public double[] relabel(int[] rows, int lo, int hi, double[] scratch) {
        int n = hi - lo;
        double sy = 0;
        java.util.Arrays.fill(mw, 0);
        for (int k = lo; k < hi; k++) {
            int r = rows[k];
            sy += yt[r];
            for (int j = 0; j < d; j++) {
                mw[j] += wt[r * d + j];
            }
        }
        double my = sy / n;
        for (int j = 0; j < d; j++) {
            mw[j] = mw[j] / n;
        }
        java.util.Arrays.fill(a, 0);
        java.util.Arrays.fill(tau, 0);
        for (int k = lo; k < hi; k++) {
            int r = rows[k];
            double dy = yt[r] - my;
            for (int j = 0; j < d; j++) {
                dw[j] = wt[r * d + j] - mw[j];
            }
            for (int j = 0; j < d; j++) {
                for (int l = 0; l < d; l++) {
                    a[j * d + l] += dw[j] * dw[l];
                }
                tau[j] += dw[j] * dy;
            }
        }
        if (!solver.factor(a)) {
            return null;
        }
        solver.solve(tau, tau);
        for (int j = 0; j < d * d; j++) {
            a[j] = a[j] / n;
        }
        if (!solver.factor(a)) {
            return null;
        }
        for (int k = lo; k < hi; k++) {
            int r = rows[k];
            double res = yt[r] - my;
            for (int j = 0; j < d; j++) {
                dw[j] = wt[r * d + j] - mw[j];
                res -= tau[j] * dw[j];
            }
            for (int j = 0; j < d; j++) {
                g[j] = dw[j] * res;
            }
            solver.solve(g, g);
            System.arraycopy(g, 0, rho, r * d, d);
        }
        return rho;
    }
}
