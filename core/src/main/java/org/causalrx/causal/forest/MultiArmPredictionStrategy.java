package org.causalrx.causal.forest;

import java.util.Arrays;
import org.causalrx.learn.forest.Tree;

/**
 * Multi-arm point estimates from per-leaf sufficient statistics. As for the binary forest, forest weights
 * alpha_i(x) = (1/B) Σ_b 1{i ∈ L_b(x)} / |L_b(x)| make every alpha-weighted mean an average over trees of leaf means,
 * so each leaf stores the means of Ỹ, W̃ (d = K − 1 values), W̃Ỹ (d values) and the upper triangle of W̃W̃ᵀ
 * (d(d+1)/2 values, row-major), {@link #stats}(d) values in all, and
 * τ̂(x) = (Ē[WWᵀ] − Ē[W]Ē[W]ᵀ)⁻¹ (Ē[WY] − Ē[W]Ē[Y]), exactly the alpha-weighted residual-on-residual regression
 * (Σα(W̃ − W̄)(W̃ − W̄)ᵀ)⁻¹ Σα(W̃ − W̄)(Ỹ − Ȳ). For d = 1 the layout (Y, W, WY, WW) and the arithmetic are those of
 * {@link CausalPredictionStrategy}. One instance (it holds scratch arrays) serves one thread.
 */
final class MultiArmPredictionStrategy {
    private final int d;
    private final int s;
    private final double[] a;
    private final double[] b;
    private final SmallLinearSolve solver;

    MultiArmPredictionStrategy(int d) {
        this.d = d;
        this.s = stats(d);
        this.a = new double[d * d];
        this.b = new double[d];
        this.solver = new SmallLinearSolve(d);
    }

    /** Statistics per leaf for d treatment dimensions: 1 + 2d + d(d+1)/2. */
    static int stats(int d) {
        return 1 + 2 * d + d * (d + 1) / 2;
    }

    /**
     * Per-node leaf means laid out node·stats(d) + k (zero for internal and empty nodes).
     *
     * @param yt n centred outcomes, @param wt n·d centred arm indicators {@code wt[i·d + j]}
     */
    static double[] leafStats(Tree t, double[] yt, double[] wt, int d) {
        int nodes = t.nodeCount();
        int s = stats(d);
        double[] out = new double[nodes * s];
        double[] acc = new double[s];
        for (int node = 0; node < nodes; node++) {
            int c = t.leafSize(node);
            if (!t.isLeaf(node) || c == 0) {
                continue;
            }
            Arrays.fill(acc, 0);
            t.forEachLeafRow(node, r -> {
                double y = yt[r];
                acc[0] += y;
                int tri = 1 + 2 * d;
                for (int j = 0; j < d; j++) {
                    double w = wt[r * d + j];
                    acc[1 + j] += w;
                    acc[1 + d + j] += w * y;
                    for (int l = j; l < d; l++) {
                        acc[tri++] += w * wt[r * d + l];
                    }
                }
            });
            for (int k = 0; k < s; k++) {
                out[node * s + k] = acc[k] / c;
            }
        }
        return out;
    }

    /**
     * τ̂ from statistics summed over {@code count} trees, read from {@code sum[o .. o + stats(d))}, written to
     * {@code tau[to .. to + d)}; all NaN when some arm's weighted treatment variance is not positive.
     */
    void tau(double[] sum, int o, double count, double[] tau, int to) {
        double y = sum[o] / count;
        int tri = o + 1 + 2 * d;
        for (int j = 0; j < d; j++) {
            double wj = sum[o + 1 + j] / count;
            b[j] = sum[o + 1 + d + j] / count - wj * y;
            for (int l = j; l < d; l++) {
                double v = sum[tri++] / count - wj * (sum[o + 1 + l] / count);
                a[j * d + l] = v;
                a[l * d + j] = v;
            }
        }
        if (!solver.factor(a)) {
            Arrays.fill(tau, to, to + d, Double.NaN);
            return;
        }
        solver.solve(b, b);
        System.arraycopy(b, 0, tau, to, d);
    }

    int stats() {
        return s;
    }
}
