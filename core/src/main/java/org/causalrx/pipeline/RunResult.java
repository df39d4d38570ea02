package org.causalrx.pipeline;

import java.util.List;

/**
 * Everything a run produced, as plain values. Serialised (snake_case) to {@code results.json}; the report
 * reads only this and {@link RunFigures}. Field names are a contract used by automated checks.
 */
public record RunResult(
        String study,
        ProtocolInfo protocol,
        SampleSizes n,
        List<CovariateDecision> covariates,
        List<String> features,
        List<PropensityMetric> propensity,
        String selectedPropensityModel,
        OverlapInfo overlap,
        AteResult ate,
        List<OutcomeModelMetric> outcomeModels,
        List<PolicyResult> policies,
        CateInsights cateInsights,
        PolicyInsights policyInsights,
        List<FeatureImportance> featureImportance,
        Provenance provenance,
        List<SecondaryOutcome> secondaryOutcomes,
        EvaluationOutcome evaluationOutcome,
        List<PolicyOutcomeTree> outcomeTrees,
        List<PolicySummary> policySummaries,
        DeferralInsights deferralInsights,
        NnMetrics nnMetrics,
        List<LinearCoefficients> linearCoefficients,
        DeferralResult deferral,
        List<DeferralResult.SweepPoint> deferralSweep) {

    /** A result without uncertainty-based deferral ({@code deferral} and {@code deferral_sweep} null). */
    public RunResult(String study, ProtocolInfo protocol, SampleSizes n, List<CovariateDecision> covariates,
                     List<String> features, List<PropensityMetric> propensity, String selectedPropensityModel,
                     OverlapInfo overlap, AteResult ate, List<OutcomeModelMetric> outcomeModels,
                     List<PolicyResult> policies, CateInsights cateInsights, PolicyInsights policyInsights,
                     List<FeatureImportance> featureImportance, Provenance provenance,
                     List<SecondaryOutcome> secondaryOutcomes, EvaluationOutcome evaluationOutcome,
                     List<PolicyOutcomeTree> outcomeTrees, List<PolicySummary> policySummaries,
                     DeferralInsights deferralInsights, NnMetrics nnMetrics,
                     List<LinearCoefficients> linearCoefficients) {
        this(study, protocol, n, covariates, features, propensity, selectedPropensityModel, overlap, ate,
                outcomeModels, policies, cateInsights, policyInsights, featureImportance, provenance,
                secondaryOutcomes, evaluationOutcome, outcomeTrees, policySummaries, deferralInsights, nnMetrics,
                linearCoefficients, null, null);
    }

    /** A result without the further analyses, the evaluation of issue 4 and the linear coefficients (older form). */
    public RunResult(String study, ProtocolInfo protocol, SampleSizes n, List<CovariateDecision> covariates,
                     List<String> features, List<PropensityMetric> propensity, String selectedPropensityModel,
                     OverlapInfo overlap, AteResult ate, List<OutcomeModelMetric> outcomeModels,
                     List<PolicyResult> policies, CateInsights cateInsights, PolicyInsights policyInsights,
                     List<FeatureImportance> featureImportance, Provenance provenance) {
        this(study, protocol, n, covariates, features, propensity, selectedPropensityModel, overlap, ate,
                outcomeModels, policies, cateInsights, policyInsights, featureImportance, provenance, List.of(), null,
                List.of(), List.of(), null, null, List.of(), null, null);
    }

    /**
     * The run's policies valued on a secondary outcome (held-out IPW and DR with the bootstrap).
     *
     * @param testN       test patients with the outcome (the policies are valued on these)
     * @param testMissing test patients without it (left out; only with {@code missing: drop})
     * @param plugIn      the DR plug-in outcome model, in words
     */
    public record SecondaryOutcome(String column, String type, String direction, int testN, int testMissing,
                                   String plugIn, List<PolicyResult> policies) {
    }

    /**
     * The derived outcome the policies are valued on instead of the modelled one (study {@code outcome.evaluate});
     * the policy values in {@code policies} and {@code policy_insights} are on this outcome.
     *
     * @param modelledColumn the outcome the models were fit on
     * @param testN          test patients with a value
     * @param testDropped    test patients without one (left out; only with {@code missing: drop})
     */
    public record EvaluationOutcome(String name, String formula, String direction, String modelledColumn,
                                    int testN, int testDropped, String plugIn) {
    }

    /** The outcome tree of one policy (the selected one, or those the study lists under report.outcome_trees). */
    public record PolicyOutcomeTree(String policy, List<OutcomeTreeNode> nodes) {
    }

    /**
     * Who a policy's groups are (§3.11 policy summarisation).
     *
     * @param comparison "recommended_arm" (arm 1 vs arm 0) or "agreement" (agrees vs disagrees with the doctors)
     */
    public record PolicySummary(String policy, String comparison, org.causalrx.policy.GroupProfile profile) {
    }

    /**
     * Deferral insights (§3.9) for one policy.
     *
     * @param profile deferred (A) vs recommended (B)
     * @param margin  flagging margin for vulnerable groups
     * @param groups  per vulnerable-group level: deferred and outside-overlap shares vs the rest
     */
    public record DeferralInsights(String policy, org.causalrx.policy.GroupProfile profile, double margin,
                                   List<org.causalrx.policy.VulnerableGroups.Group> groups) {
    }

    /**
     * Protocol text and arm/outcome definitions as the report shows them.
     *
     * @param decisionRule the decision rule of every learned policy (default arm, margin)
     */
    public record ProtocolInfo(String name, String question, String decisionTime, String population, String users,
                               String dataFile, String treatmentColumn, String controlLabel, String treatedLabel,
                               String controlCode, String treatedCode, String outcomeColumn, String outcomeType,
                               String direction, double outcomeSd, int rowsRead, int rowsDropped,
                               String rowsDroppedReason, DecisionRuleInfo decisionRule) {
        /** Protocol information with the plain sign rule (default arm control, margin 0). */
        public ProtocolInfo(String name, String question, String decisionTime, String population, String users,
                            String dataFile, String treatmentColumn, String controlLabel, String treatedLabel,
                            String controlCode, String treatedCode, String outcomeColumn, String outcomeType,
                            String direction, double outcomeSd, int rowsRead, int rowsDropped,
                            String rowsDroppedReason) {
            this(name, question, decisionTime, population, users, dataFile, treatmentColumn, controlLabel,
                    treatedLabel, controlCode, treatedCode, outcomeColumn, outcomeType, direction, outcomeSd, rowsRead,
                    rowsDropped, rowsDroppedReason, DecisionRuleInfo.of(
                            org.causalrx.policy.DecisionRule.sign("lower".equals(direction) ? -1 : 1),
                            new String[] {controlCode, treatedCode}, new String[] {controlLabel, treatedLabel},
                            outcomeColumn));
        }
    }

    public record SampleSizes(int train, int validation, int test) {
    }

    /** One declared (or undeclared) column and what happened to it. */
    public record CovariateDecision(String name, String role, boolean kept, String reason, String type,
                                    int missing, List<String> features) {
    }

    public record PropensityMetric(String model, String split, double brier, double auroc, double accuracy,
                                   double precision, double recall, double f1) {
    }

    /**
     * @param method how thresholds were chosen, in words
     */
    public record OverlapInfo(double etaLow, double etaHigh, String method, int testTotal, int testInOverlap,
                              int trainTotal, int trainInOverlap) {
    }

    public record AteResult(double estimate, double se, double ciLow, double ciHigh, String method, int folds,
                            int n) {
    }

    /**
     * Outcome model fit quality for one arm on one split (paper Table 2).
     *
     * @param rejected true when this is a validation row whose MSE is at least 0.9 × the outcome variance of that
     *                 arm on validation: the model does little better than predicting the mean (§3.6)
     */
    public record OutcomeModelMetric(String model, String arm, String split, int n, double rmse, double mae,
                                     double r2, double outcomeSd, boolean rejected) {
    }

    /**
     * CATE insights on the test split (§3.7).
     *
     * @param estimators  estimator names, the order of the matrices' rows and columns
     * @param pearson     Pearson correlations between the estimators' test-set CATEs
     * @param kendall     Kendall tau-b correlations
     * @param impliedAte  per estimator: the mean predicted CATE over test patients, with a bootstrap CI over patients
     * @param calibration per estimator: quantile bins of predicted CATE vs the AIPW effect in the bin
     * @param rejected    component models rejected by the §3.6 check, with the reason
     */
    public record CateInsights(List<String> estimators, double[][] pearson, double[][] kendall,
                               List<ImpliedAte> impliedAte, java.util.Map<String, List<CalibrationBin>> calibration,
                               List<String> rejected) {
    }

    /**
     * Policy insights (§3.11, App. E).
     *
     * @param policies       policy names, the order of the win matrices
     * @param rounds         bootstrap rounds behind the win counts
     * @param winsDr         [i][j] = rounds in which policy i's DR value is better than policy j's
     * @param winsIpw        the same for IPW
     * @param selectedPolicy the learned policy the outcome tree and verdict describe (best learned by DR mean)
     * @param outcomeTree    nodes of the outcome tree of the selected policy
     * @param rankCurves     per estimator (and "random"): DR value when treating the top share by predicted benefit
     * @param verdict        the verdict in words, with the paper's warnings
     */
    public record PolicyInsights(List<String> policies, int rounds, int[][] winsDr, int[][] winsIpw,
                                 String selectedPolicy, List<OutcomeTreeNode> outcomeTree, List<RankCurve> rankCurves,
                                 Verdict verdict) {
    }

    /** @param arm actual arm label, or "all" for the root */
    public record OutcomeTreeNode(String arm, String group, int n, double mean, double sem) {
    }

    public record RankCurve(String name, double[] share, double[] value, double[] low, double[] high) {
    }

    /**
     * @param bestPolicy          best policy by DR mean over all policies
     * @param bestLearned         best learned policy by DR mean
     * @param bestLearnedBeatsDoctorsShare share of bootstrap rounds in which it beats Doctors (DR)
     * @param text                the verdict in words
     * @param warnings            the paper's warnings that apply
     */
    public record Verdict(String bestPolicy, String bestLearned, double bestLearnedBeatsDoctorsShare, String text,
                          List<String> warnings) {
    }

    /**
     * Mean absolute SHAP value per feature of one tree model, on the test split.
     *
     * @param scale the unit of the SHAP values, e.g. "log-odds of treatment"
     */
    public record FeatureImportance(String model, String scale, List<String> features, double[] meanAbsShap) {
    }

    public record ImpliedAte(String estimator, double estimate, double ciLow, double ciHigh) {
    }

    public record CalibrationBin(double meanPredicted, double aipw, double ciLow, double ciHigh, int n) {
    }

    public record Summary(double mean, double sd, double min, double q25, double median, double q75, double max) {
    }

    /**
     * @param pointDr  DR value on the full test split (no resampling)
     * @param pointIpw IPW value on the full test split
     */
    public record PolicyResult(String name, String description, double treatedShare, double deferredShare,
                               double pointDr, double pointIpw, Summary valueDr, Summary valueIpw) {
    }

    public record Provenance(String dataSha256, String studySha256, long seed, int bootstrapRounds,
                             String causalrxVersion, String javaVersion, String xgboostVersion) {
    }
}
