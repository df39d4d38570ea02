package org.causalrx.nn;

/**
 * What one network is trained on: standardised inputs, the head each row trains (its arm), targets, row
 * weights and the loss. For DragonNet, {@code propensityWeight} (alpha) scales the propensity head's
 * cross-entropy on the arm labels and {@code targetedWeight} (beta) the targeted-regularisation term; both 0
 * otherwise. An optional 0/1 {@code mask} says which outputs of the row's head carry a target (the K-arm
 * X-MultiTask's effect net trains one block of outputs per arm); masked-out outputs add nothing to the loss.
 *
 * @param x                n × p standardised inputs
 * @param arm              head index per row
 * @param target           n × outputs targets (one-hot for CE; 0/1 for BCE)
 * @param weight           n positive row weights (null = all ones); the loss is their weighted mean
 * @param loss             loss on the selected head's outputs
 * @param propensityWeight alpha ≥ 0
 * @param targetedWeight   beta ≥ 0 (MSE loss only)
 * @param mask             n × outputs 0/1 target mask (null = every output; MSE loss only)
 */
record NetTask(float[][] x, int[] arm, float[][] target, double[] weight, Loss loss, double propensityWeight,
               double targetedWeight, float[][] mask) {

    /** Loss on the factual head: squared error, binary cross-entropy on a logit, softmax cross-entropy. */
    enum Loss { MSE, BCE, CE }

    NetTask {
        int n = x.length;
        if (arm.length != n || target.length != n || (weight != null && weight.length != n)) {
            throw new IllegalArgumentException("x, arm, target and weight must have the same number of rows");
        }
        if (weight != null) {
            for (double w : weight) {
                if (!(w > 0) || Double.isInfinite(w)) {
                    throw new IllegalArgumentException("row weights must be positive and finite, got " + w);
                }
            }
        }
        if (targetedWeight > 0 && loss != Loss.MSE) {
            throw new IllegalArgumentException("targeted regularisation applies to squared-error outcomes only");
        }
        if (mask != null && (mask.length != n || loss != Loss.MSE)) {
            throw new IllegalArgumentException("a target mask needs one row per input row and a squared-error loss");
        }
    }

    /** A task with every output of the row's head a target. */
    NetTask(float[][] x, int[] arm, float[][] target, double[] weight, Loss loss, double propensityWeight,
            double targetedWeight) {
        this(x, arm, target, weight, loss, propensityWeight, targetedWeight, null);
    }

    static NetTask of(float[][] x, int[] arm, float[][] target, double[] weight, Loss loss) {
        return new NetTask(x, arm, target, weight, loss, 0, 0);
    }
}
