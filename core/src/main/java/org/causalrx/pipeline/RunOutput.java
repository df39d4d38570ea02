package org.causalrx.pipeline;

/** What {@link StudyRun} returns: the serialisable result and the raw data behind figures. */
public record RunOutput(RunResult result, RunFigures figures) {
}
