package org.causalrx.simulate;

/** Draws potential outcomes with a known effect over a cohort's real covariates (TRS §3.5, App. C). */
public interface OutcomeSimulator {
    /** Short name used in tables and file names, e.g. "linear" or "tree". */
    String name();

    /** Potential outcomes for every table row of {@code cohort}; the same seed gives the same outcomes. */
    PotentialOutcomes simulate(SimulationCohort cohort, long seed);
}
