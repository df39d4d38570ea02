package org.causalrx.cli;

import java.util.Locale;

import org.causalrx.util.CausalRxException;

/**
 * The engine of {@code causalrx run --engine ENGINE}: {@link #LOCAL} (this jar, the default) or {@link #SPARK} (the
 * spark module's jar, which bin/causalrx runs instead of this one when the command line says {@code --engine spark}).
 */
enum RunEngineChoice {
    LOCAL,
    SPARK;

    /** The engine named {@code name} (case-insensitive); a bad name is an error listing the choices. */
    static RunEngineChoice of(String name) {
        for (RunEngineChoice e : values()) {
            if (e.name().equalsIgnoreCase(name)) {
                return e;
            }
        }
        throw new CausalRxException("--engine is '" + name + "'; use local (default) or spark");
    }

    /**
     * Fails unless this is the local engine without a Spark master ({@code master} null): the spark engine runs from
     * its own jar, not from this one.
     */
    void requireLocal(String master) {
        if (this == LOCAL && master != null) {
            throw new CausalRxException("--master is for --engine spark; the local engine runs in this process");
        }
        if (this == SPARK) {
            throw new CausalRxException("--engine spark runs from the spark module's jar, which this launch does not "
                    + "have: build it with `mvn -B -DskipTests package -pl spark -am` and run through bin/causalrx");
        }
    }

    /** The option's spelling. */
    String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
