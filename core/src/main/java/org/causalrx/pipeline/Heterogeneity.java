package org.causalrx.pipeline;

import java.util.List;

import org.causalrx.causal.diagnostics.BlpCalibration;
import org.causalrx.causal.diagnostics.Rate;

/**
 * Whether the CATE estimators find heterogeneity worth personalising, on the test split (results.json key
 * {@code heterogeneity}). Each estimator's test-split CATEs are checked against the doubly robust (AIPW) scores of
 * the test patients (p* propensity and the DR plug-in outcome model, the scores behind the CATE calibration bins):
 * the best-linear-predictor calibration test and the RATE of the ranking by predicted benefit, with its TOC curve.
 *
 * @param scores            how the DR scores are formed, in words
 * @param n                 test patients
 * @param direction         "higher" or "lower": the better direction of the outcome; RATE and TOC are in that
 *                          direction (positive: the ranking finds patients who benefit more than average)
 * @param bootstrapRounds   bootstrap rounds behind the RATE standard errors and TOC bands
 * @param alpha             family-wise level of the heterogeneity verdict
 * @param alphaPerEstimator per-estimator level (Bonferroni: alpha over the number of estimators tested)
 * @param anySignificant    whether at least one estimator's differential-prediction coefficient is significantly
 *                          above 0 at {@code alphaPerEstimator}
 * @param estimators        per estimator, in the run's order
 */
public record Heterogeneity(String scores, int n, String direction, int bootstrapRounds, double alpha,
                            double alphaPerEstimator, boolean anySignificant, List<EstimatorTests> estimators) {
    public Heterogeneity {
        estimators = List.copyOf(estimators);
    }

    /**
     * The tests of one estimator.
     *
     * @param estimator              estimator name
     * @param meanPrediction         BLP coefficient on the mean prediction (1: the average is well calibrated)
     * @param differentialPrediction BLP coefficient on the differential prediction (&gt; 0: real heterogeneity;
     *                               1: well-calibrated spread); one-sided p-value, HC3 standard error
     * @param significant            whether that p-value is below {@code alphaPerEstimator}
     * @param autoc                  RATE with the AUTOC weighting, bootstrap SE and 95 % CI
     * @param qini                   RATE with the Qini weighting
     * @param toc                    the TOC curve
     */
    public record EstimatorTests(String estimator, BlpCalibration.Coefficient meanPrediction,
                                 BlpCalibration.Coefficient differentialPrediction, boolean significant,
                                 Rate.Estimate autoc, Rate.Estimate qini, Toc toc) {
    }

    /**
     * TOC(q): mean DR score (better direction) of the share q of test patients with the highest predicted benefit,
     * minus the mean over all of them.
     *
     * @param share q per point (0.02 … 1)
     * @param value TOC(q)
     * @param low   pointwise 2.5 % bootstrap quantile
     * @param high  pointwise 97.5 % bootstrap quantile
     */
    public record Toc(double[] share, double[] value, double[] low, double[] high) {
    }

    /** The estimators whose differential prediction is significant, in order. */
    public List<String> significantEstimators() {
        return estimators.stream().filter(EstimatorTests::significant).map(EstimatorTests::estimator).toList();
    }
}
