package org.causalrx.pipeline;

/** Receives one call per pipeline stage; the CLI decides how to show it. Stages never print. */
@FunctionalInterface
public interface Progress {
    /** Called when a stage starts: a short stage name and a detail in words. */
    void stage(String name, String detail);

    /** Progress for a stage with {@code steps} steps of its own (e.g. the simulation's data sets). */
    default Progress nested(int steps) {
        return NONE;
    }

    Progress NONE = (name, detail) -> { };
}
