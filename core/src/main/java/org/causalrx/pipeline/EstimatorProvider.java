package org.causalrx.pipeline;

import java.util.Map;
import java.util.function.Supplier;

import org.causalrx.causal.CateEstimator;

/**
 * Adds named CATE estimators to {@link Estimators} from another module (the neural estimators of the {@code nn}
 * module), found with {@link java.util.ServiceLoader} so that core does not depend on heavy engines. Declare an
 * implementation in {@code META-INF/services/org.causalrx.pipeline.EstimatorProvider}.
 */
public interface EstimatorProvider {
    /** Estimator name → a supplier of a fresh configured estimator; names must not clash with the built-ins. */
    Map<String, Supplier<CateEstimator>> estimators();
}
