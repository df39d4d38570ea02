package org.causalrx.run;

import java.util.List;

import org.causalrx.data.Table;
import org.causalrx.pipeline.Progress;
import org.causalrx.pipeline.RunContext;
import org.causalrx.pipeline.RunEngine;
import org.causalrx.pipeline.RunSlots;
import org.causalrx.pipeline.StudyRun;
import org.causalrx.simulate.FeasibilityStage;
import org.causalrx.study.Study;
import org.causalrx.verdict.ExitPointStage;

/**
 * A whole study run: the pipeline's stages ({@link StudyRun#engine}) with the feasibility simulation (right after the
 * cohort check when it calibrates the deferral, so a cohort that fails its checks stops the run before the
 * simulation starts; after the pipeline otherwise) and the exit points.
 *
 * @param engine the stages, in order
 */
public record StudyEngine(RunEngine engine) {

    /** The standard run with the standard learners. */
    public static StudyEngine standard() {
        return of(new StudyRun());
    }

    /** The standard run around {@code pipeline}'s stages; the simulation runs the same pipeline. */
    public static StudyEngine of(StudyRun pipeline) {
        return new StudyEngine(pipeline.engine()
                .insertBefore("split", new FeasibilityStage(FeasibilityStage.When.BEFORE, pipeline))
                .around(List.of(), List.of(new FeasibilityStage(FeasibilityStage.When.AFTER, pipeline),
                        new ExitPointStage())));
    }

    /** How many progress lines a run of {@code study} shows. */
    public int reportedStages(Study study) {
        return engine.reportedStages(study);
    }

    /** Runs {@code study} on {@code table}. */
    public CompletedRun run(Study study, Table table, Progress progress) {
        RunContext done = engine.run(RunContext.of(study, table), progress);
        return new CompletedRun(done.get(RunSlots.OUTPUT), done.find(FeasibilityStage.RESULT).orElse(null),
                done.get(ExitPointStage.EXITS));
    }
}
