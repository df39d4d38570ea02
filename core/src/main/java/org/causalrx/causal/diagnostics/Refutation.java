package org.causalrx.causal.diagnostics;

import java.util.List;

/**
 * The result of one refutation check of an ATE estimate (all values in outcome units).
 *
 * @param check      which check
 * @param estimate   mean of the re-estimates
 * @param sd         sd of the re-estimates (0 with one draw)
 * @param ciLow      estimate − 1.96 · sd / sqrt(draws): normal interval of the mean over draws
 * @param ciHigh     estimate + 1.96 · sd / sqrt(draws)
 * @param original   the ATE being refuted
 * @param originalSe its standard error
 * @param estimates  each draw's re-estimate, in draw order
 * @param rule       the pass rule, in words ({@link RefutationRules#rule})
 * @param passed     whether the rule holds
 */
public record Refutation(RefutationCheck check, double estimate, double sd, double ciLow, double ciHigh,
                         double original, double originalSe, List<Double> estimates, String rule, boolean passed) {
    public Refutation {
        estimates = List.copyOf(estimates);
    }

    /** Number of re-estimates. */
    public int draws() {
        return estimates.size();
    }
}
