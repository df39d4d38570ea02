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
        double[] out = new double[x.length];
        ForestTrainer.parallelFor(x.length, threads, () -> i -> {
            double[] row = x[i];
            if (row.length != p) {
                throw new IllegalArgumentException("row " + i + " has " + row.length + " columns, expected " + p);
            }
            double s = 0;
            for (int b = 0; b < trees.length; b++) {
                s += leafMean[b][trees[b].leafOf(row)];
            }
            out[i] = s / trees.length;
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
        ForestTrainer.parallelFor(n, threads, () -> i -> {
            double s = 0;
            int c = 0;
            for (int b = 0; b < trees.length; b++) {
                Tree t = trees[b];
                if (t.drew(i)) {
                    continue;
                }
                s += leafMean[b][t.leafOf(data.cols, i)];
                c++;
            }
            out[i] = c == 0 ? Double.NaN : s / c;
        });
        return out;
    }
}
