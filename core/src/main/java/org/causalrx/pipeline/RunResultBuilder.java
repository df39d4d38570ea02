package org.causalrx.pipeline;

import java.util.ArrayList;
import java.util.List;

/**
 * Assembles a {@link RunResult} part by part ({@link RunResult#builder()}, {@link RunResult#toBuilder()}).
 * Required: {@code study}, {@code protocol}, {@code n}, {@code overlap}, {@code ate}, {@code policies} and
 * {@code provenance}; {@link #build} names every one that is missing. Lists left unset are empty, other optional
 * parts null (absent analyses), {@code policy_value_scheme} is {@link PolicyValueScheme#TEST_SPLIT} and
 * {@code schema_version} is {@link RunResult#SCHEMA_VERSION}. Lists are copied into unmodifiable ones.
 */
public final class RunResultBuilder {
    private String study;
    private RunResult.ProtocolInfo protocol;
    private RunResult.SampleSizes n;
    private List<RunResult.CovariateDecision> covariates;
    private List<String> features;
    private List<RunResult.PropensityMetric> propensity;
    private String selectedPropensityModel;
    private RunResult.OverlapInfo overlap;
    private RunResult.AteResult ate;
    private List<RunResult.OutcomeModelMetric> outcomeModels;
    private List<RunResult.PolicyResult> policies;
    private RunResult.CateInsights cateInsights;
    private RunResult.PolicyInsights policyInsights;
    private List<RunResult.FeatureImportance> featureImportance;
    private RunResult.Provenance provenance;
    private List<RunResult.SecondaryOutcome> secondaryOutcomes;
    private RunResult.EvaluationOutcome evaluationOutcome;
    private List<RunResult.PolicyOutcomeTree> outcomeTrees;
    private List<RunResult.PolicySummary> policySummaries;
    private RunResult.DeferralInsights deferralInsights;
    private NnMetrics nnMetrics;
    private List<LinearCoefficients> linearCoefficients;
    private DeferralResult deferral;
    private List<DeferralResult.SweepPoint> deferralSweep;
    private PolicyValueScheme policyValueScheme = PolicyValueScheme.TEST_SPLIT;
    private CrossFittedPolicyValues crossFittedPolicyValues;
    private List<String> dataWarnings;
    private String schemaVersion = RunResult.SCHEMA_VERSION;
    private CovariateBalance balance;
    private Heterogeneity heterogeneity;
    private Sensitivity sensitivity;
    private List<PolicyTreeInfo> policyTrees;
    private AteRefutations refutations;
    private CohortSummaryTables cohortTables;

    RunResultBuilder() {
    }

    RunResultBuilder(RunResult r) {
        this.study = r.study();
        this.protocol = r.protocol();
        this.n = r.n();
        this.covariates = r.covariates();
        this.features = r.features();
        this.propensity = r.propensity();
        this.selectedPropensityModel = r.selectedPropensityModel();
        this.overlap = r.overlap();
        this.ate = r.ate();
        this.outcomeModels = r.outcomeModels();
        this.policies = r.policies();
        this.cateInsights = r.cateInsights();
        this.policyInsights = r.policyInsights();
        this.featureImportance = r.featureImportance();
        this.provenance = r.provenance();
        this.secondaryOutcomes = r.secondaryOutcomes();
        this.evaluationOutcome = r.evaluationOutcome();
        this.outcomeTrees = r.outcomeTrees();
        this.policySummaries = r.policySummaries();
        this.deferralInsights = r.deferralInsights();
        this.nnMetrics = r.nnMetrics();
        this.linearCoefficients = r.linearCoefficients();
        this.deferral = r.deferral();
        this.deferralSweep = r.deferralSweep();
        this.policyValueScheme = r.policyValueScheme();
        this.crossFittedPolicyValues = r.crossFittedPolicyValues();
        this.dataWarnings = r.dataWarnings();
        this.schemaVersion = r.schemaVersion();
        this.balance = r.balance();
        this.heterogeneity = r.heterogeneity();
        this.sensitivity = r.sensitivity();
        this.policyTrees = r.policyTrees();
        this.refutations = r.refutations();
        this.cohortTables = r.cohortTables();
    }

    public RunResultBuilder study(String study) {
        this.study = study;
        return this;
    }

    public RunResultBuilder protocol(RunResult.ProtocolInfo protocol) {
        this.protocol = protocol;
        return this;
    }

    public RunResultBuilder n(RunResult.SampleSizes n) {
        this.n = n;
        return this;
    }

    public RunResultBuilder covariates(List<RunResult.CovariateDecision> covariates) {
        this.covariates = covariates;
        return this;
    }

    public RunResultBuilder features(List<String> features) {
        this.features = features;
        return this;
    }

    public RunResultBuilder propensity(List<RunResult.PropensityMetric> propensity) {
        this.propensity = propensity;
        return this;
    }

    public RunResultBuilder selectedPropensityModel(String selectedPropensityModel) {
        this.selectedPropensityModel = selectedPropensityModel;
        return this;
    }

    public RunResultBuilder overlap(RunResult.OverlapInfo overlap) {
        this.overlap = overlap;
        return this;
    }

    public RunResultBuilder ate(RunResult.AteResult ate) {
        this.ate = ate;
        return this;
    }

    public RunResultBuilder outcomeModels(List<RunResult.OutcomeModelMetric> outcomeModels) {
        this.outcomeModels = outcomeModels;
        return this;
    }

    public RunResultBuilder policies(List<RunResult.PolicyResult> policies) {
        this.policies = policies;
        return this;
    }

    public RunResultBuilder cateInsights(RunResult.CateInsights cateInsights) {
        this.cateInsights = cateInsights;
        return this;
    }

    public RunResultBuilder policyInsights(RunResult.PolicyInsights policyInsights) {
        this.policyInsights = policyInsights;
        return this;
    }

    public RunResultBuilder featureImportance(List<RunResult.FeatureImportance> featureImportance) {
        this.featureImportance = featureImportance;
        return this;
    }

    public RunResultBuilder provenance(RunResult.Provenance provenance) {
        this.provenance = provenance;
        return this;
    }

    public RunResultBuilder secondaryOutcomes(List<RunResult.SecondaryOutcome> secondaryOutcomes) {
        this.secondaryOutcomes = secondaryOutcomes;
        return this;
    }

    public RunResultBuilder evaluationOutcome(RunResult.EvaluationOutcome evaluationOutcome) {
        this.evaluationOutcome = evaluationOutcome;
        return this;
    }

    public RunResultBuilder outcomeTrees(List<RunResult.PolicyOutcomeTree> outcomeTrees) {
        this.outcomeTrees = outcomeTrees;
        return this;
    }

    public RunResultBuilder policySummaries(List<RunResult.PolicySummary> policySummaries) {
        this.policySummaries = policySummaries;
        return this;
    }

    public RunResultBuilder deferralInsights(RunResult.DeferralInsights deferralInsights) {
        this.deferralInsights = deferralInsights;
        return this;
    }

    public RunResultBuilder nnMetrics(NnMetrics nnMetrics) {
        this.nnMetrics = nnMetrics;
        return this;
    }

    public RunResultBuilder linearCoefficients(List<LinearCoefficients> linearCoefficients) {
        this.linearCoefficients = linearCoefficients;
        return this;
    }

    public RunResultBuilder deferral(DeferralResult deferral) {
        this.deferral = deferral;
        return this;
    }

    public RunResultBuilder deferralSweep(List<DeferralResult.SweepPoint> deferralSweep) {
        this.deferralSweep = deferralSweep;
        return this;
    }

    public RunResultBuilder policyValueScheme(PolicyValueScheme policyValueScheme) {
        this.policyValueScheme = policyValueScheme;
        return this;
    }

    public RunResultBuilder crossFittedPolicyValues(CrossFittedPolicyValues crossFittedPolicyValues) {
        this.crossFittedPolicyValues = crossFittedPolicyValues;
        return this;
    }

    public RunResultBuilder dataWarnings(List<String> dataWarnings) {
        this.dataWarnings = dataWarnings;
        return this;
    }

    public RunResultBuilder schemaVersion(String schemaVersion) {
        this.schemaVersion = schemaVersion;
        return this;
    }

    /** Covariate balance under inverse-propensity weighting; null when not computed. */
    public RunResultBuilder balance(CovariateBalance balance) {
        this.balance = balance;
        return this;
    }

    /** The heterogeneity tests per estimator; null when not computed. */
    public RunResultBuilder heterogeneity(Heterogeneity heterogeneity) {
        this.heterogeneity = heterogeneity;
        return this;
    }

    /** The sensitivity to hidden confounding; null when not computed. */
    public RunResultBuilder sensitivity(Sensitivity sensitivity) {
        this.sensitivity = sensitivity;
        return this;
    }

    /** The fitted policy trees with their rules; empty when the run has none. */
    public RunResultBuilder policyTrees(List<PolicyTreeInfo> policyTrees) {
        this.policyTrees = policyTrees;
        return this;
    }

    /** The refutations of the ATE; null when not computed. */
    public RunResultBuilder refutations(AteRefutations refutations) {
        this.refutations = refutations;
        return this;
    }

    /** TRS Tables S.1 (table one by split) and S.2 (variable dictionary); null when not computed. */
    public RunResultBuilder cohortTables(CohortSummaryTables cohortTables) {
        this.cohortTables = cohortTables;
        return this;
    }

    /**
     * The result.
     *
     * @throws IllegalStateException naming the required parts that were not set, or when the deferral sweep is set
     *                               without the deferral it belongs to
     */
    public RunResult build() {
        List<String> missing = new ArrayList<>();
        if (study == null) {
            missing.add("study");
        }
        if (protocol == null) {
            missing.add("protocol");
        }
        if (n == null) {
            missing.add("n");
        }
        if (overlap == null) {
            missing.add("overlap");
        }
        if (ate == null) {
            missing.add("ate");
        }
        if (policies == null) {
            missing.add("policies");
        }
        if (provenance == null) {
            missing.add("provenance");
        }
        if (policyValueScheme == null) {
            missing.add("policyValueScheme");
        }
        if (schemaVersion == null) {
            missing.add("schemaVersion");
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("run result incomplete: " + String.join(", ", missing) + " not set");
        }
        if (deferralSweep != null && deferral == null) {
            throw new IllegalStateException("run result: a deferral sweep without the deferral it belongs to");
        }
        return new RunResult(study, protocol, n, list(covariates), list(features), list(propensity),
                selectedPropensityModel, overlap, ate, list(outcomeModels), list(policies), cateInsights,
                policyInsights, list(featureImportance), provenance, list(secondaryOutcomes), evaluationOutcome,
                list(outcomeTrees), list(policySummaries), deferralInsights, nnMetrics, list(linearCoefficients),
                deferral, deferralSweep == null ? null : List.copyOf(deferralSweep), policyValueScheme,
                crossFittedPolicyValues, list(dataWarnings), schemaVersion, balance,
                heterogeneity, sensitivity, list(policyTrees),
                refutations, cohortTables);
    }

    private static <T> List<T> list(List<T> l) {
        return l == null ? List.of() : List.copyOf(l);
    }
}
