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
        Provenance provenance) {

    /** Protocol text and arm/outcome definitions as the report shows them. */
    public record ProtocolInfo(String name, String question, String decisionTime, String population, String users,
                               String dataFile, String treatmentColumn, String controlLabel, String treatedLabel,
                               String controlCode, String treatedCode, String outcomeColumn, String outcomeType,
                               String direction, double outcomeSd, int rowsRead, int rowsDropped,
                               String rowsDroppedReason) {
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

    /** Outcome model fit quality for one arm on one split (paper Table 2). */
    public record OutcomeModelMetric(String model, String arm, String split, int n, double rmse, double mae,
                                     double r2, double outcomeSd) {
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
