package org.causalrx.learn.linear;

import java.util.Arrays;

/**
 * The λ-path bookkeeping the logistic solvers share (glmnet's): the sequential strong rule that screens the features
 * at each λ, the KKT check that re-admits screened-out features, and the stopping rule on the deviance explained.
 * Owned by one solver and updated as it moves along the path. Gradients are indexed as in the solvers: [0] the
 * intercept, [1 + j] feature j.
 */
final class StrongRules {
    /** Keep the solution once the training deviance falls below this share of the null deviance. */
    static final double SATURATED_DEVIANCE_RATIO = 1e-3;
    /** With early stopping: keep the solution once the deviance explained gains less than this per λ ... */
    static final double MIN_DEVIANCE_GAIN = 1e-5;
    /** ... after at least this many λ. */
    static final int MIN_PATH_LENGTH = 5;

    private final int[] usable;
    private final double alpha;
    private final boolean earlyStop;
    private final boolean[] strong;
    private int[] indices = new int[0];
    private double lastLambda = Double.NaN;
    private double lastExplained;
    private int solved;
    private boolean saturated;

    /**
     * @param usable    the features the solver may use, in order
     * @param p         number of features
     * @param earlyStop if true, stop moving along the path once the deviance explained stops improving
     */
    StrongRules(int[] usable, int p, double alpha, boolean earlyStop) {
        this.usable = usable;
        this.alpha = alpha;
        this.earlyStop = earlyStop;
        this.strong = new boolean[p];
    }

    /** The strong features in {@code usable} order; a new array whenever the set changes, else the same one. */
    int[] indices() {
        return indices;
    }

    /** True once the solver should keep its solution for every later λ. */
    boolean saturated() {
        return saturated;
    }

    /**
     * Sequential strong rule at {@code lambda}: a feature is strong when its coefficient is non-zero or
     * {@code |g_j| ≥ α(2λ − λ_previous)} (λ_previous = λ at the first λ).
     */
    void screen(double lambda, double[] beta, double[] grad) {
        double previous = Double.isNaN(lastLambda) ? lambda : lastLambda;
        double cut = alpha * (2 * lambda - previous);
        for (int j : usable) {
            strong[j] = beta[j] != 0 || Math.abs(grad[j + 1]) >= cut;
        }
        rebuild();
    }

    /** Adds the non-strong features violating the KKT condition {@code |g_j| ≤ l1}; returns whether any did. */
    boolean admitKktViolators(double l1, double[] grad) {
        boolean violated = false;
        for (int j : usable) {
            if (!strong[j] && Math.abs(grad[j + 1]) > l1) {
                strong[j] = true;
                violated = true;
            }
        }
        if (violated) {
            rebuild();
        }
        return violated;
    }

    /** Records that {@code lambda} was solved with {@code explained}, the share of the null deviance explained. */
    void solved(double lambda, double explained) {
        lastLambda = lambda;
        solved++;
        saturated = explained > 1 - SATURATED_DEVIANCE_RATIO
                || earlyStop && solved > MIN_PATH_LENGTH && explained - lastExplained < MIN_DEVIANCE_GAIN;
        lastExplained = explained;
    }

    private void rebuild() {
        int[] idx = new int[usable.length];
        int m = 0;
        for (int j : usable) {
            if (strong[j]) {
                idx[m++] = j;
            }
        }
        if (m != indices.length || !Arrays.equals(idx, 0, m, indices, 0, m)) {
            indices = Arrays.copyOf(idx, m);
        }
    }
}
