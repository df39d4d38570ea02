package org.causalrx.causal.forest;

import org.causalrx.causal.EffectIntervals;
import org.causalrx.causal.IntervalCateModel;
import org.causalrx.learn.forest.ForestData;
import org.causalrx.learn.forest.ForestSettings;
import org.causalrx.learn.forest.ForestTrainer;
import org.causalrx.learn.forest.Tree;

/**
 * A fitted causal forest: immutable trees with per-leaf sufficient statistics. A forest rebuilt from
 * {@link CausalForestParts} (a saved model) predicts identically but keeps no training data: {@link #oobEffect},
 * {@link #yHat} and {@link #wHat} throw IllegalStateException there.
 */
public final class CausalForestModel implements IntervalCateModel {
    private static final int S = CausalPredictionStrategy.STATS;
    private final Tree[] trees;
    private final double[][] leafStats;
    private final ForestData data;
    private final double[] yHat;
    private final double[] wHat;
    private final int groupSize;
    private final int threads;
    private final int columns;

    CausalForestModel(Tree[] trees, ForestData data, double[] yt, double[] wt, double[] yHat, double[] wHat,
                      ForestSettings settings) {
        this.trees = trees;
        this.data = data;
        this.yHat = yHat;
        this.wHat = wHat;
        this.groupSize = settings.ciGroupSize();
        this.threads = settings.threads();
        this.columns = data.columns();
        this.leafStats = new double[trees.length][];
        ForestTrainer.parallelFor(trees.length, threads,
                () -> b -> leafStats[b] = CausalPredictionStrategy.leafStats(trees[b], yt, wt));
    }

    /** A prediction-only forest from saved parts (arrays are owned by the caller's fresh copies). */
    CausalForestModel(Tree[] trees, double[][] leafStats, int columns, int groupSize, int threads) {
        this.trees = trees;
        this.leafStats = leafStats;
        this.columns = columns;
        this.groupSize = groupSize;
        this.threads = threads;
        this.data = null;
        this.yHat = null;
        this.wHat = null;
    }

    int columns() {
        return columns;
    }

    int groupSize() {
        return groupSize;
    }

    int threads() {
        return threads;
    }

    /** Tree b's leaf statistics, laid out node·4 + k (a copy). */
    double[] leafStats(int b) {
        return leafStats[b].clone();
    }

    public int numTrees() {
        return trees.length;
    }

    /** Tree b (immutable), for inspection. */
    public Tree tree(int b) {
        return trees[b];
    }

    /** The E[Y|x] estimates used for centring (copy). */
    public double[] yHat() {
        requireTrainingData("yHat");
        return yHat.clone();
    }

    /** The E[W|x] estimates used for centring (copy). */
    public double[] wHat() {
        requireTrainingData("wHat");
        return wHat.clone();
    }

    @Override
    public double[] effect(double[][] x) {
        checkColumns(x);
        double[] out = new double[x.length];
        int nt = trees.length;
        // tree-outer over blocks of points (tree and accumulators stay in cache); each point sums trees in
        // index order, so results do not depend on blocking or thread count
        ForestTrainer.blocks(x.length, threads, (start, end) -> {
            double[] acc = new double[(end - start) * S];
            for (int b = 0; b < nt; b++) {
                Tree t = trees[b];
                double[] ls = leafStats[b];
                for (int i = start; i < end; i++) {
                    int o = t.leafOf(x[i]) * S;
                    int a = (i - start) * S;
                    acc[a] += ls[o];
                    acc[a + 1] += ls[o + 1];
                    acc[a + 2] += ls[o + 2];
                    acc[a + 3] += ls[o + 3];
                }
            }
            for (int i = start; i < end; i++) {
                int a = (i - start) * S;
                out[i] = CausalPredictionStrategy.tau(acc[a], acc[a + 1], acc[a + 2], acc[a + 3], nt);
            }
        });
        return out;
    }

    /**
     * τ̂(x) with little-bag variance estimates (variance NaN when ciGroupSize is 1). One pass over the trees:
     * ψ_b is linear in tree b's leaf statistics s_b, so per point it suffices to accumulate Σ s_b, Σ s_b s_bᵀ
     * and Σ_g S_g S_gᵀ (S_g the little bag's sum) and evaluate the quadratic forms at the end.
     */
    public Estimate effectWithVariance(double[][] x) {
        checkColumns(x);
        double[] tau = new double[x.length];
        double[] var = new double[x.length];
        int nt = trees.length;
        int l = groupSize;
        ForestTrainer.blocks(x.length, threads, (start, end) -> {
            int m = end - start;
            double[] sum = new double[m * S];
            double[] group = new double[m * S];
            double[] treeSq = new double[m * 10];
            double[] groupSq = new double[m * 10];
            for (int b = 0; b < nt; b++) {
                Tree t = trees[b];
                double[] ls = leafStats[b];
                boolean groupEnd = (b + 1) % l == 0;
                for (int i = start; i < end; i++) {
                    int o = t.leafOf(x[i]) * S;
                    int k = i - start;
                    int a = k * S;
                    double s0 = ls[o];
                    double s1 = ls[o + 1];
                    double s2 = ls[o + 2];
                    double s3 = ls[o + 3];
                    sum[a] += s0;
                    sum[a + 1] += s1;
                    sum[a + 2] += s2;
                    sum[a + 3] += s3;
                    if (l > 1) {
                        addOuter(treeSq, k * 10, s0, s1, s2, s3);
                        double g0 = group[a] += s0;
                        double g1 = group[a + 1] += s1;
                        double g2 = group[a + 2] += s2;
                        double g3 = group[a + 3] += s3;
                        if (groupEnd) {
                            addOuter(groupSq, k * 10, g0, g1, g2, g3);
                            group[a] = 0;
                            group[a + 1] = 0;
                            group[a + 2] = 0;
                            group[a + 3] = 0;
                        }
                    }
                }
            }
            double[] c = new double[S];
            for (int i = start; i < end; i++) {
                int k = i - start;
                int a = k * S;
                tau[i] = CausalPredictionStrategy.tau(sum[a], sum[a + 1], sum[a + 2], sum[a + 3], nt);
                var[i] = l > 1 ? CausalPredictionStrategy.variance(sum, treeSq, groupSq, k, nt, l, c) : Double.NaN;
            }
        });
        return new Estimate(tau, var);
    }

    /** Adds the upper triangle of s sᵀ (10 entries, row-major) at offset o. */
    private static void addOuter(double[] m, int o, double s0, double s1, double s2, double s3) {
        m[o] += s0 * s0;
        m[o + 1] += s0 * s1;
        m[o + 2] += s0 * s2;
        m[o + 3] += s0 * s3;
        m[o + 4] += s1 * s1;
        m[o + 5] += s1 * s2;
        m[o + 6] += s1 * s3;
        m[o + 7] += s2 * s2;
        m[o + 8] += s2 * s3;
        m[o + 9] += s3 * s3;
    }

    /** Out-of-bag τ̂ for the training rows: row i uses only trees whose subsample excluded it. */
    public double[] oobEffect() {
        requireTrainingData("oobEffect");
        int n = data.rows();
        double[] out = new double[n];
        int nt = trees.length;
        ForestTrainer.blocks(n, threads, (start, end) -> {
            double[] acc = new double[(end - start) * S];
            int[] cnt = new int[end - start];
            for (int b = 0; b < nt; b++) {
                Tree t = trees[b];
                double[] ls = leafStats[b];
                for (int i = start; i < end; i++) {
                    if (t.drew(i)) {
                        continue;
                    }
                    int o = t.leafOf(data, i) * S;
                    int a = (i - start) * S;
                    acc[a] += ls[o];
                    acc[a + 1] += ls[o + 1];
                    acc[a + 2] += ls[o + 2];
                    acc[a + 3] += ls[o + 3];
                    cnt[i - start]++;
                }
            }
            for (int i = start; i < end; i++) {
                int a = (i - start) * S;
                int c = cnt[i - start];
                out[i] = c == 0 ? Double.NaN
                        : CausalPredictionStrategy.tau(acc[a], acc[a + 1], acc[a + 2], acc[a + 3], c);
            }
        });
        return out;
    }

    /**
     * Pointwise normal intervals at level 1 − alpha from the forest's variance estimate. Where the variance is
     * unavailable (NaN, e.g. ciGroupSize = 1) the interval is (−∞, ∞): nothing is known about the sign there.
     */
    @Override
    public EffectIntervals effectInterval(double[][] x, double alpha) {
        Estimate.Interval ci = effectWithVariance(x).interval(alpha);
        double[] lo = ci.lower();
        double[] hi = ci.upper();
        for (int i = 0; i < lo.length; i++) {
            if (Double.isNaN(lo[i]) || Double.isNaN(hi[i])) {
                lo[i] = Double.NEGATIVE_INFINITY;
                hi[i] = Double.POSITIVE_INFINITY;
            }
        }
        return new EffectIntervals(lo, hi);
    }

    private void requireTrainingData(String what) {
        if (data == null) {
            throw new IllegalStateException(what + " needs the training data, which a forest rebuilt from saved "
                    + "parts does not keep");
        }
    }

    private void checkColumns(double[][] x) {
        for (int i = 0; i < x.length; i++) {
            if (x[i].length != columns) {
                throw new IllegalArgumentException("row " + i + " has " + x[i].length + " columns, expected "
                        + columns);
            }
        }
    }
}
