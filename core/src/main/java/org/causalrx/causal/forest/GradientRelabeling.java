package org.causalrx.causal.forest;

import org.causalrx.learn.forest.Relabeling;

/**
 * GRF's gradient relabeling for the partially linear moment E[(W̃ − W̄)(Ỹ − Ȳ − τ(W̃ − W̄))] = 0: in the parent
 * node P, with τ_P its least-squares slope, rho_i = (W̃_i − W̄)(Ỹ_i − Ȳ − τ_P(W̃_i − W̄)) / Var_P(W̃).
 * A CART split on rho then approximates the split that most separates the children's τ.
 */
public final class GradientRelabeling implements Relabeling {
    private final double[] globalYt;
    private final double[] globalWt;
    private final double[] yt; // tree-local copies
    private final double[] wt;

    /** @param yt centred outcome Y − Ŷ, @param wt centred treatment W − Ŵ (row-indexed, shared, read-only) */
    public GradientRelabeling(double[] yt, double[] wt) {
        this.globalYt = yt;
        this.globalWt = wt;
        this.yt = new double[yt.length];
        this.wt = new double[wt.length];
    }

    @Override
    public void beginTree(int[] splitRows) {
        for (int q = 0; q < splitRows.length; q++) {
            int r = splitRows[q];
            yt[q] = globalYt[r];
            wt[q] = globalWt[r];
        }
    }

    @Override
    public double[] relabel(int[] rows, int lo, int hi, double[] out) {
        int n = hi - lo;
        double sy = 0;
        double sw = 0;
        for (int k = lo; k < hi; k++) {
            int r = rows[k];
            sy += yt[r];
            sw += wt[r];
        }
        double my = sy / n;
        double mw = sw / n;
        double sww = 0;
        double swy = 0;
        for (int k = lo; k < hi; k++) {
            int r = rows[k];
            double dw = wt[r] - mw;
            sww += dw * dw;
            swy += dw * (yt[r] - my);
        }
        if (!(sww > 0)) {
            return null;
        }
        double tau = swy / sww;
        double var = sww / n;
        for (int k = lo; k < hi; k++) {
            int r = rows[k];
            double dw = wt[r] - mw;
            out[r] = dw * (yt[r] - my - tau * dw) / var;
        }
        return out;
    }
}
