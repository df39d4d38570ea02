package org.causalrx.nn;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.causalrx.causal.CateEstimator;
import org.causalrx.pipeline.EstimatorProvider;

/**
 * Registers the neural estimators ({@code tarnet}, {@code dragonnet}, {@code xmultitask}, default settings) with
 * the estimator catalogue through {@link java.util.ServiceLoader}.
 */
public final class NnEstimators implements EstimatorProvider {
    @Override
    public Map<String, Supplier<CateEstimator>> estimators() {
        Map<String, Supplier<CateEstimator>> m = new LinkedHashMap<>();
        m.put("tarnet", TarNet::new);
        m.put("dragonnet", DragonNet::new);
        m.put("xmultitask", XMultiTask::new);
        return m;
    }
}
