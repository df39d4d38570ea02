package org.causalrx.learn.forest;

import org.causalrx.learn.RegressionModel;

/** A fitted regression forest: immutable trees plus each leaf's (weighted) mean outcome. */
public final class RegressionForestModel implements RegressionModel {
    private final Tree[] trees;
    private final double[][] leafMean;
    private final ForestData data;
    private final int p;
    private final int threads;

    RegressionForestModel(Tree[] trees, ForestData data, double[] y, double[] w, int threads) {
        this.trees = trees;
        this.data = data;
        this.p = data.p;
        this.threads = threads;
        this.leafMean = new double[trees.length][];
        for (int b = 0; b < trees.length; b++) {
            Tree t = trees[b];
            int[] rows = t.leafRowsArray();
            double[] means = new double[t.nodeCount()];
            for (int node = 0; node < means.length; node++) {
                int c = t.leafSize(node);
                if (!t.isLeaf(node) || c == 0) {
                    continue;
                }
                int s = t.leafStart(node);
                double sw = 0;
                double swy = 0;
                double sy = 0;
                for (int q = s; q < s + c; q++) {
                    int r = rows[q];
                    double wr = w == null ? 1.0 : w[r];
                    sw += wr;
                    swy += wr * y[r];
                    sy += y[r];
                }
                means[node] = sw > 0 ? swy / sw : sy / c;
            }
            leafMean[b] = means;
        }
    }

    public int numTrees() {
        return trees.length;
    }

    /** Trees, for inspection (immutable). */
    public Tree tree(int b) {
        return trees[b];
    }

    @Override
    public double[] predict(double[][] x) {
        for (int i = 0; i < x.length; i++) {
            if (x[i].length != p) {
                throw new IllegalArgumentException("row " + i + " has " + x[i].length + " columns, expected " + p);
            }
        }
        double[] out = new double[x.length];
        // tree-outer over blocks of rows: each tree stays in cache while a block of rows passes through it;
        // every row still sums trees in index order, so results do not depend on blocking or threads
        ForestTrainer.blocks(x.length, threads, (start, end) -> {
            for (int b = 0; b < trees.length; b++) {
                Tree t = trees[b];
                double[] lm = leafMean[b];
                for (int i = start; i < end; i++) {
                    out[i] += lm[t.leafOf(x[i])];
                }
            }
            for (int i = start; i < end; i++) {
                out[i] /= trees.length;
            }
        });
        return out;
    }

    /**
     * Out-of-bag predictions for the training rows: row i averages only trees whose subsample excluded it.
     * A row drawn by every tree gets NaN.
     */
    public double[] predictOob() {
        int n = data.n;
        double[] out = new double[n];
        ForestTrainer.blocks(n, threads, (start, end) -> {
            int[] c = new int[end - start];
            for (int b = 0; b < trees.length; b++) {
                Tree t = trees[b];
                double[] lm = leafMean[b];
                for (int i = start; i < end; i++) {
                    if (!t.drew(i)) {
                        out[i] += lm[t.leafOf(data.cols, i)];
                        c[i - start]++;
                    }
                }
            }
            for (int i = start; i < end; i++) {
                out[i] = c[i - start] == 0 ? Double.NaN : out[i] / c[i - start];
            }
        });
        return out;
    }
}
