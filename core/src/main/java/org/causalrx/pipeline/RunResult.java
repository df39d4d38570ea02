package org.causalrx.pipeline;

import java.util.List;

import org.causalrx.result.PolicyId;
import org.causalrx.result.SelectionScheme;
import org.causalrx.study.Study;

/**
 * Everything a run produced, as plain values. The values in {@code policies}, {@code policy_insights},
 * {@code secondary_outcomes} and {@code deferral_sweep} come from the scheme named in {@code policy_value_scheme}
 * (the test split); {@code cross_fitted_policy_values}, when the study asks for it, holds the cross-fitted ones.
 * Serialised (snake_case) to {@code results.json}; the report reads only this and {@link RunFigures}. Field
 * names are a contract used by automated checks: {@code schema_version} is written first and the key set of each
 * version is fixed ({@link #SCHEMA_VERSION}). {@code data_warnings} lists what the data check accepted but a
 * person should look at (one line each, see {@code FitReadiness}). {@code balance} holds the covariate balance under
 * inverse-propensity weighting ({@link CovariateBalance}). Built with {@link #builder()}; every component
 * is a value (records, enums, strings, numbers), never a fitted model or other domain object. {@code sensitivity}
 * holds the E-value of the ATE and the selected policy's gain bounds under hidden confounding ({@link Sensitivity}).
 */
@com.fasterxml.jackson.annotation.JsonPropertyOrder({"schema_version"})
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
        List<DeferralResult.SweepPoint> deferralSweep,
        PolicyValueScheme policyValueScheme,
        CrossFittedPolicyValues crossFittedPolicyValues,
        List<String> dataWarnings,
        String schemaVersion,
        CovariateBalance balance,
        Heterogeneity heterogeneity,
        Sensitivity sensitivity,
        List<PolicyTreeInfo> policyTrees,
        AteRefutations refutations,
        CohortSummaryTables cohortTables) {

    /** Requires a schema version ({@link RunResultBuilder} sets {@link #SCHEMA_VERSION}). */
    public RunResult {
        java.util.Objects.requireNonNull(schemaVersion, "schema_version");
    }

    /**
     * Version of the results.json key set, written first as {@code schema_version}, "major.minor": the major is
     * bumped when a key is removed or renamed or a value changes meaning or type, the minor when a key is added.
     * The key set of each version is the golden file {@code results-keys.txt} of the core tests.
     */
    public static final String SCHEMA_VERSION = "1.5";

    /** An empty builder; {@link RunResultBuilder#build} says which required parts are missing. */
    public static RunResultBuilder builder() {
        return new RunResultBuilder();
    }

    /** A builder holding every part of this result, to change some of them. */
    public RunResultBuilder toBuilder() {
        return new RunResultBuilder(this);
    }

    /**
     * The run's policies valued on a secondary outcome (held-out IPW and DR with the bootstrap).
     *
     * @param testN       test patients with the outcome (the policies are valued on these)
     * @param testMissing test patients without it (left out; only with {@code missing: drop})
     * @param plugIn      the DR plug-in outcome model, in words
     */
    public record SecondaryOutcome(String column, Study.OutcomeType type, Study.Direction direction, int testN,
                                   int testMissing, String plugIn, List<PolicyResult> policies) {
    }

    /**
     * The derived outcome the policies are valued on instead of the modelled one (study {@code outcome.evaluate});
     * the policy values in {@code policies} and {@code policy_insights} are on this outcome.
     *
     * @param modelledColumn the outcome the models were fit on
     * @param testN          test patients with a value
     * @param testDropped    test patients without one (left out; only with {@code missing: drop})
     */
    public record EvaluationOutcome(String name, String formula, Study.Direction direction, String modelledColumn,
                                    int testN, int testDropped, String plugIn) {
    }

    /** The outcome tree of one policy (the selected one, or those the study lists under report.outcome_trees). */
    public record PolicyOutcomeTree(PolicyId policy, List<OutcomeTreeNode> nodes) {
    }

    /**
     * Who a policy's groups are (§3.11 policy summarisation).
     *
     * @param comparison "recommended_arm" (arm 1 vs arm 0) or "agreement" (agrees vs disagrees with the doctors)
     */
    public record PolicySummary(PolicyId policy, String comparison, org.causalrx.policy.GroupProfile profile) {
    }

    /**
     * Deferral insights (§3.9) for one policy.
     *
     * @param profile deferred (A) vs recommended (B)
     * @param margin  flagging margin for vulnerable groups
     * @param groups  per vulnerable-group level: deferred and outside-overlap shares vs the rest
     */
    public record DeferralInsights(PolicyId policy, org.causalrx.policy.GroupProfile profile, double margin,
                                   List<org.causalrx.policy.VulnerableGroups.Group> groups) {
    }

    /**
     * Protocol text and arm/outcome definitions as the report shows them.
     *
     * @param decisionRule the decision rule of every learned policy (default arm, margin)
     * @param estimatorSettings the estimators fitted with the settings each used, and the DR plug-in; null when
     *                          not recorded
     */
    public record ProtocolInfo(String name, String question, String decisionTime, String population, String users,
                               String dataFile, String treatmentColumn, String controlLabel, String treatedLabel,
                               String controlCode, String treatedCode, String outcomeColumn,
                               Study.OutcomeType outcomeType, Study.Direction direction, double outcomeSd,
                               int rowsRead, int rowsDropped, String rowsDroppedReason, DecisionRuleInfo decisionRule,
                               EstimatorSettings estimatorSettings) {
        /** Protocol information without estimator settings. */
        public ProtocolInfo(String name, String question, String decisionTime, String population, String users,
                            String dataFile, String treatmentColumn, String controlLabel, String treatedLabel,
                            String controlCode, String treatedCode, String outcomeColumn,
                            Study.OutcomeType outcomeType, Study.Direction direction, double outcomeSd, int rowsRead,
                            int rowsDropped, String rowsDroppedReason, DecisionRuleInfo decisionRule) {
            this(name, question, decisionTime, population, users, dataFile, treatmentColumn, controlLabel,
                    treatedLabel, controlCode, treatedCode, outcomeColumn, outcomeType, direction, outcomeSd, rowsRead,
                    rowsDropped, rowsDroppedReason, decisionRule, null);
        }

        /** Protocol information with the plain sign rule (default arm control, margin 0). */
        public ProtocolInfo(String name, String question, String decisionTime, String population, String users,
                            String dataFile, String treatmentColumn, String controlLabel, String treatedLabel,
                            String controlCode, String treatedCode, String outcomeColumn,
                            Study.OutcomeType outcomeType, Study.Direction direction, double outcomeSd,
                            int rowsRead, int rowsDropped,
                            String rowsDroppedReason) {
            this(name, question, decisionTime, population, users, dataFile, treatmentColumn, controlLabel,
                    treatedLabel, controlCode, treatedCode, outcomeColumn, outcomeType, direction, outcomeSd, rowsRead,
                    rowsDropped, rowsDroppedReason, DecisionRuleInfo.of(
                            org.causalrx.policy.DecisionRule.sign(direction == Study.Direction.LOWER ? -1 : 1),
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

    /**
     * One propensity model's metrics on one split.
     *
     * @param aurocNearOne true when {@code auroc} is at least {@link #MAX_AUROC}: treatment is nearly determined by
     *                     the covariates, a warning about overlap rather than a success
     */
    public record PropensityMetric(String model, String split, double brier, double auroc, double accuracy,
                                   double precision, double recall, double f1, boolean aurocNearOne) {
        /** An AUROC at or above this means treatment is nearly determined by the covariates. */
        public static final double MAX_AUROC = 0.95;

        /** The metrics, flagged by {@link #MAX_AUROC}. */
        public PropensityMetric(String model, String split, double brier, double auroc, double accuracy,
                                double precision, double recall, double f1) {
            this(model, split, brier, auroc, accuracy, precision, recall, f1, auroc >= MAX_AUROC);
        }
    }

    /**
     * @param method how thresholds were chosen, in words
     */
    public record OverlapInfo(double etaLow, double etaHigh, String method, int testTotal, int testInOverlap,
                              int trainTotal, int trainInOverlap) {
    }

    /**
     * The cross-fitted AIPW ATE over the whole cohort (outcome units, treated − control) and every estimand the
     * study asked for ({@code ate.estimands}, in its order; the ATE among them equals this record's estimate).
     *
     * @param nuisances where the nuisances came from when another step's cross-fit supplied them, in words
     *                  ({@link AteEstimands#fromTraining}); absent (null): the stage cross-fitted its own over the
     *                  whole cohort
     */
    public record AteResult(double estimate, double se, double ciLow, double ciHigh, String method, int folds,
                            int n, List<EstimandResult> estimands,
                            @com.fasterxml.jackson.annotation.JsonInclude(
                                    com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL) String nuisances) {
        public AteResult {
            estimands = estimands == null ? List.of() : List.copyOf(estimands);
        }

        /** Nuisances cross-fitted by the stage itself. */
        public AteResult(double estimate, double se, double ciLow, double ciHigh, String method, int folds, int n,
                         List<EstimandResult> estimands) {
            this(estimate, se, ciLow, ciHigh, method, folds, n, estimands, null);
        }

        /** The ATE alone (no estimand list). */
        public AteResult(double estimate, double se, double ciLow, double ciHigh, String method, int folds, int n) {
            this(estimate, se, ciLow, ciHigh, method, folds, n, List.of());
        }
    }

    /**
     * One cross-fitted AIPW estimand.
     *
     * @param name     "ate", "att" (effect on the treated) or "atc" (effect on the controls)
     * @param estimate outcome units, treated − control
     * @param se       influence-function standard error
     * @param ciLow    95 % normal interval
     * @param n        patients in the cohort the nuisances were cross-fitted on
     * @param folds    cross-fitting folds
     */
    public record EstimandResult(String name, double estimate, double se, double ciLow, double ciHigh, int n,
                                 int folds) {
    }

    /**
     * Outcome model fit quality for one arm on one split (paper Table 2).
     *
     * @param rejected true when this is a validation row whose MSE is at least {@link #REJECT_SHARE} × the outcome
     *                 variance of that arm on validation: the model does little better than predicting the mean (§3.6)
     */
    public record OutcomeModelMetric(String model, String arm, String split, int n, double rmse, double mae,
                                     double r2, double outcomeSd, boolean rejected) {
        /** A model is rejected when its validation MSE is at least this share of the outcome variance (§3.6). */
        public static final double REJECT_SHARE = 0.9;
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
     * @param winsDr         [i][j] = rounds in which policy i's DR value is better than policy j's (test split)
     * @param winsIpw        the same for IPW
     * @param selectedPolicy the learned policy recommended for use (and bundled), chosen on data other than the test
     *                       split ({@code selection}); the outcome tree and the verdict describe it
     * @param outcomeTree    nodes of the outcome tree of the selected policy
     * @param rankCurves     per estimator (and "random"): DR value when treating the top share by predicted benefit
     * @param verdict        the verdict in words, with the paper's warnings and how often each holds
     * @param selection      how the selected policy was chosen, with every policy's value on the data used to choose
     */
    public record PolicyInsights(List<PolicyId> policies, int rounds, int[][] winsDr, int[][] winsIpw,
                                 PolicyId selectedPolicy, List<OutcomeTreeNode> outcomeTree, List<RankCurve> rankCurves,
                                 Verdict verdict, Selection selection) {
    }

    /** @param arm actual arm label, or "all" for the root */
    public record OutcomeTreeNode(String arm, String group, int n, double mean, double sem) {
    }

    public record RankCurve(String name, double[] share, double[] value, double[] low, double[] high) {
    }

    /**
     * The verdict of step 11. Every claim states the share of test bootstrap rounds in which it holds and counts
     * as clear only at or above the one threshold {@link org.causalrx.policy.Evidence#CLEAR_SHARE}.
     *
     * @param bestPolicy               policy with the best test DR bootstrap mean over all policies
     * @param bestPolicyShare          share of rounds in which it is at least as good as every other policy
     * @param bestPolicyClear          whether that share reaches the threshold (only then do the paper's exit
     *                                 warnings fire)
     * @param selected                 the selected learned policy (chosen on validation), or null
     * @param selectedBeatsDoctorsShare share of rounds in which its DR value beats current practice's
     * @param headline                 the selected policy's test value against current practice, or null
     * @param text                     the verdict in words
     * @param warnings                 the paper's warnings that apply (only clear ones)
     */
    public record Verdict(PolicyId bestPolicy, double bestPolicyShare, boolean bestPolicyClear, PolicyId selected,
                          double selectedBeatsDoctorsShare, Headline headline, String text, List<String> warnings) {
    }

    /**
     * The run's headline answer: the selected policy's value on the held-out test split (not used to choose it)
     * against current practice, valued as the observed outcomes of the same patients.
     *
     * @param policy            the selected policy
     * @param estimand          what the values estimate, in words
     * @param scheme            the value scheme ("test_split_dr": DR on the test split, bootstrap over its patients)
     * @param value             DR value on the test split (mean over bootstrap rounds)
     * @param valueLow          2.5 % bootstrap quantile
     * @param valueHigh         97.5 % bootstrap quantile
     * @param currentPractice   current practice's value: the mean observed outcome (mean over the same rounds)
     * @param gain              value − current practice, oriented so that positive is better (study direction)
     * @param gainLow           2.5 % bootstrap quantile of the gain
     * @param gainHigh          97.5 % bootstrap quantile of the gain
     * @param beatsShare        share of rounds in which the gain is positive
     * @param clear             beatsShare at or above the threshold
     * @param nTest             test patients valued
     */
    public record Headline(PolicyId policy, String estimand, String scheme, double value, double valueLow,
                           double valueHigh, double currentPractice, double gain, double gainLow, double gainHigh,
                           double beatsShare, boolean clear, int nTest) {
    }

    /**
     * How the recommended policy was chosen: by its DR value on the validation split (never on the test split on
     * which it is reported, which would bias the reported value upward: the winner's curse).
     *
     * @param scheme   validation_split_dr, or test_split_dr only when the study has no validation split
     * @param n        patients valued for the choice
     * @param selected the chosen learned policy, or null when there is none
     * @param values   every policy's values on those patients (learned and baselines)
     * @param note     in words, for the report
     */
    public record Selection(SelectionScheme scheme, int n, PolicyId selected, List<SelectionValue> values,
                            String note) {
    }

    /** One policy's point values on the data used for the choice. */
    public record SelectionValue(PolicyId policy, boolean learned, double dr, double ipw) {
    }

    /**
     * Mean absolute SHAP value per feature of one tree model, on the test split.
     *
     * @param scale the unit of the SHAP values, e.g. "log-odds of treatment"
     */
    /**
     * Mean |SHAP| per feature of one tree model on the test split.
     *
     * @param rows the test patients the mean is over: all of them, or a random sample when the test split is large
     */
    public record FeatureImportance(String model, String scale, List<String> features, double[] meanAbsShap,
                                    int rows) {
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
    public record PolicyResult(PolicyId name, String description, double treatedShare, double deferredShare,
                               double pointDr, double pointIpw, Summary valueDr, Summary valueIpw) {
    }

    /**
     * @param bootstrapEngine the engine that drew the held-out bootstrap rounds: "exact" (resampled patients) or
     *                        "poisson" (Poisson(1) weights; {@code bootstrap: {engine: ...}})
     */
    public record Provenance(String dataSha256, String studySha256, long seed, int bootstrapRounds,
                             String causalrxVersion, String javaVersion, String xgboostVersion,
                             String bootstrapEngine) {
        /** Rounds of the exact engine. */
        public Provenance(String dataSha256, String studySha256, long seed, int bootstrapRounds,
                          String causalrxVersion, String javaVersion, String xgboostVersion) {
            this(dataSha256, studySha256, seed, bootstrapRounds, causalrxVersion, javaVersion, xgboostVersion,
                    org.causalrx.policy.BootstrapEngine.EXACT.key());
        }
    }
}
