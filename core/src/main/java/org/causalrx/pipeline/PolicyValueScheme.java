package org.causalrx.pipeline;

import com.fasterxml.jackson.annotation.JsonValue;

/** How a policy value was estimated; written to results.json and the report next to every value. */
public enum PolicyValueScheme {
    /**
     * The paper's scheme (TRS App. D): policies learned on the training split, valued by IPW and DR on the
     * held-out test split, spread from bootstrap resamples of the test patients.
     */
    TEST_SPLIT("test_split"),
    /**
     * Cross-fitted AIPW over every cohort patient: each fold's policies, propensity and outcome plug-ins are fit
     * on the other folds, and each patient contributes a doubly robust score; SE from the per-patient scores.
     */
    CROSS_FITTED_AIPW("cross_fitted_aipw");

    private final String key;

    PolicyValueScheme(String key) {
        this.key = key;
    }

    /** The snake_case name used in results.json, the CSV tables and the report. */
    @JsonValue
    public String key() {
        return key;
    }
}
