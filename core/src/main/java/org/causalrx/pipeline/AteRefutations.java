package org.causalrx.pipeline;

import java.util.List;

import org.causalrx.causal.diagnostics.Refutation;
import org.causalrx.causal.diagnostics.RefutationCheck;
import org.causalrx.causal.diagnostics.RefutationSubsample;

/**
 * Refutations of the run's ATE (results.json key {@code refutations}): the run's cross-fitted AIPW re-run on a
 * permuted treatment, with an added random covariate and on random subsets, each with its pass rule
 * ({@link org.causalrx.causal.diagnostics.RefutationRules}). Values are in outcome units, treated − control.
 *
 * @param estimator the re-run estimator, in words (the same learners, folds and seed as {@code ate})
 * @param checks    one per {@link RefutationCheck}, in its order; empty when skipped
 * @param allPassed whether every check passed; false when skipped
 * @param skipped   why the checks were not run (the study's {@code refutation: false}); absent (null) when they ran
 * @param subsample the patient subsample the checks ran on, each check's {@code original} being the estimate on it
 *                  (the study's {@code refutation.rows}, {@link RefutationSubsample}); absent (null) when they ran on
 *                  all rows
 */
public record AteRefutations(String estimator, List<Refutation> checks, boolean allPassed,
                             @com.fasterxml.jackson.annotation.JsonInclude(
                                     com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL) String skipped,
                             @com.fasterxml.jackson.annotation.JsonInclude(
                                     com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
                             RefutationSubsample subsample) {
    public AteRefutations {
        checks = List.copyOf(checks);
        if (skipped != null && (allPassed || !checks.isEmpty())) {
            throw new IllegalArgumentException("skipped refutations have no checks and did not pass");
        }
        if (skipped != null && subsample != null) {
            throw new IllegalArgumentException("skipped refutations ran on no subsample");
        }
    }

    /** Refutations that ran on all rows. */
    public AteRefutations(String estimator, List<Refutation> checks, boolean allPassed) {
        this(estimator, checks, allPassed, null, null);
    }

    /** Refutations that ran on {@code subsample} (null: on all rows). */
    public AteRefutations(String estimator, List<Refutation> checks, boolean allPassed,
                          RefutationSubsample subsample) {
        this(estimator, checks, allPassed, null, subsample);
    }

    /** The stage skipped, {@code why} in words; {@code estimator} names what would have been re-run. */
    public static AteRefutations skipped(String estimator, String why) {
        return new AteRefutations(estimator, List.of(), false, why, null);
    }

    /** The checks that failed, in order. */
    public List<RefutationCheck> failed() {
        return checks.stream().filter(c -> !c.passed()).map(Refutation::check).toList();
    }
}
