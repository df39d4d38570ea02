package org.causalrx.result;

import com.fasterxml.jackson.annotation.JsonValue;

/** Which held-out patients the recommended policy was chosen on (by DR point value). */
public enum SelectionScheme {
    /** Chosen on the validation split; the test split reports the choice's value without the winner's curse. */
    VALIDATION_SPLIT_DR("validation_split_dr", "validation"),
    /** No validation split: chosen on the test split itself, so its reported value is optimistic. */
    TEST_SPLIT_DR("test_split_dr", "test");

    private final String key;
    private final String split;

    SelectionScheme(String key, String split) {
        this.key = key;
        this.split = split;
    }

    /** The name in results.json and the CSV tables. */
    @JsonValue
    public String key() {
        return key;
    }

    /** The split the choice was made on, in words: "validation" or "test". */
    public String split() {
        return split;
    }

    @Override
    public String toString() {
        return key;
    }
}
