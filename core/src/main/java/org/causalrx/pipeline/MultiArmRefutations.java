package org.causalrx.pipeline;

import java.util.List;

import org.causalrx.causal.diagnostics.Refutation;
import org.causalrx.causal.diagnostics.RefutationCheck;
import org.causalrx.causal.diagnostics.RefutationSubsample;

/**
 * Refutations of a K-arm run's per-arm AIPW contrasts (results.json key {@code refutations}): for each non-reference
 * arm, the cross-fitted AIPW contrast against the reference re-run on permuted arms, with an added random covariate
 * and on random subsets, each with its pass rule ({@link org.causalrx.causal.diagnostics.RefutationRules}). Values
 * are in outcome units, arm minus reference.
 *
 * @param estimator the re-run estimator, in words (learners, folds, seed)
 * @param arms      one per non-reference arm, in arm order; empty when skipped
 * @param allPassed whether every check of every arm passed; false when skipped
 * @param skipped   why the checks were not run (the study's {@code refutation: false}); absent (null) when they ran
 * @param subsample the patient subsample the checks ran on, each arm's {@code original} being its contrast on it
 *                  (the study's {@code refutation.rows}, {@link RefutationSubsample}); absent (null) when they ran on
 *                  all rows
 */
public record MultiArmRefutations(String estimator, List<Arm> arms, boolean allPassed,
                                  @com.fasterxml.jackson.annotation.JsonInclude(
                                          com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
                                  String skipped,
                                  @com.fasterxml.jackson.annotation.JsonInclude(
                                          com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
                                  RefutationSubsample subsample) {
    public MultiArmRefutations {
        arms = List.copyOf(arms);
        if (skipped != null && (allPassed || !arms.isEmpty())) {
            throw new IllegalArgumentException("skipped refutations have no arms and did not pass");
        }
        if (skipped != null && subsample != null) {
            throw new IllegalArgumentException("skipped refutations ran on no subsample");
        }
    }

    /** Refutations that ran on all rows. */
    public MultiArmRefutations(String estimator, List<Arm> arms, boolean allPassed) {
        this(estimator, arms, allPassed, null, null);
    }

    /** Refutations that ran on {@code subsample} (null: on all rows). */
    public MultiArmRefutations(String estimator, List<Arm> arms, boolean allPassed, RefutationSubsample subsample) {
        this(estimator, arms, allPassed, null, subsample);
    }

    /** The stage skipped, {@code why} in words; {@code estimator} names what would have been re-run. */
    public static MultiArmRefutations skipped(String estimator, String why) {
        return new MultiArmRefutations(estimator, List.of(), false, why, null);
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
