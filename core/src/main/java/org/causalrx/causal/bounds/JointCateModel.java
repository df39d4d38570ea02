package org.causalrx.causal.bounds;

import org.causalrx.causal.EffectIntervals;
import org.causalrx.causal.IntervalCateModel;

/**
 * The joint interval [tau_lo(x), tau_hi(x)] of METHOD step 8, combining statistical (alpha_stat) and causal
 * (Lambda) uncertainty around one estimator's point CATE tau(x). With [l, h] the estimator's (1 − alpha)
 * statistical interval, [tau−, tau+] the B-learner bounds at Lambda and tau1 the B-learner's Lambda = 1 estimate:
 * <pre>
 *   tau_lo = l − (tau1 − tau−)      tau_hi = h + (tau+ − tau1)
 * </pre>
 * i.e. the statistical interval widened on each side by how far hidden confounding of strength Lambda can move the
 * effect (the sharp bounds' distance from the no-confounding estimate). This reads "the lower statistical limit of
 * tau− and the upper statistical limit of tau+" under the stated simplification that the bounds carry the
 * estimator's own statistical error (the bound regressions are not bootstrapped). At Lambda = 1 it is exactly the
 * statistical interval; it widens monotonically in Lambda (the bounds are nested, tau− ≤ tau1 ≤ tau+) and as alpha
 * falls; it always contains tau(x), so a patient whose joint interval excludes 0 is recommended in the direction of
 * tau(x). Composed only of fitted models.
 *
 * @param statistical the estimator's point model with its statistical intervals
 * @param bounds      B-learner bounds, fitted at least up to {@code lambda}
 * @param lambda      the Lambda used by {@link #effectInterval}; must be one of {@code bounds.lambdas()}
 */
public record JointCateModel(IntervalCateModel statistical, CateBoundsFamily bounds, double lambda)
        implements IntervalCateModel {
    public JointCateModel {
        if (java.util.Arrays.stream(bounds.lambdas()).noneMatch(l -> l == lambda)) {
            throw new IllegalArgumentException("Lambda " + lambda + " was not fitted; fitted: "
                    + java.util.Arrays.toString(bounds.lambdas()));
        }
    }

    @Override
    public double[] effect(double[][] x) {
        return statistical.effect(x);
    }

    @Override
    public EffectIntervals effectInterval(double[][] x, double alpha) {
        return combine(statistical.effectInterval(x, alpha), bounds.effect(x), bounds.bounds(x, lambda));
    }

    /** The joint rule above, row by row; {@code centre} is the B-learner's Lambda = 1 estimate tau1. */
    public static EffectIntervals combine(EffectIntervals stat, double[] centre, EffectIntervals causal) {
        double[] lo = stat.lo();
        double[] hi = stat.hi();
        double[] cl = causal.lo();
        double[] ch = causal.hi();
        for (int i = 0; i < lo.length; i++) {
            lo[i] -= Math.max(0, centre[i] - cl[i]);
            hi[i] += Math.max(0, ch[i] - centre[i]);
        }
        return new EffectIntervals(lo, hi);
    }
}
