package org.causalrx.pipeline;

import org.causalrx.study.Study;

/**
 * One step of a run: reads what earlier stages put into the {@link RunContext} and returns the context with its own
 * products added. Stages are configurations (learners, thread use), hold no fitted state, and never print: the
 * {@link RunEngine} reports them to a {@link Progress}.
 */
public interface Stage {
    /** Short name shown in progress lines ("propensity"). */
    String name();

    /** What this stage is about to do, in words, for the progress line. */
    String detail(RunContext context);

    /** Whether the study asks for this stage (e.g. the uncertainty stage only with deferral). */
    default boolean appliesTo(Study study) {
        return true;
    }

    /** Whether the stage gets its own progress line (false for bookkeeping such as assembling the result). */
    default boolean reported() {
        return true;
    }

    /**
     * Runs the stage.
     *
     * @param progress for stages with steps of their own ({@link Progress#nested}); the stage's own line is
     *                 already shown
     */
    RunContext apply(RunContext context, Progress progress);
}
