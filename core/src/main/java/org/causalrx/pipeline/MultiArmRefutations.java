package org.causalrx.pipeline;

import java.util.List;

import org.causalrx.causal.diagnostics.Refutation;
import org.causalrx.causal.diagnostics.RefutationCheck;

/**
 * Refutations of a K-arm run's per-arm AIPW contrasts (results.json key {@code refutations}): for each non-reference
 * arm, the cross-fitted AIPW contrast against the reference re-run on permuted arms, with an added random covariate
 * and on random subsets, each with its pass rule ({@link org.causalrx.causal.diagnostics.RefutationRules}). Values
 * are in outcome units, arm minus reference.
 *
 * @param estimator the re-run estimator, in words (learners, folds, seed)
 * @param arms      one per non-reference arm, in arm order
 * @param allPassed whether every check of every arm passed
 */
public record MultiArmRefutations(String estimator, List<Arm> arms, boolean allPassed) {
    public MultiArmRefutations {
        arms = List.copyOf(arms);
    }

    /**
     * @param arm       arm index (≥ 1)
     * @param label     the arm's label
     * @param checks    one per {@link RefutationCheck}, in its order; each {@code original} is this arm's contrast
     * @param allPassed whether every check passed
     */
    public record Arm(int arm, String label, List<Refutation> checks, boolean allPassed) {
        public Arm {
            checks = List.copyOf(checks);
        }

        /** The checks that failed, in order. */
        public List<RefutationCheck> failed() {
            return checks.stream().filter(c -> !c.passed()).map(Refutation::check).toList();
        }
    }
}
