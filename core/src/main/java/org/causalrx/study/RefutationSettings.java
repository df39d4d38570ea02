package org.causalrx.study;

import org.causalrx.causal.diagnostics.RefutationRules;
import org.causalrx.causal.diagnostics.RefutationSubsample;

/**
 * The study's {@code refutation:} settings: whether the run refutes its average effects (placebo treatment, random
 * common cause, data subsets), with how many re-estimates ({@link RefutationRules}; the pass rules' tolerances
 * stay at their defaults) and on how many patients ({@link RefutationSubsample}).
 *
 * @param enabled false: the refutation stage is skipped and results.json records it as skipped
 * @param rules   draws and subset fraction of the checks (used only when enabled)
 * @param rows    rows of the patient subsample the checks run on when the data hold at least twice as many:
 *                {@link RefutationSubsample#AUTO} (max(20,000, n^0.75)), {@link RefutationSubsample#ALL} (all rows,
 *                whatever the size) or a number of rows
 */
public record RefutationSettings(boolean enabled, RefutationRules rules, int rows) {
    /** Refute with {@link RefutationRules#defaults()}. */
    public static final RefutationSettings DEFAULT = new RefutationSettings(true, RefutationRules.defaults());
    /** Skip the refutations. */
    public static final RefutationSettings OFF = new RefutationSettings(false, RefutationRules.defaults());
    /** Why the stage did not run, in words, for a study that skips it. */
    public static final String SKIPPED = "the study file sets refutation: false";

    public RefutationSettings {
        java.util.Objects.requireNonNull(rules, "rules");
        if (rows < RefutationSubsample.ALL) {
            throw new IllegalArgumentException("refutation rows must be AUTO, ALL or a number of rows, got " + rows);
        }
    }

    /** The automatic subsample size ({@link RefutationSubsample#AUTO}). */
    public RefutationSettings(boolean enabled, RefutationRules rules) {
        this(enabled, rules, RefutationSubsample.AUTO);
    }
}
