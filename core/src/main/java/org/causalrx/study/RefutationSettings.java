package org.causalrx.study;

import org.causalrx.causal.diagnostics.RefutationRules;

/**
 * The study's {@code refutation:} settings: whether the run refutes its average effects (placebo treatment, random
 * common cause, data subsets) and with how many re-estimates ({@link RefutationRules}; the pass rules' tolerances
 * stay at their defaults).
 *
 * @param enabled false: the refutation stage is skipped and results.json records it as skipped
 * @param rules   draws and subset fraction of the checks (used only when enabled)
 */
public record RefutationSettings(boolean enabled, RefutationRules rules) {
    /** Refute with {@link RefutationRules#defaults()}. */
    public static final RefutationSettings DEFAULT = new RefutationSettings(true, RefutationRules.defaults());
    /** Skip the refutations. */
    public static final RefutationSettings OFF = new RefutationSettings(false, RefutationRules.defaults());
    /** Why the stage did not run, in words, for a study that skips it. */
    public static final String SKIPPED = "the study file sets refutation: false";

    public RefutationSettings {
        java.util.Objects.requireNonNull(rules, "rules");
    }
}
