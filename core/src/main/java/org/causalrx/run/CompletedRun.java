package org.causalrx.run;

import java.util.List;

import org.causalrx.pipeline.RunOutput;
import org.causalrx.simulate.FeasibilityResult;
import org.causalrx.verdict.ExitPoints;

/**
 * A finished study run.
 *
 * @param output     the pipeline's result, figure data, held-out detail and fitted models
 * @param simulation the feasibility simulation, or null when the study has no {@code simulation:} block
 * @param exits      the exit points, in step order
 */
public record CompletedRun(RunOutput output, FeasibilityResult simulation, List<ExitPoints.ExitPoint> exits) {
    public CompletedRun {
        exits = List.copyOf(exits);
    }
}
