package org.causalrx.simulate;

/**
 * Draws potential outcomes with a known effect over a cohort's real covariates (TRS §3.5, App. C): one effect
 * function per non-reference arm; with two arms the effect of arm 1 against arm 0.
 */
public interface OutcomeSimulator {
    /** Short name used in tables and file names, e.g. "linear" or "tree". */
    String name();

    /**
     * Potential outcomes of {@code arms} arms for every cohort patient (the cohort's treatment holds arm indices
     * 0..arms−1); the same seed gives the same outcomes, and arm 1's effect is the two-arm draw's.
     */
    ArmOutcomes simulateArms(SimulationCohort cohort, int arms, long seed);

    /** Two-arm potential outcomes for every table row of {@code cohort}; the same seed gives the same outcomes. */
    default PotentialOutcomes simulate(SimulationCohort cohort, long seed) {
        return simulateArms(cohort, 2, seed).twoArm(cohort);
    }
}
