package org.causalrx.learn.bart;

import java.util.Arrays;

/**
 * The kept posterior draws of all trees, packed into three flat arrays (16 bytes per node). Trees are
 * stored in preorder: an internal node at position i has its left child at i + 1 and its right child at
 * {@code right[i]}; {@code var[i] = -1} marks a leaf, whose {@code value[i]} is the leaf value on the
 * working scale; an internal node's {@code value[i]} is its cut value (a row goes left iff
 * {@code x[var] <= value}). Immutable once built.
 */
final class PackedForest {
    private final int draws;
    private final int trees;
    private final int[] start;
    private final int[] var;
    private final int[] right;
    private final double[] value;

    private PackedForest(int draws, int trees, int[] start, int[] var, int[] right, double[] value) {
        this.draws = draws;
        this.trees = trees;
        this.start = start;
        this.var = var;
        this.right = right;
        this.value = value;
    }

    /**
     * Rebuilds a forest from its arrays (as {@link BartParts} stores them), checking the layout so that a
     * malformed array cannot make {@link #eval} loop or read out of range.
     */
    static PackedForest of(int draws, int trees, int features, int[] start, int[] var, int[] right, double[] value) {
        int n = var.length;
        if (draws < 1 || trees < 1 || start.length != (long) draws * trees || right.length != n || value.length != n) {
            throw new IllegalArgumentException("packed BART forest: " + draws + " draws x " + trees + " trees needs "
                    + ((long) draws * trees) + " tree starts (found " + start.length + ") and equal-length node arrays"
                    + " (var " + n + ", right " + right.length + ", value " + value.length + ")");
        }
        for (int s : start) {
            if (s < 0 || s >= n) {
                throw new IllegalArgumentException("packed BART forest: tree start " + s + " outside 0.." + (n - 1));
            }
        }
        for (int i = 0; i < n; i++) {
            if (var[i] < -1 || var[i] >= features || var[i] >= 0
                    && (i + 1 >= n || right[i] <= i + 1 || right[i] >= n)) {
                throw new IllegalArgumentException("packed BART forest: node " + i + " (var " + var[i] + ", right "
                        + right[i] + ") breaks the preorder layout over " + features + " features");
            }
        }
        return new PackedForest(draws, trees, start.clone(), var.clone(), right.clone(), value.clone());
    }

    int draws() {
        return draws;
    }

    int trees() {
        return trees;
    }

    int[] start() {
        return start.clone();
    }

    int[] var() {
        return var.clone();
    }

    int[] right() {
        return right.clone();
    }

    double[] value() {
        return value.clone();
    }

    /** Total stored nodes over all draws and trees. */
    int nodes() {
        return var.length;
    }

    /** Sum-of-trees value of one draw at one row, on the working scale. */
    double eval(int draw, double[] row) {
        double sum = 0;
        int base = draw * trees;
        for (int t = 0; t < trees; t++) {
            int i = start[base + t];
            int v;
            while ((v = var[i]) >= 0) {
                i = row[v] <= value[i] ? i + 1 : right[i];
            }
            sum += value[i];
        }
        return sum;
    }

    /** Accumulates draws of the sampler's trees. */
    static final class Builder {
        private final CutPoints cuts;
        private final int trees;
        private int draws;
        private int[] start = new int[1024];
        private int startCount;
        private int[] var = new int[4096];
        private int[] right = new int[4096];
        private double[] value = new double[4096];
        private int size;

        Builder(CutPoints cuts, int trees) {
            this.cuts = cuts;
            this.trees = trees;
        }

        /** Appends the current state of all trees as one draw. */
        void add(Tree[] state) {
            for (Tree tr : state) {
                if (startCount == start.length) {
                    start = Arrays.copyOf(start, 2 * start.length);
                }
                start[startCount++] = size;
                write(tr, 0);
            }
            draws++;
        }

        private void write(Tree tr, int node) {
            if (size == var.length) {
                var = Arrays.copyOf(var, 2 * size);
                right = Arrays.copyOf(right, 2 * size);
                value = Arrays.copyOf(value, 2 * size);
            }
            int at = size++;
            if (tr.isLeaf(node)) {
                var[at] = -1;
                value[at] = tr.mu[node];
                return;
            }
            var[at] = tr.var[node];
            value[at] = cuts.value(tr.var[node], tr.cut[node]);
            write(tr, tr.left[node]);
            right[at] = size;
            write(tr, tr.right[node]);
        }

        PackedForest build() {
            return new PackedForest(draws, trees, Arrays.copyOf(start, startCount), Arrays.copyOf(var, size),
                    Arrays.copyOf(right, size), Arrays.copyOf(value, size));
        }
    }
}
