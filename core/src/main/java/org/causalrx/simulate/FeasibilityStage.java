package org.causalrx.simulate;

import org.causalrx.pipeline.Progress;
import org.causalrx.pipeline.RunContext;
import org.causalrx.pipeline.RunSlots;
import org.causalrx.pipeline.Slot;
import org.causalrx.pipeline.Stage;
import org.causalrx.pipeline.StudyRun;
import org.causalrx.study.Study;

/**
 * The feasibility simulation of a study with a {@code simulation:} block, as a run stage. With deferral on it runs
 * {@link When#BEFORE} the pipeline's fits (right after the cohort check), because the deferral's intervals are
 * widened by the factor the simulation needed ({@link FeasibilityStudy#calibration}); otherwise {@link When#AFTER}
 * the pipeline. Puts {@link #RESULT} and
 * {@link RunSlots#CALIBRATION}.
 *
 * @param when   which of the two places this instance stands in
 * @param runner the pipeline run on each simulated data set
 */
public record FeasibilityStage(When when, StudyRun runner) implements Stage {
    /** The simulation's result. */
    public static final Slot<FeasibilityResult> RESULT = new Slot<>("feasibility simulation");

    /** Where in the run the simulation stands. */
    public enum When {
        /** Before the pipeline's fits: the study has deferral, whose intervals the simulation calibrates. */
        BEFORE,
        /** After the pipeline: nothing in the run depends on the simulation. */
        AFTER
    }

    @Override
    public String name() {
        return when == When.BEFORE ? "simulation" : "simulation (after)";
    }

    @Override
    public boolean appliesTo(Study study) {
        return study.simulation() != null && (study.deferral() != null) == (when == When.BEFORE);
    }

    @Override
    public String detail(RunContext c) {
        Study.Simulation sim = c.study().simulation();
        return "feasibility simulation: " + sim.seeds() + " data sets per form (" + String.join(", ", sim.forms())
                + ")"
                + (when == When.BEFORE ? "; calibrates the deferral's intervals" : "");
    }

    @Override
    public RunContext apply(RunContext c, Progress progress) {
        Study study = c.study();
        Study.Simulation sim = study.simulation();
        FeasibilitySettings settings = new FeasibilitySettings(sim.forms(), sim.lambda(), sim.effect(), sim.seeds());
        FeasibilityResult result = new FeasibilityStudy(runner).run(study.withSeedAndRounds(study.seed(),
                sim.rounds()), c.table(), settings, progress.nested(sim.seeds() * sim.forms().size()));
        RunContext out = c.with(RESULT, result);
        return when == When.BEFORE ? out.with(RunSlots.CALIBRATION, FeasibilityStudy.calibration(result)) : out;
    }
}
