package org.causalrx.causal.policytree;

/**
 * A policy-tree leaf's reward as a function of its patients' summed score vector s (length {@code dimension}).
 * Two arms ({@code betterSign} 0): s = (Σ Delta), reward |s_0|, the direction-free form of the best gain over arm 0.
 * K actions: s = (Σ contrast of arm a against arm 0)_a with s_0 = 0, reward max_a betterSign · s_a, the gain of the
 * leaf's best action over arm 0.
 *
 * @param dimension  scores per patient: 1 for two arms, K for K actions
 * @param betterSign 0 for the two-arm form; else +1 when higher outcomes are better, −1 when lower are
 */
record LeafReward(int dimension, int betterSign) {
    LeafReward {
        if (betterSign == 0 ? dimension != 1 : dimension < 2 || Math.abs(betterSign) != 1) {
            throw new IllegalArgumentException("a leaf reward needs one score without a direction or K >= 2 scores "
                    + "with a direction of +1 or -1, got " + dimension + " scores, direction " + betterSign);
        }
    }

    static LeafReward contrast() {
        return new LeafReward(1, 0);
    }

    static LeafReward bestAction(int arms, int betterSign) {
        return new LeafReward(arms, betterSign);
    }

    /** The reward of a leaf with summed scores {@code s}. */
    double of(double[] s) {
        if (betterSign == 0) {
            return Math.abs(s[0]);
        }
        double best = 0;
        for (int a = 1; a < dimension; a++) {
            best = Math.max(best, betterSign * s[a]);
        }
        return best;
    }

    /** The action of a leaf with mean scores {@code mean}: the first arm with the largest betterSign · mean_a. */
    int action(double[] mean) {
        int best = 0;
        double value = 0;
        for (int a = 1; a < dimension; a++) {
            if (betterSign * mean[a] > value) {
                best = a;
                value = betterSign * mean[a];
            }
        }
        return best;
    }

    /**
     * The share of the summed absolute scores by which a split must raise the objective: the K-action objective
     * for K = 2 equals half the two-arm one plus a constant, so its share is half.
     */
    double tolerance() {
        return betterSign == 0 ? 1e-10 : 0.5e-10;
    }
}
