package org.causalrx.spark;

/**
 * Told when each phase of a Spark run ends (cohort read, each cross-fitting fold's fits, the bootstrap pass, ...), so
 * a benchmark can time the phases; {@link #NONE} for a plain run. Phases run one after the other on the driver.
 */
@FunctionalInterface
public interface PhaseLog {
    /** Ignores every phase. */
    PhaseLog NONE = phase -> {
    };

    /** Phase {@code phase} has just ended. */
    void ended(String phase);
}
