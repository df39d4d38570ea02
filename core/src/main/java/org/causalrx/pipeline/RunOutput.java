package org.causalrx.pipeline;

import java.util.Map;

import org.causalrx.result.PolicyId;

/**
 * What {@link StudyRun} returns: the serialisable result, the raw data behind figures, and the held-out
 * patients with every policy's decisions (for simulations, outcome trees and the model bundle), and the fitted
 * models the bundle is made of (null when not kept).
 */
public record RunOutput(RunResult result, RunFigures figures, HeldOutDetail heldOut, FittedModels models,
                        FittedDeferral deferral) {

    /** Without fitted models (nothing can be bundled). */
    public RunOutput(RunResult result, RunFigures figures, HeldOutDetail heldOut) {
        this(result, figures, heldOut, null, null);
    }

    /** Without uncertainty-based deferral. */
    public RunOutput(RunResult result, RunFigures figures, HeldOutDetail heldOut, FittedModels models) {
        this(result, figures, heldOut, models, null);
    }

    /**
     * What reproduces the Conservative decisions on new patients: for estimator {@code name} and covariates x
     * (encoded as in the run), with iv = {@code models.get(name).effectInterval(x, alphaStat)}, patient i's
     * decision is {@code Deferral.decide(e_i, overlap, models.get(name).effect(x)[i], iv.lo()[i], iv.hi()[i],
     * betterSign)}. The models are composed of fitted parts only (point model, its bootstrap refits or posterior,
     * the B-learner bound regressions up to {@code lambda}).
     *
     * @param selected  the estimator of the verdict's selected learned policy (or the first sign-rule estimator)
     * @param models    sign-rule estimator name → its joint interval model at {@code lambda}
     * @param alphaStat statistical level of the Conservative set
     * @param lambda    marginal-sensitivity Lambda of the Conservative set
     */
    public record FittedDeferral(String selected, Map<String, org.causalrx.causal.bounds.JointCateModel> models,
                                 double alphaStat, double lambda) {
        public FittedDeferral {
            models = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(models));
        }
    }

    /**
     * The test split as the policies saw it.
     *
     * @param sourceRows 0-based row in the data file of each test patient
     * @param treatment  observed treatment (0/1)
     * @param outcome    factual modelled outcome (not the derived evaluation outcome, which may lack rows)
     * @param propensity selected propensity model's e(x)
     * @param decisions  policy → per test patient: 0, 1 or −1 (deferred), in policy order
     */
    public record HeldOutDetail(int[] sourceRows, int[] treatment, double[] outcome, double[] propensity,
                                Map<PolicyId, int[]> decisions) {
    }
}
