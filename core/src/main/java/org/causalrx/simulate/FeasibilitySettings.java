package org.causalrx.simulate;

import java.util.List;

import org.causalrx.util.CausalRxException;

/**
 * Settings of a feasibility simulation (TRS §3.5).
 *
 * @param forms  simulation forms to run, "linear" and/or "tree"
 * @param lambda Algorithm 1's lambda in [0, 1] (linear form only)
 * @param effect mean |CATE| C in outcome units, or null for {@link #DEFAULT_EFFECT_SDS} × SD of the real outcome
 * @param seeds  number of simulated data sets per form
 */
public record FeasibilitySettings(List<String> forms, double lambda, Double effect, int seeds) {
    /** Default effect size in SDs of the real outcome. */
    public static final double DEFAULT_EFFECT_SDS = 0.5;
    public static final double DEFAULT_LAMBDA = 0.5;
    public static final int DEFAULT_SEEDS = 6;

    public FeasibilitySettings {
        forms = List.copyOf(forms);
        if (forms.isEmpty()) {
            throw new CausalRxException("simulation: --form needs at least one of linear, tree");
        }
        for (String f : forms) {
            if (!f.equals("linear") && !f.equals("tree")) {
                throw new CausalRxException("simulation: unknown --form '" + f + "'; use linear, tree or linear,tree");
            }
        }
        if (seeds < 1) {
            throw new CausalRxException("simulation: --seeds must be at least 1, got " + seeds);
        }
        if (effect != null && (!(effect > 0) || effect.isInfinite())) {
            throw new CausalRxException("simulation: --effect must be a positive number, got " + effect);
        }
    }

    /** Defaults: linear form, lambda 0.5, C = 0.5 × SD of the real outcome, 6 seeds. */
    public static FeasibilitySettings defaults() {
        return new FeasibilitySettings(List.of("linear"), DEFAULT_LAMBDA, null, DEFAULT_SEEDS);
    }

    /** The simulator for one form with effect C in outcome units. */
    public OutcomeSimulator simulator(String form, double c) {
        return form.equals("tree") ? new TreeSimulation(c) : new LinearSimulation(lambda, c);
    }
}
