package org.causalrx.pipeline;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.causalrx.causal.MultiArmCateModel;
import org.causalrx.causal.MultiArmOverlap;
import org.causalrx.causal.uncertainty.IntervalCalibration;
import org.causalrx.causal.uncertainty.Subsample;
import org.causalrx.data.Encoding;
import org.causalrx.learn.MultiProbabilityModel;

/**
 * The fitted parts of a K-arm run that a model bundle needs to apply the run's policies to new patients: the
 * covariate encoding, the selected generalized propensity model, the overlap rule and every K-arm CATE model, as
 * the run fitted them (nothing is refitted). Not part of results.json.
 *
 * @param encoding       the covariate encoding fit on the training split
 * @param textColumns    kept covariate → whether its column was read as text (true) or numeric (false)
 * @param propensityName name of the selected generalized propensity model (lowest validation Brier score)
 * @param propensity     the selected model: n × K probabilities P(T = a | x)
 * @param overlap        the overlap rule: every arm's propensity ≥ η
 * @param cateModels     estimator name → fitted K-arm CATE model (effects n × K against arm 0), study order
 *                       (single estimators and average; consensus combines the singles)
 * @param alphaStat      miscoverage of the Conservative intervals; NaN without uncertainty-based deferral
 * @param refits         estimator name → its bootstrap refits of the Conservative intervals; empty without
 *                       uncertainty-based deferral
 * @param calibration    per estimator the factor its Conservative intervals are widened by
 *                       ({@link IntervalCalibration#NONE}: as fit)
 * @param subsamples     estimator name → the subsample its refits were fit on (sizes, rate), for those whose refits
 *                       are subsamples of a large training split ({@link Subsample}); absent: full bootstrap
 */
public record MultiArmFitted(Encoding encoding, Map<String, Boolean> textColumns, String propensityName,
                             MultiProbabilityModel propensity, MultiArmOverlap overlap,
                             Map<String, MultiArmCateModel> cateModels, double alphaStat,
                             Map<String, List<MultiArmCateModel>> refits, IntervalCalibration calibration,
                             Map<String, Subsample> subsamples) {
    public MultiArmFitted {
        textColumns = Collections.unmodifiableMap(new LinkedHashMap<>(textColumns));
        cateModels = Collections.unmodifiableMap(new LinkedHashMap<>(cateModels));
        refits = Collections.unmodifiableMap(new LinkedHashMap<>(refits));
        subsamples = Collections.unmodifiableMap(new LinkedHashMap<>(subsamples));
    }

    /** Refits on full bootstrap resamples. */
    public MultiArmFitted(Encoding encoding, Map<String, Boolean> textColumns, String propensityName,
                          MultiProbabilityModel propensity, MultiArmOverlap overlap,
                          Map<String, MultiArmCateModel> cateModels, double alphaStat,
                          Map<String, List<MultiArmCateModel>> refits, IntervalCalibration calibration) {
        this(encoding, textColumns, propensityName, propensity, overlap, cateModels, alphaStat, refits, calibration,
                Map.of());
    }

    /** Without uncertainty-based deferral (no refits). */
    public MultiArmFitted(Encoding encoding, Map<String, Boolean> textColumns, String propensityName,
                          MultiProbabilityModel propensity, MultiArmOverlap overlap,
                          Map<String, MultiArmCateModel> cateModels) {
        this(encoding, textColumns, propensityName, propensity, overlap, cateModels, Double.NaN, Map.of());
    }

    /** With refits and uncalibrated Conservative intervals. */
    public MultiArmFitted(Encoding encoding, Map<String, Boolean> textColumns, String propensityName,
                          MultiProbabilityModel propensity, MultiArmOverlap overlap,
                          Map<String, MultiArmCateModel> cateModels, double alphaStat,
                          Map<String, List<MultiArmCateModel>> refits) {
        this(encoding, textColumns, propensityName, propensity, overlap, cateModels, alphaStat, refits,
                IntervalCalibration.NONE);
    }

    /** The same fitted models with the Conservative intervals' refits. */
    public MultiArmFitted withRefits(double alpha, Map<String, List<MultiArmCateModel>> byEstimator) {
        return withRefits(alpha, byEstimator, Map.of());
    }

    /** The same fitted models with the Conservative intervals' refits and the subsamples they were fit on. */
    public MultiArmFitted withRefits(double alpha, Map<String, List<MultiArmCateModel>> byEstimator,
                                     Map<String, Subsample> subsamplesByEstimator) {
        return new MultiArmFitted(encoding, textColumns, propensityName, propensity, overlap, cateModels, alpha,
                byEstimator, calibration, subsamplesByEstimator);
    }

    /** The same fitted models with the Conservative intervals widened by {@code c}. */
    public MultiArmFitted withCalibration(IntervalCalibration c) {
        return new MultiArmFitted(encoding, textColumns, propensityName, propensity, overlap, cateModels, alphaStat,
                refits, c, subsamples);
    }
}
