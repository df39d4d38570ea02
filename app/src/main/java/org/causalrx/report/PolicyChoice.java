package org.causalrx.report;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.causalrx.pipeline.RunResult.PolicyResult;

/**
 * Picks policies for the summary: the Doctors reference and the best learned policy by DR mean, respecting
 * the outcome's direction. This is the only choice the report makes; it estimates nothing.
 */
final class PolicyChoice {

    /** Name of the reference policy that keeps the treatment doctors gave. */
    static final String DOCTORS = "doctors";

    private PolicyChoice() {
    }

    /** True when the protocol says lower outcome values are better ("lower"); otherwise higher is better. */
    static boolean lowerIsBetter(String direction) {
        return direction != null && direction.trim().toLowerCase(Locale.ROOT).startsWith("lower");
    }

    /** Baselines are not learned: doctors, random, propensity, treat-all / treat-none rules. */
    static boolean isBaseline(String name) {
        String n = name == null ? "" : name.toLowerCase(Locale.ROOT);
        return n.equals(DOCTORS) || n.equals("random") || n.equals("propensity") || n.startsWith("treat_all")
                || n.startsWith("treat_none");
    }

    static Optional<PolicyResult> doctors(List<PolicyResult> policies) {
        return policies.stream().filter(p -> DOCTORS.equalsIgnoreCase(p.name())).findFirst();
    }

    /**
     * The learned policy with the best DR bootstrap mean (smallest when lower is better); the first such
     * policy on ties. Policies without a DR summary or with a non-finite mean are ignored.
     */
    static Optional<PolicyResult> bestLearned(List<PolicyResult> policies, String direction) {
        Comparator<PolicyResult> byMean = Comparator.comparingDouble(p -> p.valueDr().mean());
        if (!lowerIsBetter(direction)) {
            byMean = byMean.reversed();
        }
        return policies.stream()
                .filter(p -> !isBaseline(p.name()))
                .filter(p -> p.valueDr() != null && Double.isFinite(p.valueDr().mean()))
                .sorted(byMean)
                .findFirst();
    }

    /** Whether value a is strictly better than b in the given direction. */
    static boolean better(double a, double b, String direction) {
        return lowerIsBetter(direction) ? a < b : a > b;
    }

    /**
     * The direction of the outcome the policies are valued on: the study's evaluation outcome when it has one
     * ({@code outcome.evaluate}), else the modelled outcome's.
     */
    static String valueDirection(org.causalrx.pipeline.RunResult r) {
        return r.evaluationOutcome() != null ? r.evaluationOutcome().direction() : r.protocol().direction();
    }

    /** Name of the outcome the policies are valued on. */
    static String valueOutcome(org.causalrx.pipeline.RunResult r) {
        return r.evaluationOutcome() != null ? r.evaluationOutcome().name() : r.protocol().outcomeColumn();
    }

    /** "lower is better" or "higher is better". */
    static String directionText(String direction) {
        return lowerIsBetter(direction) ? "lower is better" : "higher is better";
    }
}
