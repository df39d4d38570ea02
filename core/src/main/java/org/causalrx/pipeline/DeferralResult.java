package org.causalrx.pipeline;

import java.util.List;
import java.util.Map;

import org.causalrx.result.DeferralSet;
import org.causalrx.result.PolicyId;

/**
 * The deferral part of {@code results.json} (METHOD steps 8–9), present when the study's deferral is on.
 *
 * @param alphaStat       statistical level of the Conservative set
 * @param lambda          marginal-sensitivity Lambda of the Conservative set
 * @param bootstrapRefits B refits behind bootstrap intervals
 * @param intervalMethods estimator → how its statistical interval is computed, in words
 * @param boundsMethod    how the causal bounds are computed, in words
 * @param jointRule       how statistical and causal intervals are combined, in words
 * @param sweepPolicy     the estimator whose sweep the report draws (the verdict's selected learned policy)
 * @param sets            per sign-rule estimator and set: who is deferred, and why
 * @param calibration     per estimator the factor its statistical interval was widened by, and where it came from
 */
public record DeferralResult(double alphaStat, double lambda, int bootstrapRefits, Map<String, String> intervalMethods,
                             String boundsMethod, String jointRule, String sweepPolicy, List<SetSummary> sets,
                             Calibration calibration) {

    /**
     * Per estimator the factor its statistical interval was widened by before it drove deferral, as values.
     *
     * @param factors estimator name → factor ≥ 1, in the order measured (estimators without one keep factor 1)
     * @param source  where the factors came from, in words ("none" when there are none)
     */
    public record Calibration(Map<String, Double> factors, String source) {
        public Calibration {
            factors = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(factors));
        }

        /** The estimator's factor, 1 when it has none. */
        public double factor(String estimator) {
            return factors.getOrDefault(estimator, 1.0);
        }
    }

    /**
     * One deferral set of one estimator on the test split.
     *
     * @param policy             policy name, e.g. "t_xgboost@conservative"
     * @param set                {@link DeferralSet#INCLUSIVE} or {@link DeferralSet#CONSERVATIVE}
     * @param deferredShare      share of test patients deferred
     * @param outsideOverlapShare share deferred because e(x) is outside the overlap set
     * @param uncertainShare     share deferred (within overlap) because the joint interval contains 0
     * @param meanStatWidth      mean width of the statistical interval (alpha_stat), test patients in overlap
     * @param meanBoundsWidth    mean width of the causal bounds (Lambda), test patients in overlap
     * @param meanJointWidth     mean width of the joint interval, test patients in overlap
     * @param reasons            test patients by reason: outside overlap, statistical (the statistical interval
     *                           contains 0), causal (only the joint interval contains 0), recommended
     */
    public record SetSummary(PolicyId policy, DeferralSet set, double deferredShare, double outsideOverlapShare,
                             double uncertainShare, double meanStatWidth, double meanBoundsWidth,
                             double meanJointWidth, org.causalrx.policy.DeferralReasons.Counts reasons) {
    }

    /**
     * One point of the alpha_stat × Lambda sweep for one estimator's Conservative policy.
     *
     * @param deferralRate share of test patients deferred (outside overlap or uncertain)
     * @param valueDr      held-out DR value (point estimate; deferred patients keep their factual outcome)
     * @param treatedShare share of test patients recommended the treated arm
     */
    public record SweepPoint(PolicyId policy, double alphaStat, double lambda, double deferralRate, double valueDr,
                             double treatedShare) {
    }
}
