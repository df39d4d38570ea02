package org.causalrx.causal.forest;

import org.causalrx.learn.forest.Tree;

/**
 * What a fitted {@link MultiArmCausalForestModel} needs to predict its n × K effects, as plain arrays, for saving it
 * in an explicit format (the model bundle) and rebuilding it exactly: the rebuilt forest's effects are bit-identical.
 * The trees are laid out as in {@link CausalForestParts} (concatenated; {@code splitVar[i] < 0} marks a leaf);
 * {@code leafStats} holds {@code 1 + 2d + d(d+1)/2} statistics per leaf (d = K − 1, layout of the prediction
 * strategy: means of Ỹ, W̃, W̃Ỹ and the upper triangle of W̃W̃ᵀ), for the leaves only, in global node order. Training
 * data (out-of-bag predictions, centring estimates) is not kept.
 *
 * @param arms      K ≥ 2
 * @param columns   number of input columns
 * @param threads   worker threads for prediction (results do not depend on it)
 * @param nodeStart first global node of each tree, plus the total node count at the end
 */
public record MultiArmCausalForestParts(int arms, int columns, int threads, int[] nodeStart, int[] splitVar,
                                        double[] splitValue, int[] left, int[] right, double[] leafStats) {
    public MultiArmCausalForestParts {
        nodeStart = nodeStart.clone();
        splitVar = splitVar.clone();
        splitValue = splitValue.clone();
        left = left.clone();
        right = right.clone();
        leafStats = leafStats.clone();
    }

    /** The parts of {@code m} (copies). */
    public static MultiArmCausalForestParts of(MultiArmCausalForestModel m) {
        int nt = m.numTrees();
        Tree[] trees = new Tree[nt];
        double[][] stats = new double[nt][];
        for (int b = 0; b < nt; b++) {
            trees[b] = m.tree(b);
            stats[b] = m.leafStats(b);
        }
        ForestLayout l = ForestLayout.of(trees, stats, MultiArmPredictionStrategy.stats(m.arms() - 1));
        return new MultiArmCausalForestParts(m.arms(), m.columns(), m.threads(), l.nodeStart(), l.splitVar(),
                l.splitValue(), l.left(), l.right(), l.leafStats());
    }

    /** Rebuilds the forest; throws IllegalArgumentException naming the problem when the arrays are inconsistent. */
    public MultiArmCausalForestModel toModel() {
        if (arms < 2 || threads < 1) {
            throw new IllegalArgumentException("a multi-arm causal forest needs at least 2 arms and threads >= 1; "
                    + "found " + arms + " arms, " + threads + " threads");
        }
        ForestLayout.Rebuilt r = new ForestLayout(MultiArmPredictionStrategy.stats(arms - 1), nodeStart, splitVar,
                splitValue, left, right, leafStats).rebuild(columns);
        return new MultiArmCausalForestModel(r.trees(), r.stats(), arms, columns, threads);
    }

    @Override
    public int[] nodeStart() {
        return nodeStart.clone();
    }

    @Override
    public int[] splitVar() {
        return splitVar.clone();
    }

    @Override
    public double[] splitValue() {
        return splitValue.clone();
    }

    @Override
    public int[] left() {
        return left.clone();
    }

    @Override
    public int[] right() {
        return right.clone();
    }

    @Override
    public double[] leafStats() {
        return leafStats.clone();
    }
}
