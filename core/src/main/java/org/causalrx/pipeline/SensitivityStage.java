package org.causalrx.pipeline;

import java.util.Locale;

import org.causalrx.causal.EValue;
import org.causalrx.policy.HeldOut;
import org.causalrx.policy.MsmPolicyBounds;
import org.causalrx.policy.PolicyDecisions;
import org.causalrx.result.PolicyId;
import org.causalrx.study.Study;
import org.causalrx.util.Stats;

/**
 * Sensitivity of the run's answer to hidden confounding ({@link Sensitivity}): the E-value of the cross-fitted ATE
 * and the selected policy's worst-case gain over current practice under the marginal sensitivity model. Runs after
 * the ATE stage and extends the verdict with a sentence. Deterministic (no resampling).
 */
record SensitivityStage() implements Stage {
    /** Step of the Λ grid. */
    static final double GRID_STEP = 0.1;
    /** Largest Λ of the grid. */
    static final double GRID_MAX = 3.0;
    /** Bisection tolerance on Λ. */
    static final double TOLERANCE = 1e-4;

    public String name() {
        return "sensitivity";
    }

    public String detail(RunContext c) {
        return "E-value of the ATE; selected policy's worst-case gain under the marginal sensitivity model, Λ = 1 to "
                + GRID_MAX;
    }

    public RunContext apply(RunContext c, Progress progress) {
        Study study = c.study();
        double[] armMeans = c.get(RunSlots.ATE_ARM_MEANS);
        Sensitivity.EValues ev = eValues(c.get(RunSlots.ATE), armMeans[0], armMeans[1],
                PipelineStages.binary(study), Stats.sd(c.get(RunSlots.COHORT).outcome()));
        RunResult.PolicyInsights pi = c.get(RunSlots.POLICY_INSIGHTS);
        ValuedOutcome valued = c.get(RunSlots.EVALUATION).valued();
        Sensitivity.Msm msm = null;
        if (pi.selectedPolicy() != null) {
            PolicyDecisions selected = valued.policies().stream().filter(p -> p.id().equals(pi.selectedPolicy()))
                    .findFirst().orElseThrow();
            msm = msm(selected.id(), valued.heldOut(), selected.valuedArms(), valued.study().outcome().direction());
        }
        Sensitivity result = new Sensitivity(ev, msm);
        RunResult.PolicyInsights extended = new RunResult.PolicyInsights(pi.policies(), pi.rounds(), pi.winsDr(),
                pi.winsIpw(), pi.selectedPolicy(), pi.outcomeTree(), pi.rankCurves(),
                PolicyVerdict.withSensitivity(pi.verdict(), result), pi.selection());
        return c.with(RunSlots.SENSITIVITY, result).with(RunSlots.POLICY_INSIGHTS, extended);
    }

    /**
     * E-values of the ATE. Binary outcome: RR = mean1 / mean0 from the AIPW arm means, the interval limit as
     * (mean0 + limit) / mean0. Otherwise: d = effect / SD(Y) and RR ≈ exp(0.91·d).
     *
     * @param mean0     AIPW mean outcome under control (a risk for a binary outcome)
     * @param mean1     AIPW mean outcome under treatment
     * @param outcomeSd SD of the outcome over the cohort (continuous outcomes)
     */
    static Sensitivity.EValues eValues(RunResult.AteResult ate, double mean0, double mean1, boolean binary,
                                       double outcomeSd) {
        return eValues(ate.estimate(), ate.ciLow(), ate.ciHigh(), mean0, mean1, binary, outcomeSd);
    }

    /**
     * E-values of an effect (mean1 − mean0, outcome units) with its 95 % interval [ciLow, ciHigh]; conversions as
     * in {@link #eValues(RunResult.AteResult, double, double, boolean, double)}.
     */
    static Sensitivity.EValues eValues(double estimate, double ciLow, double ciHigh, double mean0, double mean1,
                                       boolean binary, double outcomeSd) {
        java.util.function.DoubleUnaryOperator toRatio;
        String conversion;
        if (binary) {
            toRatio = diff -> mean0 > 0 && mean0 + diff > 0 ? (mean0 + diff) / mean0 : Double.NaN;
            conversion = String.format(Locale.ROOT, "risk ratio of the AIPW arm means, %.4g / %.4g; the interval "
                    + "limit as (control risk + limit) / control risk", mean1, mean0);
        } else {
            toRatio = diff -> outcomeSd > 0 ? EValue.riskRatioOfSmd(diff / outcomeSd) : Double.NaN;
            conversion = String.format(Locale.ROOT, "standardised mean difference d = effect / SD(outcome) with "
                    + "SD %.4g, risk ratio approximated as exp(%.2f d)", outcomeSd, EValue.SMD_TO_LOG_RR);
        }
        double rr = binary ? (mean0 > 0 && mean1 > 0 ? mean1 / mean0 : Double.NaN)
                : toRatio.applyAsDouble(estimate);
        boolean crosses = ciLow <= 0 && ciHigh >= 0;
        double limit = estimate > 0 ? ciLow : ciHigh;
        double rrLimit = crosses ? 1 : toRatio.applyAsDouble(limit);
        return new Sensitivity.EValues(EValue.ofRiskRatio(rr), crosses ? 1 : EValue.ofRiskRatio(rrLimit), rr,
                rrLimit, conversion);
    }

    /** The selected policy's gain bound over the Λ grid and its largest favourable Λ. */
    static Sensitivity.Msm msm(PolicyId policy, HeldOut data, int[] decisions, Study.Direction direction) {
        int sign = direction == Study.Direction.HIGHER ? 1 : -1;
        int points = (int) Math.round((GRID_MAX - 1) / GRID_STEP) + 1;
        double[] lambda = new double[points];
        for (int i = 0; i < points; i++) {
            lambda[i] = 1 + i * GRID_STEP;
        }
        double[] gain = MsmPolicyBounds.gainLowerBounds(data, decisions, sign, lambda);
        double largest = MsmPolicyBounds.largestLambda(data, decisions, sign, lambda, gain, TOLERANCE);
        boolean beyond = largest == Double.POSITIVE_INFINITY;
        double reported = beyond ? lambda[points - 1] : largest;
        String text = beyond ? String.format(Locale.ROOT, "> %.1f", GRID_MAX)
                : Double.isNaN(largest) ? "none" : String.format(Locale.ROOT, "%.2f", largest);
        boolean fragile = !beyond && (Double.isNaN(largest) || largest < Sensitivity.FRAGILE_LAMBDA);
        return new Sensitivity.Msm(policy, direction == Study.Direction.HIGHER ? "higher" : "lower", data.size(),
                Stats.mean(data.y()), lambda, gain, reported, beyond, text, Sensitivity.FRAGILE_LAMBDA, fragile,
                "self-normalised IPW value of the policy on the test split (p* propensity clipped to ["
                        + HeldOut.CLIP + ", " + (1 - HeldOut.CLIP) + "]), deferred patients at their observed "
                        + "outcome; each matched patient's inverse propensity set anywhere in [1 + (1/p* - 1)/Λ, "
                        + "1 + (1/p* - 1)Λ] to make the value as bad as possible");
    }
}
