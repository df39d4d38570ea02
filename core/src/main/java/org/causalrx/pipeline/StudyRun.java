package org.causalrx.pipeline;

import org.causalrx.causal.uncertainty.IntervalCalibration;
import org.causalrx.data.Table;
import org.causalrx.study.Study;

/**
 * One study run through the pipeline's stages ({@link PipelineStages#standard}), without the feasibility
 * simulation and exit points around it. Deterministic given the study's seed.
 *
 * @param learners which learners to use (see {@link Learners#standard})
 * @param parallel run bootstrap rounds on several threads (same results either way)
 */
public record StudyRun(Learners learners, boolean parallel) {

    public StudyRun() {
        this(Learners.standard(), true);
    }

    /** The pipeline's stages with these learners. */
    public RunEngine engine() {
        return PipelineStages.standard(learners, parallel);
    }

    public RunOutput run(Study study, Table table, Progress progress) {
        return run(study, table, progress, IntervalCalibration.NONE);
    }

    /** As {@link #run(Study, Table, Progress)}, the deferral's statistical intervals widened by {@code calibration}. */
    public RunOutput run(Study study, Table table, Progress progress, IntervalCalibration calibration) {
        RunContext start = RunContext.of(study, table).with(RunSlots.CALIBRATION, calibration);
        return engine().run(start, progress).get(RunSlots.OUTPUT);
    }

    /** The study's outcome type as the kind {@link org.causalrx.causal.OutcomeAware} estimators are configured for. */
    static org.causalrx.causal.OutcomeAware.Kind outcomeKind(Study study) {
        return org.causalrx.causal.OutcomeAware.Kind.valueOf(study.outcome().type().name());
    }
}
