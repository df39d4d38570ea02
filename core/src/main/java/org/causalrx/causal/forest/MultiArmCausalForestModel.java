package org.causalrx.causal.forest;

import org.causalrx.causal.MultiArmCateModel;
import org.causalrx.learn.forest.ForestData;
import org.causalrx.learn.forest.ForestTrainer;
import org.causalrx.learn.forest.Tree;

/**
 * A fitted multi-arm causal forest: immutable trees with per-leaf sufficient statistics (see
 * {@link MultiArmPredictionStrategy}); effects are n × K with column 0 identically 0 and column a the estimate of
 * τ_a(x) = E[Y^a − Y^0 | x] in outcome units. Predictions sum trees in index order, so they do not depend on the
 * thread count. A forest rebuilt from {@link MultiArmCausalForestParts} (a saved model) predicts identically but
 * keeps no training data: {@link #oobEffects}, {@link #yHat} and {@link #eHat} throw IllegalStateException there.
 */
public final class MultiArmCausalForestModel implements MultiArmCateModel {
    private final Tree[] trees;
    private final double[][] leafStats;
    private final ForestData data;
    private final int arms;
    private final int d;
    private final int s;
    private final double[] yHat;
    private final double[][] eHat;
    private final int threads;
    private final int columns;

    /**
     * @param yt n centred outcomes, @param wt n·(K − 1) centred arm indicators {@code wt[i·(K−1) + a − 1]},
     * @param yHat n values E[Y|x], @param eHat n × K propensities (column a = P(T = a | x))
     */
    MultiArmCausalForestModel(Tree[] trees, ForestData data, int arms, double[] yt, double[] wt, double[] yHat,
                              double[][] eHat, int threads) {
        this.trees = trees;
        this.data = data;
        this.arms = arms;
        this.d = arms - 1;
        this.s = MultiArmPredictionStrategy.stats(d);
        this.yHat = yHat;
        this.eHat = eHat;
        this.threads = threads;
        this.columns = data.columns();
        this.leafStats = new double[trees.length][];
        ForestTrainer.parallelFor(trees.length, threads,
                () -> b -> leafStats[b] = MultiArmPredictionStrategy.leafStats(trees[b], yt, wt, d));
    }

    /** A prediction-only forest from saved parts (arrays are the caller's fresh copies). */
    MultiArmCausalForestModel(Tree[] trees, double[][] leafStats, int arms, int columns, int threads) {
        this.trees = trees;
        this.leafStats = leafStats;
        this.arms = arms;
        this.d = arms - 1;
        this.s = MultiArmPredictionStrategy.stats(d);
        this.columns = columns;
        this.threads = threads;
        this.data = null;
        this.yHat = null;
        this.eHat = null;
    }

    int columns() {
        return columns;
    }

    int threads() {
        return threads;
    }

    /** Tree b's leaf statistics, laid out node·stats(K − 1) + k (a copy). */
    double[] leafStats(int b) {
        return leafStats[b].clone();
    }

    @Override
    public int arms() {
        return arms;
    }

    public int numTrees() {
        return trees.length;
    }

    /** Tree b (immutable), for inspection. */
    public Tree tree(int b) {
        return trees[b];
    }

    /** The E[Y|x] estimates of the training rows used for centring (a copy, n values). */
    public double[] yHat() {
        requireTrainingData("yHat");
        return yHat.clone();
    }

    /**
     * The propensities of the training rows used for centring (a copy, n × K; column a = P(T = a | x); column 0 is
     * 1 minus the others when they were estimated by per-arm regression forests).
     */
    public double[][] eHat() {
        requireTrainingData("eHat");
        double[][] out = new double[eHat.length][];
        for (int i = 0; i < out.length; i++) {
            out[i] = eHat[i].clone();
        }
        return out;
    }

    @Override
    public double[][] effects(double[][] x) {
        for (int i = 0; i < x.length; i++) {
            if (x[i].length != columns) {
                throw new IllegalArgumentException("row " + i + " has " + x[i].length + " columns, expected "
                        + columns);
            }
        }
        return predict(x.length, false, x);
    }

    /** Out-of-bag effects for the training rows (n × K): row i uses only trees whose subsample excluded it. */
    public double[][] oobEffects() {
        requireTrainingData("oobEffects");
        return predict(data.rows(), true, null);
    }

    private double[][] predict(int count, boolean oob, double[][] x) {
        double[][] out = new double[count][arms];
        int nt = trees.length;
        // tree-outer over blocks of points; each point sums trees in index order
        ForestTrainer.blocks(count, threads, (start, end) -> {
            MultiArmPredictionStrategy strategy = new MultiArmPredictionStrategy(d);
            double[] acc = new double[(end - start) * s];
            int[] used = new int[end - start];
            for (int b = 0; b < nt; b++) {
                Tree t = trees[b];
                double[] ls = leafStats[b];
                for (int i = start; i < end; i++) {
                    if (oob && t.drew(i)) {
                        continue;
                    }
                    int o = (oob ? t.leafOf(data, i) : t.leafOf(x[i])) * s;
                    int a = (i - start) * s;
                    for (int k = 0; k < s; k++) {
                        acc[a + k] += ls[o + k];
                    }
                    used[i - start]++;
                }
            }
            for (int i = start; i < end; i++) {
                int c = used[i - start];
                if (c == 0) {
                    java.util.Arrays.fill(out[i], 1, arms, Double.NaN);
                } else {
                    strategy.tau(acc, (i - start) * s, c, out[i], 1);
                }
            }
        });
        return out;
    }

    private void requireTrainingData(String what) {
        if (data == null) {
            throw new IllegalStateException(what + " needs the training data, which a forest loaded from a bundle "
                    + "does not keep");
        }
    }
}
