package org.causalrx.estimators;

import java.util.Map;
import java.util.function.Function;

import org.causalrx.causal.CateEstimator;
import org.causalrx.causal.OutcomeAware;

/**
 * A registry entry bound to its settings: the study's values over the defaults.
 *
 * @param name     the estimator's name, e.g. "causal_forest"
 * @param kind     its family
 * @param settings the settings record it is built from (e.g. {@code ForestSettings})
 * @param params   every accepted key with the value used (null: chosen automatically), as results.json records it
 * @param factory  outcome kind (null: model the outcome as a number) → a fresh configured estimator
 */
public record ConfiguredEstimator(String name, EstimatorKind kind, Object settings, Map<String, Object> params,
                                  Function<OutcomeAware.Kind, CateEstimator> factory) {

    /** A fresh estimator for outcomes of {@code outcome} (null: the outcome as a number). */
    public CateEstimator create(OutcomeAware.Kind outcome) {
        return factory.apply(outcome);
    }
}
