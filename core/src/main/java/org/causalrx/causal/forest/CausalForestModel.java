package org.causalrx.causal.forest;

import org.causalrx.causal.CateModel;
import org.causalrx.learn.forest.ForestData;
import org.causalrx.learn.forest.ForestSettings;
import org.causalrx.learn.forest.ForestTrainer;
import org.causalrx.learn.forest.Tree;

/** A fitted causal forest: immutable trees with per-leaf sufficient statistics. */
public final class CausalForestModel implements CateModel {
    private static final int S = CausalPredictionStrategy.STATS;
    private final Tree[] trees;
    private final double[][] leafStats;
    private final ForestData data;
    private final double[] yHat;
    private final double[] wHat;
    private final int groupSize;
    private final int threads;

    CausalForestModel(Tree[] trees, ForestData data, double[] yt, double[] wt, double[] yHat, double[] wHat,
                      ForestSettings settings) {
        this.trees = trees;
        this.data = data;
        this.yHat = yHat;
        this.wHat = wHat;
        this.groupSize = settings.ciGroupSize();
        this.threads = settings.threads();
        this.leafStats = new double[trees.length][];
        ForestTrainer.parallelFor(trees.length, threads,
                () -> b -> leafStats[b] = CausalPredictionStrategy.leafStats(trees[b], yt, wt));
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
        return yHat.clone();
    }

    /** The E[W|x] estimates used for centring (copy). */
    public double[] wHat() {
        return wHat.clone();
    }

    @Override
    public double[] effect(double[][] x) {
        checkColumns(x);
        double[] out = new double[x.length];
        ForestTrainer.parallelFor(x.length, threads, () -> {
            double[] acc = new double[S];
            return i -> {
                acc[0] = 0;
                acc[1] = 0;
                acc[2] = 0;
                acc[3] = 0;
                double[] row = x[i];
                for (int b = 0; b < trees.length; b++) {
                    int o = trees[b].leafOf(row) * S;
                    double[] ls = leafStats[b];
                    acc[0] += ls[o];
                    acc[1] += ls[o + 1];
                    acc[2] += ls[o + 2];
                    acc[3] += ls[o + 3];
                }
                out[i] = CausalPredictionStrategy.tau(acc[0], acc[1], acc[2], acc[3], trees.length);
            };
        });
        return out;
    }

    /** τ̂(x) with little-bag variance estimates (variance NaN when ciGroupSize is 1). */
    public Estimate effectWithVariance(double[][] x) {
        checkColumns(x);
        double[] tau = new double[x.length];
        double[] var = new double[x.length];
        int nt = trees.length;
        ForestTrainer.parallelFor(x.length, threads, () -> {
            double[] per = new double[nt * S];
            return i -> {
                double[] row = x[i];
                double a0 = 0;
                double a1 = 0;
                double a2 = 0;
                double a3 = 0;
                for (int b = 0; b < nt; b++) {
                    int o = trees[b].leafOf(row) * S;
                    double[] ls = leafStats[b];
                    int d = b * S;
                    a0 += per[d] = ls[o];
                    a1 += per[d + 1] = ls[o + 1];
                    a2 += per[d + 2] = ls[o + 2];
                    a3 += per[d + 3] = ls[o + 3];
                }
                tau[i] = CausalPredictionStrategy.tau(a0, a1, a2, a3, nt);
                var[i] = CausalPredictionStrategy.variance(per, nt, groupSize);
            };
        });
        return new Estimate(tau, var);
    }

    /** Pointwise normal intervals at level 1 − alpha. */
    public Estimate.Interval effectInterval(double[][] x, double alpha) {
        return effectWithVariance(x).interval(alpha);
    }

    /** Out-of-bag τ̂ for the training rows: row i uses only trees whose subsample excluded it. */
    public double[] oobEffect() {
        int n = data.rows();
        double[] out = new double[n];
        ForestTrainer.parallelFor(n, threads, () -> {
            double[] row = new double[data.columns()];
            return i -> {
                data.row(i, row);
                double a0 = 0;
                double a1 = 0;
                double a2 = 0;
                double a3 = 0;
                int c = 0;
                for (int b = 0; b < trees.length; b++) {
                    Tree t = trees[b];
                    if (t.drew(i)) {
                        continue;
                    }
                    int o = t.leafOf(row) * S;
                    double[] ls = leafStats[b];
                    a0 += ls[o];
                    a1 += ls[o + 1];
                    a2 += ls[o + 2];
                    a3 += ls[o + 3];
                    c++;
                }
                out[i] = c == 0 ? Double.NaN : CausalPredictionStrategy.tau(a0, a1, a2, a3, c);
            };
        });
        return out;
    }

    private void checkColumns(double[][] x) {
        for (int i = 0; i < x.length; i++) {
            if (x[i].length != data.columns()) {
                throw new IllegalArgumentException("row " + i + " has " + x[i].length + " columns, expected "
                        + data.columns());
            }
        }
    }
}
