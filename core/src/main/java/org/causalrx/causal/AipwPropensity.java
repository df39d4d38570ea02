package org.causalrx.causal;

import org.causalrx.learn.Classifier;
import org.causalrx.learn.linear.LogisticModel;
import org.causalrx.learn.linear.LogisticRegression;

/**
 * The propensity learner inside the run's cross-fitted AIPW: a penalised logistic regression whose cross-validated λ
 * is divided by {@code factor⁻¹} (undersmoothed) when the fold's training set has at least {@code fromRows} rows.
 * <p>
 * Why: the AIPW's error beyond the oracle (true nuisances) is, to second order, the product of the outcome models'
 * and the propensity's errors, E[(m̂1 − μ1)(ê − e)/ê] + E[(m̂0 − μ0)(ê − e)/(1 − ê)]. The λ that minimises the
 * cross-validated deviance is right for predicting t, but it shrinks the fitted log-odds toward the mean (slope ≈ 0.89
 * on the true log-odds on the synthetic scale design at 10,000 rows), and that shrinkage is systematic in the same
 * direction as the under-fit of the XGBoost outcome models (both flatten along the confounders), so the product does
 * not average out: +0.03 on a true ATE of 1 (≈ 1.2 SE) at 10,000 × 50, measured by replications
 * ({@code bench ate}, docs/BENCHMARKS.md, "ATE by replications"). At λ/10 the slope is ≈ 1.0 and that bias
 * vanishes within Monte Carlo error, for a larger SE. Undersmoothing the propensity is the standard remedy for a
 * doubly robust estimate's nuisance bias.
 * <p>
 * Below {@code fromRows} training rows the fit is exactly {@code base}'s (the model it returns is the
 * cross-validated one), so small studies, the NHEFS demo among them, keep their bytes. A {@code base} with a fixed λ
 * is used as it is.
 *
 * @param base     the run's propensity regression (cross-validated λ)
 * @param fromRows training rows from which λ is scaled
 * @param factor   the scale, in (0, 1]
 */
public record AipwPropensity(LogisticRegression base, int fromRows, double factor) implements Classifier {
    /** Training rows of a fold from which the λ is scaled: 4,000 (cohorts of 5,000 patients and more at 5 folds). */
    public static final int DEFAULT_FROM_ROWS = 4_000;
    /** The scale of the cross-validated λ: 1/10. */
    public static final double DEFAULT_FACTOR = 0.1;

    public AipwPropensity {
        if (fromRows < 1) {
            throw new IllegalArgumentException("fromRows must be at least 1, got " + fromRows);
        }
        if (!(factor > 0 && factor <= 1)) {
            throw new IllegalArgumentException("factor must be in (0, 1], got " + factor);
        }
    }

    /** {@code base} with the default gate and factor. */
    public static AipwPropensity of(LogisticRegression base) {
        return new AipwPropensity(base, DEFAULT_FROM_ROWS, DEFAULT_FACTOR);
    }

    @Override
    public LogisticModel fit(double[][] x, int[] t, double[] w, long seed) {
        return fit(x, t, w, null, seed);
    }

    /** The cross-validated fit, then (from {@code fromRows} rows) the fit at its λ times {@code factor}. */
    @Override
    public LogisticModel fit(double[][] x, int[] t, double[] w, int[] groups, long seed) {
        LogisticModel cv = base.fit(x, t, w, groups, seed);
        if (x.length < fromRows || base.settings().hasFixedLambda()) {
            return cv;
        }
        return base.atLambda(cv.lambda() * factor).fit(x, t, w, groups, seed);
    }

    /** The base regression's name ({@code "l2_logistic"}). */
    @Override
    public String name() {
        return base.name();
    }
}
