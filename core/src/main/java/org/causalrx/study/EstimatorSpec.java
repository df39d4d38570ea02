package org.causalrx.study;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One entry of a study's {@code estimators} list: a catalogue name and the hyperparameters given for it, e.g.
 * {@code {name: causal_forest, params: {num_trees: 4000}}}. The params are checked against the estimator's settings
 * when the run starts (the registry lives in the pipeline).
 *
 * @param name   estimator name, e.g. "causal_forest"
 * @param params snake_case key → YAML scalar (Long, Double, Boolean or String), in the file's order; empty: defaults
 */
public record EstimatorSpec(String name, Map<String, Object> params) {
    public EstimatorSpec {
        Objects.requireNonNull(name, "name");
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    /** An estimator with its default settings. */
    public static EstimatorSpec of(String name) {
        return new EstimatorSpec(name, Map.of());
    }
}
