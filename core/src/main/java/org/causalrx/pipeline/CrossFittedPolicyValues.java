package org.causalrx.pipeline;

import java.util.List;

import org.causalrx.result.PolicyId;

/**
 * Policy values by cross-fitting over every cohort patient ({@link PolicyValueScheme#CROSS_FITTED_AIPW}),
 * reported beside the test-split values. Written to results.json as {@code cross_fitted_policy_values}.
 *
 * @param scheme               always {@link PolicyValueScheme#CROSS_FITTED_AIPW}
 * @param folds                K, folds stratified by treatment
 * @param n                    cohort patients scored (all of them)
 * @param outcome              the outcome valued (the modelled outcome column)
 * @param direction            which values are better
 * @param overlapPropensity    learner whose out-of-fold e(x) decides overlap and the propensity baseline
 * @param evaluationPropensity learner of the out-of-fold e(x) in the AIPW scores
 * @param outcomeModel         learner of the out-of-fold plug-ins mu_0, mu_1
 * @param notCrossFitted       policies of the run valued on the test split only (the Conservative sets)
 * @param note                 in words: what the scheme does and what it leaves out
 * @param policies             one row per policy, current practice ("doctors") first
 */
public record CrossFittedPolicyValues(PolicyValueScheme scheme, int folds, int n, String outcome,
                                      org.causalrx.study.Study.Direction direction,
                                      String overlapPropensity, String evaluationPropensity, String outcomeModel,
                                      List<PolicyId> notCrossFitted, String note, List<Policy> policies) {
    public CrossFittedPolicyValues {
        notCrossFitted = List.copyOf(notCrossFitted);
        policies = List.copyOf(policies);
    }

    /**
     * One policy's cross-fitted value (outcome units).
     *
     * @param treatedShare            share of all patients recommended arm 1
     * @param deferredShare           share deferred (they contribute their factual outcome)
     * @param value                   mean per-patient score
     * @param se                      sd(scores) / sqrt(n)
     * @param gainOverDoctors         mean(score_i − y_i): value minus current practice's, paired per patient
     * @param gainSe                  its standard error; 0 for doctors
     * @param probBetterThanDoctors   normal probability that the gain points the better way (1 − one-sided p);
     *                                null for doctors
     */
    public record Policy(PolicyId name, String description, double treatedShare, double deferredShare, double value,
                         double se, double ciLow, double ciHigh, double gainOverDoctors, double gainSe,
                         double gainCiLow, double gainCiHigh, double probBetterThanDoctors) {
    }
}
