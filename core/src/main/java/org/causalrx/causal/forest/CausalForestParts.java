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
        Tree[] trees = new Tree[nt];
        double[][] stats = new double[nt][];
        for (int b = 0; b < nt; b++) {
            trees[b] = m.tree(b);
            stats[b] = m.leafStats(b);
        }
        ForestLayout l = ForestLayout.of(trees, stats, S);
        return new CausalForestParts(m.columns(), m.groupSize(), m.threads(), l.nodeStart(), l.splitVar(),
                l.splitValue(), l.left(), l.right(), l.leafStats());
    }

    /** Rebuilds the forest; throws IllegalArgumentException naming the problem when the arrays are inconsistent. */
    public CausalForestModel toModel() {
        if (groupSize < 1 || threads < 1) {
            throw new IllegalArgumentException("causal forest needs group size and threads >= 1; found group size "
                    + groupSize + ", " + threads + " threads");
        }
        ForestLayout.Rebuilt r = new ForestLayout(S, nodeStart, splitVar, splitValue, left, right, leafStats)
                .rebuild(columns);
        return new CausalForestModel(r.trees(), r.stats(), columns, groupSize, threads);
    }
}
