package org.causalrx.pipeline;

import org.causalrx.result.PolicyId;

/**
 * How much hidden confounding the run's answer withstands (results.json key {@code sensitivity}): the E-value of
 * the cross-fitted AIPW ATE and of its confidence limit closer to the null, and, for the selected policy on the
 * test split, the worst-case gain over current practice under the marginal sensitivity model as a curve in Λ.
 *
 * @param eValue E-values of the ATE
 * @param msm    the selected policy's gain bounds; null when no learned policy was selected
 */
public record Sensitivity(EValues eValue, Msm msm) {
    /**
     * A gain that is no longer positive at a Λ below this is fragile: hidden confounding that changes a patient's
     * odds of their treatment by less than this factor could explain it away (the verdict warns).
     */
    public static final double FRAGILE_LAMBDA = 1.2;

    /**
     * E-values (VanderWeele &amp; Ding 2017) of the ATE.
     *
     * @param ate              E-value of the ATE point estimate (≥ 1, risk-ratio scale)
     * @param ciLimit          E-value of the 95 % interval limit closer to the null (1 when the interval includes 0)
     * @param riskRatio        the risk ratio the ATE was converted to
     * @param riskRatioCiLimit the risk ratio of the interval limit closer to the null
     * @param conversion       how the ATE was put on the risk-ratio scale, in words
     */
    public record EValues(double ate, double ciLimit, double riskRatio, double riskRatioCiLimit, String conversion) {
    }

    /**
     * The selected policy's gain over current practice under the marginal sensitivity model, on the test split.
     * At Λ = 1 the bound is the policy's IPW value minus the observed mean; it falls as Λ grows.
     *
     * @param policy            the selected policy
     * @param direction         "higher" or "lower": the better direction of the outcome the policy is valued on; the
     *                          gain is oriented so that positive is better
     * @param n                 test patients
     * @param currentPractice   current practice's value: the mean observed outcome of the test patients
     * @param lambda            the grid of Λ (1, 1.1, …)
     * @param gainLowerBound    per Λ: worst-case policy value minus current practice, oriented (outcome units)
     * @param largestLambda     largest Λ at which the bound stays positive (bisection); the grid's last Λ when it
     *                          never crosses ({@code beyondGrid}); null when it is not positive even at Λ = 1
     * @param beyondGrid        whether the bound stays positive over the whole grid
     * @param largestLambdaText the largest Λ in words ("1.37", "&gt; 3", "none")
     * @param fragileLambda     the fragility threshold ({@link #FRAGILE_LAMBDA})
     * @param fragile           whether the gain vanishes below that threshold (or is not positive at Λ = 1)
     * @param method            how the bound is computed, in words
     */
    public record Msm(PolicyId policy, String direction, int n, double currentPractice, double[] lambda,
                      double[] gainLowerBound, double largestLambda, boolean beyondGrid, String largestLambdaText,
                      double fragileLambda, boolean fragile, String method) {
    }
}
