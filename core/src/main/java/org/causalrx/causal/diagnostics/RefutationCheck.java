package org.causalrx.causal.diagnostics;

import com.fasterxml.jackson.annotation.JsonValue;

/** The refutation checks of an ATE estimate (DoWhy's refuters), written to results.json by {@link #key()}. */
public enum RefutationCheck {
    /** The treatment permuted at random: the re-estimated effect should be about 0. */
    PLACEBO_TREATMENT("placebo_treatment"),
    /** An independent standard-normal covariate added: the estimate should not move. */
    RANDOM_COMMON_CAUSE("random_common_cause"),
    /** The estimate on random subsets of the patients: it should stay where it was. */
    DATA_SUBSET("data_subset");

    private final String key;

    RefutationCheck(String key) {
        this.key = key;
    }

    /** The check's name in results.json and the CSV table. */
    @JsonValue
    public String key() {
        return key;
    }
}
