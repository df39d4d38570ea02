package org.causalrx.pipeline;

import java.util.List;

/**
 * Standardised coefficients (coefficient × training SD of the feature: the change for a one-SD change of the
 * feature) of one linear model: an arm of a linear T-learner or a linear propensity model (TRS §3.4, §3.7).
 *
 * @param model        e.g. "t_ridge, arm 'control'" or "propensity (logistic_l2)"
 * @param scale        unit of the coefficients, e.g. "outcome units per SD" or "log-odds per SD"
 * @param features     feature names, the order of {@code standardized}
 * @param standardized one coefficient per feature (0 for constant or unselected features)
 */
public record LinearCoefficients(String model, String scale, List<String> features, double[] standardized) {
    public LinearCoefficients {
        features = List.copyOf(features);
        if (features.size() != standardized.length) {
            throw new IllegalArgumentException("linear coefficients of " + model + ": " + features.size()
                    + " feature names but " + standardized.length + " coefficients");
        }
        standardized = standardized.clone();
    }
}
