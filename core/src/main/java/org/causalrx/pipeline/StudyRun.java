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
 * @param refute   refute the ATE (placebo, random common cause, subsets); see {@link #withoutRefutation}
 */
public record StudyRun(Learners learners, boolean parallel, boolean refute) {

    public StudyRun() {
        this(Learners.standard(), true);
    }

    /** A run with every stage, the ATE refutations included. */
    public StudyRun(Learners learners, boolean parallel) {
        this(learners, parallel, true);
    }

    /**
     * The same run without the ATE refutations (16 AIPW refits with the default draws), for runs whose refutations
     * nobody reads, such as the feasibility simulation's runs on simulated outcomes.
     */
    public StudyRun withoutRefutation() {
        return new StudyRun(learners, parallel, false);
    }

    /** The pipeline's stages with these learners. */
    public RunEngine engine() {
        RunEngine all = PipelineStages.standard(learners, parallel);
        return refute ? all : all.without(RefutationStage.NAME);
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
