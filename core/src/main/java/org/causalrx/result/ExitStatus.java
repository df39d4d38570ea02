package org.causalrx.result;

import com.fasterxml.jackson.annotation.JsonValue;

/** The outcome of one exit point of the feasibility verdict. */
public enum ExitStatus {
    /** Stop here: the question cannot be answered with this data. */
    EXIT("exit"),
    /** Go on with care. */
    WARNING("warning"),
    OK("ok"),
    /** The step was not run (e.g. no feasibility simulation). */
    NOT_RUN("not run");

    private final String key;

    ExitStatus(String key) {
        this.key = key;
    }

    /** The text in the exit-point table and the console. */
    @JsonValue
    public String key() {
        return key;
    }

    @Override
    public String toString() {
        return key;
    }
}
