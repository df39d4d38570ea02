package org.causalrx.causal.forest;

import org.causalrx.util.Normal;

import org.causalrx.learn.forest.Tree;

/**
 * Point estimates and little-bag variances from per-leaf sufficient statistics.
 *
 * <p>Forest weights alpha_i(x) = (1/B) Σ_b 1{i ∈ L_b(x)} / |L_b(x)| make every alpha-weighted mean an average
 * over trees of leaf means, so each leaf stores the means of (Ỹ, W̃, W̃Ỹ, W̃²) once and a prediction visits one
 * leaf per tree: τ̂(x) = (Ē[WY] − Ē[W]Ē[Y]) / (Ē[WW] − Ē[W]²), exactly the alpha-weighted
 * Σα(W̃ − W̄)(Ỹ − Ȳ) / Σα(W̃ − W̄)².
 *
 * <p>Variance (GRF, bootstrap of little bags): with μ̂ = Ē[Y] − τ̂Ē[W], tree b's linearised estimating equation
 * is ψ_b = [(m_WY − μ̂ m_W − τ̂ m_WW) − Ē[W](m_Y − μ̂ − τ̂ m_W)] / (Ē[WW] − Ē[W]²). With group means ψ_g over
 * little bags of L trees, σ̂² = (1/G)Σ_g(ψ_g − ψ̄)² − [Σ_gΣ_b(ψ_b − ψ_g)² / (G(L − 1))] / L, debiased to stay
 * positive as the posterior mean under a flat prior on [0, ∞) (normal likelihood with the estimate's
 * standard error).
 */
final class CausalPredictionStrategy {
    static final int STATS = 4; // mean Y, mean W, mean WY, mean WW

    private CausalPredictionStrategy() {
    }

    /** Per-node leaf means of (Ỹ, W̃, W̃Ỹ, W̃²), laid out node·4 + k. */
    static double[] leafStats(Tree t, double[] yt, double[] wt) {
        int nodes = t.nodeCount();
        double[] s = new double[nodes * STATS];
        double[] acc = new double[STATS];
        for (int node = 0; node < nodes; node++) {
            int c = t.leafSize(node);
            if (!t.isLeaf(node) || c == 0) {
                continue;
            }
            acc[0] = 0;
            acc[1] = 0;
            acc[2] = 0;
            acc[3] = 0;
            t.forEachLeafRow(node, r -> {
                double y = yt[r];
                double w = wt[r];
                acc[0] += y;
                acc[1] += w;
                acc[2] += w * y;
                acc[3] += w * w;
            });
            for (int k = 0; k < STATS; k++) {
                s[node * STATS + k] = acc[k] / c;
            }
        }
        return s;
    }

    /** τ̂ from summed (or averaged) statistics; NaN when the weighted treatment variance is zero. */
    static double tau(double y, double w, double wy, double ww, double count) {
        double den = ww / count - (w / count) * (w / count);
        double num = wy / count - (w / count) * (y / count);
        return den > 0 ? num / den : Double.NaN;
    }

    /**
     * Variance of τ̂ at one point from per-tree leaf statistics {@code perTree[b·4 + k]}, b in 0..B−1, grouped
     * in consecutive little bags of {@code groupSize} trees.
     */
    static double variance(double[] perTree, int numTrees, int groupSize) {
        if (groupSize < 2) {
            return Double.NaN;
        }
        double ay = 0;
        double aw = 0;
        double awy = 0;
        double aww = 0;
        for (int b = 0; b < numTrees; b++) {
            int o = b * STATS;
            ay += perTree[o];
            aw += perTree[o + 1];
            awy += perTree[o + 2];
            aww += perTree[o + 3];
        }
        ay /= numTrees;
        aw /= numTrees;
        awy /= numTrees;
        aww /= numTrees;
        double den = aww - aw * aw;
        if (!(den > 0)) {
            return Double.NaN;
        }
        double tau = (awy - aw * ay) / den;
        double mu = ay - tau * aw;
        int groups = numTrees / groupSize;
        double sumPsi = 0;
        double sumPsiG2 = 0;
        double within = 0;
        double[] psi = new double[groupSize];
        for (int g = 0; g < groups; g++) {
            double pg = 0;
            for (int j = 0; j < groupSize; j++) {
                int o = (g * groupSize + j) * STATS;
                double psi1 = perTree[o + 2] - mu * perTree[o + 1] - tau * perTree[o + 3];
                double psi2 = perTree[o] - mu - tau * perTree[o + 1];
                psi[j] = (psi1 - aw * psi2) / den;
                pg += psi[j];
            }
            pg /= groupSize;
            for (int j = 0; j < groupSize; j++) {
                double d = psi[j] - pg;
                within += d * d;
            }
            sumPsi += pg;
            sumPsiG2 += pg * pg;
        }
        double mean = sumPsi / groups;
        double between = sumPsiG2 / groups - mean * mean;
        double groupNoise = within / ((double) groups * (groupSize - 1)) / groupSize;
        return debias(between, groupNoise, groups);
    }

    /**
     * The same variance from accumulated moments of point k: {@code sum} (Σ_b s_b, 4 per point), {@code treeSq}
     * (Σ_b s_b s_bᵀ, upper triangle, 10 per point) and {@code groupSq} (Σ_g S_g S_gᵀ with S_g the little bag's
     * sum of s_b). With c = (−Ē[W], Ē[W]τ̂ − μ̂, 1, −τ̂) and d = Ē[W]μ̂, ψ_b·den = c·s_b + d.
     */
    static double variance(double[] sum, double[] treeSq, double[] groupSq, int k, int numTrees, int groupSize,
                           double[] c) {
        int a = k * STATS;
        double ay = sum[a] / numTrees;
        double aw = sum[a + 1] / numTrees;
        double awy = sum[a + 2] / numTrees;
        double aww = sum[a + 3] / numTrees;
        double den = aww - aw * aw;
        if (!(den > 0)) {
            return Double.NaN;
        }
        double tau = (awy - aw * ay) / den;
        double mu = ay - tau * aw;
        c[0] = -aw;
        c[1] = aw * tau - mu;
        c[2] = 1;
        c[3] = -tau;
        double d = aw * mu;
        int groups = numTrees / groupSize;
        double l = groupSize;
        double cA = c[0] * ay + c[1] * aw + c[2] * awy + c[3] * aww; // c · mean s_b
        double meanPsi = cA + d;
        double qGroup = quad(groupSq, k * 10, c);
        double qTree = quad(treeSq, k * 10, c);
        // (1/G) Σ_g (c·S_g/L + d)² − meanPsi², with Σ_g S_g = B·Ē[s]
        double between = (qGroup / (l * l) + 2 * d * cA * numTrees / l + groups * d * d) / groups
                - meanPsi * meanPsi;
        double within = qTree - qGroup / l;
        double noise = within / ((double) groups * (groupSize - 1)) / l;
        double den2 = den * den;
        return debias(Math.max(between, 0) / den2, Math.max(noise, 0) / den2, groups);
    }

    private static double quad(double[] m, int o, double[] c) {
        return m[o] * c[0] * c[0] + m[o + 4] * c[1] * c[1] + m[o + 7] * c[2] * c[2] + m[o + 9] * c[3] * c[3]
                + 2 * (m[o + 1] * c[0] * c[1] + m[o + 2] * c[0] * c[2] + m[o + 3] * c[0] * c[3]
                + m[o + 5] * c[1] * c[2] + m[o + 6] * c[1] * c[3] + m[o + 8] * c[2] * c[3]);
    }

    /**
     * Posterior mean of a variance known to be non-negative, given the raw difference between − noise with
     * standard error max(between, noise)·sqrt(2/G): the mean of a normal truncated to [0, ∞).
     */
    static double debias(double between, double noise, int groups) {
        double est = between - noise;
        double se = Math.max(between, noise) * Math.sqrt(2.0 / groups);
        if (!(se > 0)) {
            return Math.max(est, 0);
        }
        double ratio = est / se;
        double cdf = Normal.cdf(ratio);
        double mills = cdf > 1e-300 ? Normal.pdf(ratio) / cdf : -ratio; // tail: φ(r)/Φ(r) → −r
        return est + se * mills;
    }
}
