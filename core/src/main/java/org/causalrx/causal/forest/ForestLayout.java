package org.causalrx.causal.forest;

import java.util.Arrays;

import org.causalrx.learn.forest.Tree;

/**
 * The flat layout shared by {@link CausalForestParts} and {@link MultiArmCausalForestParts}: all trees concatenated
 * (tree b owns global nodes {@code nodeStart[b] .. nodeStart[b+1])}, local index = global − nodeStart[b]);
 * {@code splitVar[i] < 0} marks a leaf, otherwise a row goes to local child {@code left[i]} if
 * {@code x[splitVar[i]] <= splitValue[i]}, else {@code right[i]}; {@code leafStats} holds {@code width} statistics
 * per leaf, for the leaves only, in global node order (internal nodes' statistics are zero in the models).
 *
 * @param width statistics per leaf
 */
record ForestLayout(int width, int[] nodeStart, int[] splitVar, double[] splitValue, int[] left, int[] right,
                    double[] leafStats) {

    /** Trees and their per-node statistics (node·width + k) rebuilt from the arrays (fresh copies). */
    record Rebuilt(Tree[] trees, double[][] stats) {
    }

    /** The layout of {@code trees}, whose statistics are {@code stats[b]} laid out node·width + k (copied). */
    static ForestLayout of(Tree[] trees, double[][] stats, int width) {
        int nt = trees.length;
        int[] start = new int[nt + 1];
        int leaves = 0;
        for (int b = 0; b < nt; b++) {
            Tree t = trees[b];
            start[b + 1] = start[b] + t.nodeCount();
            for (int i = 0; i < t.nodeCount(); i++) {
                leaves += t.isLeaf(i) ? 1 : 0;
            }
        }
        int n = start[nt];
        int[] var = new int[n];
        double[] val = new double[n];
        int[] left = new int[n];
        int[] right = new int[n];
        double[] out = new double[leaves * width];
        int l = 0;
        for (int b = 0; b < nt; b++) {
            Tree t = trees[b];
            for (int i = 0; i < t.nodeCount(); i++) {
                int g = start[b] + i;
                var[g] = t.splitVar(i);
                val[g] = t.splitValue(i);
                if (t.isLeaf(i)) {
                    var[g] = -1;
                    System.arraycopy(stats[b], i * width, out, l * width, width);
                    l++;
                } else {
                    left[g] = t.leftChild(i);
                    right[g] = t.rightChild(i);
                }
            }
        }
        return new ForestLayout(width, start, var, val, left, right, out);
    }

    /**
     * The trees and statistics; throws IllegalArgumentException naming the problem when the arrays are
     * inconsistent.
     */
    Rebuilt rebuild(int columns) {
        int nt = nodeStart.length - 1;
        if (nt < 1 || columns < 1 || nodeStart[0] != 0) {
            throw new IllegalArgumentException("causal forest needs at least one tree and one column and "
                    + "nodeStart[0] = 0; found " + nt + " trees, " + columns + " columns");
        }
        int n = nodeStart[nt];
        if (splitVar.length != n || splitValue.length != n || left.length != n || right.length != n) {
            throw new IllegalArgumentException("causal forest: " + n + " nodes but node arrays of lengths "
                    + splitVar.length + ", " + splitValue.length + ", " + left.length + ", " + right.length);
        }
        Tree[] trees = new Tree[nt];
        double[][] stats = new double[nt][];
        int l = 0;
        for (int b = 0; b < nt; b++) {
            int from = nodeStart[b];
            int to = nodeStart[b + 1];
            if (to <= from) {
                throw new IllegalArgumentException("causal forest: tree " + b + " has no nodes (nodeStart " + from
                        + ".." + to + ")");
            }
            trees[b] = Tree.ofSplits(Arrays.copyOfRange(splitVar, from, to), Arrays.copyOfRange(splitValue, from, to),
                    Arrays.copyOfRange(left, from, to), Arrays.copyOfRange(right, from, to), columns);
            double[] s = new double[(to - from) * width];
            for (int i = from; i < to; i++) {
                if (splitVar[i] < 0) {
                    if ((l + 1) * width > leafStats.length) {
                        throw new IllegalArgumentException("causal forest: fewer leaf statistics ("
                                + leafStats.length + ") than " + width + " per leaf");
                    }
                    System.arraycopy(leafStats, l * width, s, (i - from) * width, width);
                    l++;
                }
            }
            stats[b] = s;
        }
        if (l * width != leafStats.length) {
            throw new IllegalArgumentException("causal forest: " + leafStats.length + " leaf statistics for " + l
                    + " leaves (expected " + width + " per leaf)");
        }
        return new Rebuilt(trees, stats);
    }
}
