package org.causalrx.pipeline;

import java.util.Map;

/**
 * What {@link StudyRun} returns: the serialisable result, the raw data behind figures, and the held-out
 * patients with every policy's decisions (for simulations, outcome trees and the model bundle), and the fitted
 * models the bundle is made of (null when not kept).
 */
public record RunOutput(RunResult result, RunFigures figures, HeldOutDetail heldOut, FittedModels models) {

    /** Without fitted models (nothing can be bundled). */
    public RunOutput(RunResult result, RunFigures figures, HeldOutDetail heldOut) {
        this(result, figures, heldOut, null);
    }

    /**
     * The test split as the policies saw it.
     *
     * @param sourceRows 0-based row in the data file of each test patient
     * @param treatment  observed treatment (0/1)
     * @param outcome    factual outcome
     * @param propensity selected propensity model's e(x)
     * @param decisions  policy name → per test patient: 0, 1 or −1 (deferred), in policy order
     */
    public record HeldOutDetail(int[] sourceRows, int[] treatment, double[] outcome, double[] propensity,
                                Map<String, int[]> decisions) {
    }
}
