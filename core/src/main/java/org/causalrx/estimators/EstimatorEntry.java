package org.causalrx.estimators;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.causalrx.causal.CateEstimator;
import org.causalrx.causal.OutcomeAware;

/**
 * One named estimator of the {@link EstimatorRegistry}: its family, its settings record with defaults, how study-file
 * keys map onto the settings, and a factory from settings to a fresh {@link CateEstimator}.
 *
 * @param name     catalogue name, e.g. "t_xgboost"
 * @param kind     family
 * @param defaults the settings used when a study gives no params
 * @param binder   reads the accepted keys through {@link EstimatorParams} and returns the settings record (whose
 *                 constructor checks ranges)
 * @param factory  settings and outcome kind (null: the outcome as a number) → a fresh estimator
 * @param <S>      the settings record type
 */
public record EstimatorEntry<S>(String name, EstimatorKind kind, S defaults, Binder<S> binder, Factory<S> factory) {

    /** Reads the accepted keys (each read falls back to {@code defaults}) and builds the settings record. */
    @FunctionalInterface
    public interface Binder<S> {
        S bind(S defaults, EstimatorParams params);
    }

    /** Builds an estimator from settings for outcomes of a kind (null: the outcome as a number). */
    @FunctionalInterface
    public interface Factory<S> {
        CateEstimator create(S settings, OutcomeAware.Kind outcome);
    }

    /**
     * The entry bound to {@code params} over the defaults.
     *
     * @throws ParamException naming the key that is unknown, of the wrong type or out of range
     */
    public ConfiguredEstimator configure(Map<String, Object> params) {
        EstimatorParams p = new EstimatorParams(params);
        S settings;
        try {
            settings = binder.bind(defaults, p);
        } catch (ParamException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new ParamException(culprit(params), "is out of range (" + e.getMessage() + ")");
        }
        List<String> unknown = p.unknown();
        if (!unknown.isEmpty()) {
            throw new ParamException(String.join("', '", unknown), "is not a parameter of " + name);
        }
        S s = settings;
        return new ConfiguredEstimator(name, kind, s, p.used(), outcome -> factory.create(s, outcome));
    }

    /** The keys this entry accepts, in reading order. */
    public List<String> acceptedKeys() {
        EstimatorParams p = new EstimatorParams(Map.of());
        binder.bind(defaults, p);
        return new ArrayList<>(p.used().keySet());
    }

    /** The given key whose value alone makes the settings invalid; all given keys when only together they do. */
    private String culprit(Map<String, Object> params) {
        for (Map.Entry<String, Object> e : params.entrySet()) {
            try {
                binder.bind(defaults, new EstimatorParams(Map.of(e.getKey(), e.getValue())));
            } catch (RuntimeException bad) {
                return e.getKey();
            }
        }
        return String.join("', '", params.keySet());
    }
}
