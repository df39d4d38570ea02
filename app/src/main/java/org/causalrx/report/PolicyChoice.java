package org.causalrx.report;

import java.util.List;
import java.util.Optional;

import org.causalrx.pipeline.RunResult.PolicyResult;
import org.causalrx.result.Baseline;
import org.causalrx.result.PolicyId;
import org.causalrx.result.PolicyKind;
import org.causalrx.study.Study;

/**
 * Finds the policies the summary names: the Doctors reference (current practice) and the policy core selected.
 * The report makes no choice and estimates nothing.
 */
final class PolicyChoice {

    /** The reference policy that keeps the treatment doctors gave. */
    static final PolicyId DOCTORS = Baseline.DOCTORS.id();

    private PolicyChoice() {
    }

    /** True when lower outcome values are better; otherwise (also when unknown) higher is better. */
    static boolean lowerIsBetter(Study.Direction direction) {
        return direction == Study.Direction.LOWER;
    }

    /** Baselines are not learned: doctors, random, propensity, treat-all rules ({@link Baseline}). */
    static boolean isBaseline(PolicyId id) {
        return id.kind() == PolicyKind.BASELINE;
    }

    static Optional<PolicyResult> doctors(List<PolicyResult> policies) {
        return policies.stream().filter(p -> Baseline.DOCTORS.is(p.name())).findFirst();
    }

    /**
     * The policy the run recommends (chosen by core on data other than the test split), as valued on the test split;
     * empty when the run has no selected policy. The report never re-picks a policy itself.
     */
    static Optional<PolicyResult> selected(org.causalrx.pipeline.RunResult r) {
        if (r.policyInsights() == null || r.policyInsights().selectedPolicy() == null || r.policies() == null) {
            return Optional.empty();
        }
        PolicyId id = r.policyInsights().selectedPolicy();
        return r.policies().stream().filter(p -> id.equals(p.name())).findFirst();
    }

    /**
     * The direction of the outcome the policies are valued on: the study's evaluation outcome when it has one
     * ({@code outcome.evaluate}), else the modelled outcome's.
     */
    static Study.Direction valueDirection(org.causalrx.pipeline.RunResult r) {
        return r.evaluationOutcome() != null ? r.evaluationOutcome().direction() : r.protocol().direction();
    }

    /** Name of the outcome the policies are valued on. */
    static String valueOutcome(org.causalrx.pipeline.RunResult r) {
        return r.evaluationOutcome() != null ? r.evaluationOutcome().name() : r.protocol().outcomeColumn();
    }

    /** "lower is better" or "higher is better". */
    static String directionText(Study.Direction direction) {
        return lowerIsBetter(direction) ? "lower is better" : "higher is better";
    }
}
