package org.causalrx.pipeline;

import java.util.ArrayList;
import java.util.List;

import org.causalrx.study.Study;

/**
 * A run as an ordered list of {@link Stage}s over one {@link RunContext}. The number of progress lines a study
 * gets comes from the list ({@link #reportedStages}); a stage can be swapped for another by name
 * ({@link #replace}) without touching the others.
 *
 * @param stages in the order they run
 */
public record RunEngine(List<Stage> stages) {
    public RunEngine {
        stages = List.copyOf(stages);
        if (stages.stream().map(Stage::name).distinct().count() != stages.size()) {
            throw new IllegalArgumentException("stage names must be distinct: " + stages.stream().map(Stage::name)
                    .toList());
        }
    }

    /** How many progress lines a run of {@code study} shows. */
    public int reportedStages(Study study) {
        return (int) stages.stream().filter(s -> s.reported() && s.appliesTo(study)).count();
    }

    /** Runs every stage that applies to the context's study, in order, and returns the final context. */
    public RunContext run(RunContext context, Progress progress) {
        RunContext c = context;
        for (Stage s : stages) {
            if (!s.appliesTo(c.study())) {
                continue;
            }
            if (s.reported()) {
                progress.stage(s.name(), s.detail(c));
            }
            c = s.apply(c, progress);
        }
        return c;
    }

    /** This engine with the stage named {@code name} replaced by {@code with}. */
    public RunEngine replace(String name, Stage with) {
        List<Stage> out = new ArrayList<>();
        boolean found = false;
        for (Stage s : stages) {
            if (s.name().equals(name)) {
                out.add(with);
                found = true;
            } else {
                out.add(s);
            }
        }
        if (!found) {
            throw new IllegalArgumentException("no stage named '" + name + "'");
        }
        return new RunEngine(out);
    }

    /** This engine with {@code stage} inserted just before the stage named {@code name}. */
    public RunEngine insertBefore(String name, Stage stage) {
        List<Stage> out = new ArrayList<>();
        for (Stage s : stages) {
            if (s.name().equals(name)) {
                out.add(stage);
            }
            out.add(s);
        }
        if (out.size() == stages.size()) {
            throw new IllegalArgumentException("no stage named '" + name + "'");
        }
        return new RunEngine(out);
    }

    /** This engine without the stage named {@code name}. */
    public RunEngine without(String name) {
        List<Stage> out = stages.stream().filter(s -> !s.name().equals(name)).toList();
        if (out.size() == stages.size()) {
            throw new IllegalArgumentException("no stage named '" + name + "'");
        }
        return new RunEngine(out);
    }

    /** This engine with {@code before} and {@code after} around its stages. */
    public RunEngine around(List<Stage> before, List<Stage> after) {
        List<Stage> out = new ArrayList<>(before);
        out.addAll(stages);
        out.addAll(after);
        return new RunEngine(out);
    }
}
