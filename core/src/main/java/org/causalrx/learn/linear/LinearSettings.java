package org.causalrx.learn.linear;

import org.causalrx.util.CausalRxException;

/**
 * Options shared by the penalised linear learners. Start from {@link #defaults()} and change single options with
 * the {@code with...} methods, e.g. {@code LinearSettings.defaults().withFolds(10).withOneStandardErrorRule(true)}.
 *
 * @param folds                 number of cross-validation folds used to choose λ (at least 2; capped at n)
 * @param nLambda               number of λ values on the log-spaced path from λ_max down (at least 1)
 * @param lambdaMinRatio        smallest λ on the initial path as a fraction of λ_max, in (0, 1); {@code NaN} means
 *                              1e-4 when n &gt; p and 1e-2 otherwise. When the CV error is smallest at that λ the
 *                              path is extended downwards with the same spacing, down to at most λ_max · 1e-10,
 *                              until the CV error has risen past its minimum
 * @param oneStandardErrorRule  if true, choose the largest λ whose CV error is within one standard error of the
 *                              minimum; if false, the λ with minimum CV error
 * @param fixedLambda           {@code NaN} to choose λ by cross-validation; otherwise fit at exactly this λ (&ge; 0)
 *                              without cross-validation (still warm-started along a path from λ_max)
 * @param tolerance             convergence tolerance: a coordinate-descent solve stops when no standardised
 *                              coefficient changes by more than {@code tolerance} in a pass (times the weighted SD
 *                              of y for Gaussian models; on the log-odds scale for logistic models)
 * @param maxPasses             cap on coordinate-descent passes per λ (a guard; results are then approximate)
 * @param extendPath            if true (the default), a path whose CV error is smallest at its last λ is extended
 *                              downwards as described under {@code lambdaMinRatio}; if false, λ is chosen on the
 *                              initial path (for descriptions of groups that the features may separate, where the
 *                              CV deviance keeps falling as the coefficients grow without bound)
 */
public record LinearSettings(int folds, int nLambda, double lambdaMinRatio, boolean oneStandardErrorRule,
                             double fixedLambda, double tolerance, int maxPasses, boolean extendPath) {

    /** Default number of CV folds. */
    public static final int DEFAULT_FOLDS = 5;
    /** Default length of the λ path. */
    public static final int DEFAULT_N_LAMBDA = 100;
    /** Default convergence tolerance. */
    public static final double DEFAULT_TOLERANCE = 1e-7;
    /** Default cap on coordinate-descent passes per λ. */
    public static final int DEFAULT_MAX_PASSES = 10_000;
    /** λ used by {@link #nearlyUnpenalized()}. */
    public static final double NEARLY_UNPENALIZED_LAMBDA = 1e-8;

    /** Validates the options; throws {@link CausalRxException} naming the bad option. */
    public LinearSettings {
        if (folds < 2) {
            throw new CausalRxException("linear settings: folds must be at least 2, got " + folds);
        }
        if (nLambda < 1) {
            throw new CausalRxException("linear settings: nLambda must be at least 1, got " + nLambda);
        }
        if (!Double.isNaN(lambdaMinRatio) && !(lambdaMinRatio > 0 && lambdaMinRatio < 1)) {
            throw new CausalRxException("linear settings: lambdaMinRatio must be in (0, 1) or NaN (automatic), got "
                    + lambdaMinRatio);
        }
        if (!Double.isNaN(fixedLambda) && !(fixedLambda >= 0 && fixedLambda < Double.POSITIVE_INFINITY)) {
            throw new CausalRxException("linear settings: fixedLambda must be a finite number >= 0 or NaN (use"
                    + " cross-validation), got " + fixedLambda);
        }
        if (!(tolerance > 0 && tolerance < 1)) {
            throw new CausalRxException("linear settings: tolerance must be in (0, 1), got " + tolerance);
        }
        if (maxPasses < 1) {
            throw new CausalRxException("linear settings: maxPasses must be at least 1, got " + maxPasses);
        }
    }

    /** The settings with the path extension on ({@code extendPath} true). */
    public LinearSettings(int folds, int nLambda, double lambdaMinRatio, boolean oneStandardErrorRule,
                          double fixedLambda, double tolerance, int maxPasses) {
        this(folds, nLambda, lambdaMinRatio, oneStandardErrorRule, fixedLambda, tolerance, maxPasses, true);
    }

    /** 5-fold CV over 100 λ values, minimum-CV-error rule, automatic λ ratio, tolerance 1e-7, path extension on. */
    public static LinearSettings defaults() {
        return new LinearSettings(DEFAULT_FOLDS, DEFAULT_N_LAMBDA, Double.NaN, false, Double.NaN,
                DEFAULT_TOLERANCE, DEFAULT_MAX_PASSES, true);
    }

    /** Fixed tiny λ (1e-8) and tight tolerance: practically the unpenalised fit (for tests and checks). */
    public static LinearSettings nearlyUnpenalized() {
        return defaults().withFixedLambda(NEARLY_UNPENALIZED_LAMBDA).withTolerance(1e-10);
    }

    /** True when λ is fixed, so no cross-validation runs. */
    public boolean hasFixedLambda() {
        return !Double.isNaN(fixedLambda);
    }

    /** Copy with another number of CV folds. */
    public LinearSettings withFolds(int k) {
        return new LinearSettings(k, nLambda, lambdaMinRatio, oneStandardErrorRule, fixedLambda, tolerance,
                maxPasses, extendPath);
    }

    /** Copy with another path length. */
    public LinearSettings withNLambda(int m) {
        return new LinearSettings(folds, m, lambdaMinRatio, oneStandardErrorRule, fixedLambda, tolerance,
                maxPasses, extendPath);
    }

    /** Copy with another λ_min / λ_max ratio ({@code NaN} = automatic). */
    public LinearSettings withLambdaMinRatio(double r) {
        return new LinearSettings(folds, nLambda, r, oneStandardErrorRule, fixedLambda, tolerance, maxPasses,
                extendPath);
    }

    /** Copy that uses (true) or does not use (false) the one-standard-error rule. */
    public LinearSettings withOneStandardErrorRule(boolean on) {
        return new LinearSettings(folds, nLambda, lambdaMinRatio, on, fixedLambda, tolerance, maxPasses, extendPath);
    }

    /** Copy that fits at exactly {@code lambda} (skipping CV); {@code NaN} restores cross-validation. */
    public LinearSettings withFixedLambda(double lambda) {
        return new LinearSettings(folds, nLambda, lambdaMinRatio, oneStandardErrorRule, lambda, tolerance,
                maxPasses, extendPath);
    }

    /** Copy with another convergence tolerance. */
    public LinearSettings withTolerance(double tol) {
        return new LinearSettings(folds, nLambda, lambdaMinRatio, oneStandardErrorRule, fixedLambda, tol,
                maxPasses, extendPath);
    }

    /** Copy with another cap on passes per λ. */
    public LinearSettings withMaxPasses(int passes) {
        return new LinearSettings(folds, nLambda, lambdaMinRatio, oneStandardErrorRule, fixedLambda, tolerance,
                passes, extendPath);
    }

    /** Copy that extends (true) or does not extend (false) a path whose CV minimum is at its end. */
    public LinearSettings withExtendPath(boolean on) {
        return new LinearSettings(folds, nLambda, lambdaMinRatio, oneStandardErrorRule, fixedLambda, tolerance,
                maxPasses, on);
    }
}
