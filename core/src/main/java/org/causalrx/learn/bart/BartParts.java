package org.causalrx.learn.bart;

/**
 * The complete state of a fitted {@link BartModel} as plain arrays, for saving it in an explicit format (the model
 * bundle) and rebuilding it exactly: predictions and posterior draws of the rebuilt model are bit-identical.
 * Layout (see {@code PackedForest}): draw k's tree t starts at node {@code start[k * trees + t]}; nodes are in
 * preorder, {@code var[i] = -1} marks a leaf with leaf value {@code value[i]} on the working scale, otherwise a row
 * goes to node i + 1 if {@code x[var[i]] <= value[i]} and to {@code right[i]} if not. f(x) = center + scale · sum.
 * Arrays are copied in and out, so a {@code BartParts} never shares state with a model.
 *
 * @param draws    kept posterior draws
 * @param trees    trees per draw
 * @param features number of input columns
 * @param center   centre of y (original scale)
 * @param scale    scale of y (original scale)
 * @param sigma    posterior draws of the noise SD (original scale), one per kept draw
 * @param start    first node of each (draw, tree), draw-major
 * @param var      split variable per node, -1 for a leaf
 * @param right    right child per internal node (unused for leaves)
 * @param value    cut value per internal node, leaf value per leaf
 */
public record BartParts(int draws, int trees, int features, double center, double scale, double[] sigma,
                        int[] start, int[] var, int[] right, double[] value) {

    /** The parts of {@code m} (copies). */
    public static BartParts of(BartModel m) {
        PackedForest f = m.forest();
        return new BartParts(f.draws(), f.trees(), m.features(), m.center(), m.scale(), m.sigmaDraws(), f.start(),
                f.var(), f.right(), f.value());
    }

    /** Rebuilds the model; throws IllegalArgumentException naming the problem when the arrays are inconsistent. */
    public BartModel toModel() {
        if (features < 1 || sigma.length != draws) {
            throw new IllegalArgumentException("BART model needs at least one feature and one sigma per draw, found "
                    + features + " features, " + sigma.length + " sigma values for " + draws + " draws");
        }
        return new BartModel(PackedForest.of(draws, trees, features, start, var, right, value), center, scale,
                sigma.clone(), features);
    }
}
