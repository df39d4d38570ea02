package org.causalrx.pipeline;

import java.util.List;
import java.util.Map;

/**
 * The estimators a run fitted and the settings each used ({@code protocol.estimator_settings} in results.json).
 *
 * @param drPlugIn   the T-learner whose per-arm outcome models are the DR plug-ins mu_0, mu_1 of the policy values
 * @param estimators the study's estimators in order, then the plug-in when the study does not list it
 */
public record EstimatorSettings(String drPlugIn, List<Entry> estimators) {
    public EstimatorSettings {
        estimators = List.copyOf(estimators);
    }

    /**
     * @param name   estimator name
     * @param kind   family, e.g. "t_learner", "causal_forest", "ensemble"
     * @param params every accepted key with the value used (null: chosen automatically); empty for ensembles
     */
    public record Entry(String name, String kind, Map<String, Object> params) {
    }
}
