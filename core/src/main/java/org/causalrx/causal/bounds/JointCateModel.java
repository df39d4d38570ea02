package org.causalrx.causal.bounds;

import org.causalrx.causal.EffectIntervals;
import org.causalrx.causal.IntervalCateModel;

/**
 * The joint interval [tau_lo(x), tau_hi(x)] of METHOD step 8, combining statistical (alpha_stat) and causal
 * (Lambda) uncertainty around one estimator's point CATE tau(x). With [l, h] the estimator's (1 − alpha)
 * statistical interval and [tau−, tau+] the B-learner bounds at Lambda:
 * <pre>
 *   tau_lo = min(l, tau− − (tau − l))      tau_hi = max(h, tau+ + (h − tau))
 * </pre>
 * i.e. each causal bound is moved outward by the estimator's own statistical margin on that side (a stated
 * simplification: the bound regressions' statistical error is taken to be that of the point estimator, rather than
 * bootstrapping the B-learner), and the result always contains the statistical interval, hence tau(x): a patient
 * whose joint interval excludes 0 is recommended in the direction of tau(x). Wider in Lambda (the bounds are nested)
 * and in smaller alpha. Composed only of fitted models.
 *
 * @param statistical the estimator's point model with its statistical intervals
 * @param bounds      B-learner bounds, fitted at least up to {@code lambda}
 * @param lambda      the Lambda used by {@link #effectInterval}; must be one of {@code bounds.lambdas()}
 */
public record JointCateModel(IntervalCateModel statistical, CateBoundsFamily bounds, double lambda)
        implements IntervalCateModel {
    public JointCateModel {
        bounds.bounds(new double[0][], lambda);   // fails fast when lambda was not fitted
    }

    @Override
    public double[] effect(double[][] x) {
        return statistical.effect(x);
    }

    @Override
    public EffectIntervals effectInterval(double[][] x, double alpha) {
        return combine(statistical.effect(x), statistical.effectInterval(x, alpha), bounds.bounds(x, lambda));
    }

    /** The joint rule above, row by row. */
    public static EffectIntervals combine(double[] tau, EffectIntervals stat, EffectIntervals causal) {
        double[] l = stat.lo();
        double[] h = stat.hi();
        double[] lo = causal.lo();
        double[] hi = causal.hi();
        for (int i = 0; i < tau.length; i++) {
            lo[i] = Math.min(l[i], lo[i] - (tau[i] - l[i]));
            hi[i] = Math.max(h[i], hi[i] + (h[i] - tau[i]));
        }
        return new EffectIntervals(lo, hi);
    }
}
