package org.causalrx.pipeline;

import java.util.List;

import org.causalrx.estimators.BuiltinEstimators;
import org.causalrx.estimators.EstimatorRegistry;

/**
 * Ensemble names and members. The named single estimators are in {@link EstimatorRegistry}; ensembles ("average",
 * "majority") are formed from the members a study lists, or from {@link #ENSEMBLE_MEMBERS} in {@code bench}.
 */
public final class Estimators {
    /** Members of the average / majority ensembles (an odd number, so the majority vote is defined). */
    public static final List<String> ENSEMBLE_MEMBERS = List.of("t_xgboost", "s_xgboost", "x_xgboost", "r_xgboost",
            "dr_xgboost");

    /** Propensities inside meta-learners are clipped to [CLIP, 1 − CLIP]. */
    public static final double META_CLIP = BuiltinEstimators.META_CLIP;

    private Estimators() {
    }

    public static boolean isEnsemble(String name) {
        return EstimatorRegistry.ENSEMBLES.contains(name);
    }
}
