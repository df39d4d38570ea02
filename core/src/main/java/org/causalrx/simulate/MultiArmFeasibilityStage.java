package org.causalrx.simulate;

import org.causalrx.pipeline.MultiArmContrastCoverage;
import org.causalrx.pipeline.MultiArmSimulation;
import org.causalrx.pipeline.MultiArmStages;
import org.causalrx.pipeline.Progress;
import org.causalrx.pipeline.RunContext;
import org.causalrx.pipeline.RunSlots;
import org.causalrx.pipeline.Slot;
import org.causalrx.pipeline.Stage;
import org.causalrx.study.Study;

/**
 * The feasibility simulation of a K-arm study with a {@code simulation:} block ({@link MultiArmFeasibility}), as a
 * run stage. With uncertainty-based deferral ({@link MultiArmContrastCoverage#applies}) it stands
 * {@link FeasibilityStage.When#BEFORE} the run's deferral step, because the deferral's intervals are widened by the
 * factors the simulation measured ({@link MultiArmFeasibility#calibration}): it puts {@link #SIMULATION} and
 * {@link RunSlots#CALIBRATION}, and {@link Attach} adds the simulation to the result at the end. Otherwise it stands
 * {@link FeasibilityStage.When#AFTER} the run and replaces {@link MultiArmStages#RESULT} by the result with its
 * simulation. Either way the simulation runs once.
 *
 * @param when     which of the two places this instance stands in
 * @param parallel run bootstrap rounds on several threads (same values either way)
 */
public record MultiArmFeasibilityStage(FeasibilityStage.When when, boolean parallel) implements Stage {
    /** The simulation, while it waits for the result it belongs to. */
    public static final Slot<MultiArmSimulation> SIMULATION = new Slot<>("K-arm feasibility simulation");

    /** The stage after the run (no deferral intervals to calibrate). */
    public MultiArmFeasibilityStage(boolean parallel) {
        this(FeasibilityStage.When.AFTER, parallel);
    }

    @Override
    public String name() {
        return when == FeasibilityStage.When.BEFORE ? "simulation" : "simulation (after)";
    }

    @Override
    public boolean appliesTo(Study study) {
        return study.simulation() != null
                && MultiArmContrastCoverage.applies(study) == (when == FeasibilityStage.When.BEFORE);
    }

    @Override
    public String detail(RunContext c) {
        Study.Simulation sim = c.study().simulation();
        return "feasibility simulation: " + sim.seeds() + " data sets per form (" + String.join(", ", sim.forms())
                + "), " + c.study().treatment().size() + " arms"
                + (when == FeasibilityStage.When.BEFORE ? "; calibrates the deferral's intervals" : "");
    }

    @Override
    public RunContext apply(RunContext c, Progress progress) {
        Study.Simulation sim = c.study().simulation();
        FeasibilitySettings settings = new FeasibilitySettings(sim.forms(), sim.lambda(), sim.effect(), sim.seeds());
        MultiArmSimulation result = new MultiArmFeasibility(parallel).run(c, settings, sim.rounds(),
                progress.nested(sim.seeds() * sim.forms().size()));
        if (when == FeasibilityStage.When.BEFORE) {
            return c.with(SIMULATION, result).with(RunSlots.CALIBRATION, MultiArmFeasibility.calibration(result));
        }
        return c.with(MultiArmStages.RESULT, c.get(MultiArmStages.RESULT).withSimulation(result));
    }

    /** After the run: adds the simulation that ran before the deferral step ({@link #SIMULATION}) to the result. */
    public record Attach() implements Stage {
        @Override
        public String name() {
            return "simulation (attach)";
        }

        @Override
        public boolean appliesTo(Study study) {
            return study.simulation() != null && MultiArmContrastCoverage.applies(study);
        }

        @Override
        public boolean reported() {
            return false;
        }

        @Override
        public String detail(RunContext c) {
            return "adding the feasibility simulation to the result";
        }

        @Override
        public RunContext apply(RunContext c, Progress progress) {
            return c.with(MultiArmStages.RESULT, c.get(MultiArmStages.RESULT).withSimulation(c.get(SIMULATION)));
        }
    }
}
