package org.causalrx.causal.forest;

import org.causalrx.learn.forest.Tree;

/**
 * What a fitted {@link CausalForestModel} needs to predict τ̂(x) and its little-bag variance, as plain arrays, for
 * saving it in an explicit format (the model bundle) and rebuilding it exactly: effect, variance and intervals of
 * the rebuilt forest are bit-identical. All trees are concatenated: tree b owns nodes
 * {@code nodeStart[b] .. nodeStart[b+1])} (local index = global − nodeStart[b]); {@code splitVar[i] < 0} marks a leaf,
 * otherwise a row goes to local child {@code left[i]} if {@code x[splitVar[i]] <= splitValue[i]},
 * else {@code right[i]}.
 * {@code leafStats} holds the leaf means of (Ỹ, W̃, W̃Ỹ, W̃²), 4 per leaf, for the leaves only, in global node
 * order (internal nodes' statistics are zero). Training data (out-of-bag predictions, centring estimates) is not
 * kept. Arrays are copied in and out.
 *
 * @param columns   number of input columns
 * @param groupSize trees per little bag (1 = no variance)
 * @param threads   worker threads for prediction (results do not depend on it)
 * @param nodeStart first global node of each tree, plus the total node count at the end
 */
public record CausalForestParts(int columns, int groupSize, int threads, int[] nodeStart, int[] splitVar,
                               double[] splitValue, int[] left, int[] right, double[] leafStats) {
    private static final int S = CausalPredictionStrategy.STATS;

    /** The parts of {@code m} (copies). */
    public static CausalForestParts of(CausalForestModel m) {
        int nt = m.numTrees();
        int[] start = new int[nt + 1];
        int leaves = 0;
        for (int b = 0; b < nt; b++) {
            Tree t = m.tree(b);
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
        double[] stats = new double[leaves * S];
        int l = 0;
        for (int b = 0; b < nt; b++) {
            Tree t = m.tree(b);
            double[] ls = m.leafStats(b);
            for (int i = 0; i < t.nodeCount(); i++) {
                int g = start[b] + i;
                var[g] = t.splitVar(i);
                val[g] = t.splitValue(i);
                if (t.isLeaf(i)) {
                    var[g] = -1;
                    System.arraycopy(ls, i * S, stats, l * S, S);
                    l++;
                } else {
                    left[g] = t.leftChild(i);
                    right[g] = t.rightChild(i);
                }
            }
        }
        return new CausalForestParts(m.columns(), m.groupSize(), m.threads(), start, var, val, left, right, stats);
    }

    /** Rebuilds the forest; throws IllegalArgumentException naming the problem when the arrays are inconsistent. */
    public CausalForestModel toModel() {
        int nt = nodeStart.length - 1;
        if (nt < 1 || columns < 1 || groupSize < 1 || threads < 1 || nodeStart[0] != 0) {
            throw new IllegalArgumentException("causal forest needs at least one tree and one column, group size and "
                    + "threads >= 1 and nodeStart[0] = 0; found " + nt + " trees, " + columns + " columns, group size "
                    + groupSize + ", " + threads + " threads");
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
            trees[b] = Tree.ofSplits(java.util.Arrays.copyOfRange(splitVar, from, to),
                    java.util.Arrays.copyOfRange(splitValue, from, to), java.util.Arrays.copyOfRange(left, from, to),
                    java.util.Arrays.copyOfRange(right, from, to), columns);
            double[] s = new double[(to - from) * S];
            for (int i = from; i < to; i++) {
                if (splitVar[i] < 0) {
                    if ((l + 1) * S > leafStats.length) {
                        throw new IllegalArgumentException("causal forest: fewer leaf statistics ("
                                + leafStats.length + ") than 4 per leaf");
                    }
                    System.arraycopy(leafStats, l * S, s, (i - from) * S, S);
                    l++;
                }
            }
            stats[b] = s;
        }
        if (l * S != leafStats.length) {
            throw new IllegalArgumentException("causal forest: " + leafStats.length + " leaf statistics for " + l
                    + " leaves (expected 4 per leaf)");
        }
        return new CausalForestModel(trees, stats, columns, groupSize, threads);
    }
}
