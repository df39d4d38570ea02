package org.causalrx.simulate;

import org.causalrx.pipeline.MultiArmStages;
import org.causalrx.pipeline.Progress;
import org.causalrx.pipeline.RunContext;
import org.causalrx.pipeline.Stage;
import org.causalrx.study.Study;

/**
 * The feasibility simulation of a K-arm study with a {@code simulation:} block, as a stage after the K-arm run
 * ({@link MultiArmFeasibility}): replaces {@link MultiArmStages#RESULT} by the result with its simulation.
 *
 * @param parallel run bootstrap rounds on several threads (same values either way)
 */
public record MultiArmFeasibilityStage(boolean parallel) implements Stage {
    @Override
    public String name() {
        return "simulation";
    }

    @Override
    public boolean appliesTo(Study study) {
        return study.simulation() != null;
    }

    @Override
    public String detail(RunContext c) {
        Study.Simulation sim = c.study().simulation();
        return "feasibility simulation: " + sim.seeds() + " data sets per form (" + String.join(", ", sim.forms())
                + "), " + c.study().treatment().size() + " arms";
    }

    @Override
    public RunContext apply(RunContext c, Progress progress) {
        Study.Simulation sim = c.study().simulation();
        FeasibilitySettings settings = new FeasibilitySettings(sim.forms(), sim.lambda(), sim.effect(), sim.seeds());
        return c.with(MultiArmStages.RESULT, c.get(MultiArmStages.RESULT).withSimulation(new MultiArmFeasibility(
                parallel).run(c, settings, sim.rounds(), progress.nested(sim.seeds() * sim.forms().size()))));
    }
}
