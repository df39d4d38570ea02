package org.causalrx.pipeline;

import java.util.List;

import org.causalrx.causal.diagnostics.Refutation;
import org.causalrx.causal.diagnostics.RefutationCheck;

/**
 * Refutations of the run's ATE (results.json key {@code refutations}): the run's cross-fitted AIPW re-run on a
 * permuted treatment, with an added random covariate and on random subsets, each with its pass rule
 * ({@link org.causalrx.causal.diagnostics.RefutationRules}). Values are in outcome units, treated − control.
 *
 * @param estimator the re-run estimator, in words (the same learners, folds and seed as {@code ate})
 * @param checks    one per {@link RefutationCheck}, in its order
 * @param allPassed whether every check passed
 */
public record AteRefutations(String estimator, List<Refutation> checks, boolean allPassed) {
    public AteRefutations {
        checks = List.copyOf(checks);
    }

    /** The checks that failed, in order. */
    public List<RefutationCheck> failed() {
        return checks.stream().filter(c -> !c.passed()).map(Refutation::check).toList();
    }
}
