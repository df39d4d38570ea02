package org.causalrx.pipeline;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.causalrx.study.Study;

/**
 * A run as an ordered list of {@link Stage}s over one {@link RunContext}. The number of progress lines a study
 * gets comes from the list ({@link #reportedStages}); a stage can be swapped for another by name
 * ({@link #replace}) without touching the others.
 *
 * <p>With {@code early} on, a stage that names an earlier one in {@link Stage#startsAfter} starts on a thread of its
 * own as soon as that one has run (on the context it produced; after a stage that itself started early, on that
 * stage's context, in the same thread), while the stages between run as usual; its progress line still comes in its
 * place, where the run waits for it and adds its products. A stage reads its own seed from the study, so its products
 * are the same bits either way: only the wall time changes (work that leaves cores idle, such as one model fit on a
 * large cohort, overlaps with independent work). A stage whose stage to start after did not run runs in its place.
 *
 * @param stages in the order they run (and report)
 * @param early  start stages early where they say they may ({@code false}: one after another, in order)
 */
public record RunEngine(List<Stage> stages, boolean early) {
    public RunEngine {
        stages = List.copyOf(stages);
        if (stages.stream().map(Stage::name).distinct().count() != stages.size()) {
            throw new IllegalArgumentException("stage names must be distinct: " + stages.stream().map(Stage::name)
                    .toList());
        }
    }

    /** The stages one after another, in order. */
    public RunEngine(List<Stage> stages) {
        this(stages, false);
    }

    /** How many progress lines a run of {@code study} shows. */
    public int reportedStages(Study study) {
        return (int) stages.stream().filter(s -> s.reported() && s.appliesTo(study)).count();
    }

    /**
     * Runs every stage that applies to the context's study and returns the final context. The stages report and add
     * their products in list order; with {@code early}, stages that may start early run beside the others. A stage's
     * failure is thrown where the stage stands in the list (an early stage's when the run reaches it); whatever still
     * runs early then is cancelled.
     */
    public RunContext run(RunContext context, Progress progress) {
        if (!early || stages.stream().noneMatch(s -> s.startsAfter().isPresent())) {
            RunContext c = context;
            for (Stage s : stages) {
                if (s.appliesTo(c.study())) {
                    if (s.reported()) {
                        progress.stage(s.name(), s.detail(c));
                    }
                    c = s.apply(c, progress);
                }
            }
            return c;
        }
        try (EarlyStarts starts = new EarlyStarts(context.study())) {
            RunContext c = context;
            for (Stage s : stages) {
                if (!s.appliesTo(c.study())) {
                    continue;
                }
                if (s.reported()) {
                    progress.stage(s.name(), s.detail(c));
                }
                EarlyStarts.Ran ran = starts.awaitIfStarted(s.name());
                c = ran == null ? s.apply(c, progress) : c.merged(ran.before(), ran.after(), s.name());
                if (ran == null) {
                    starts.startAfter(s.name(), CompletableFuture.completedFuture(c));
                }
            }
            return c;
        }
    }

    /** The stages started early in one run: their threads, and what each ran on and produced. */
    private final class EarlyStarts implements AutoCloseable {
        /** An early stage's context before and after it. */
        record Ran(RunContext before, RunContext after) {
        }

        private final Study study;
        private final Map<String, CompletableFuture<Ran>> started = new HashMap<>();
        private final ExecutorService threads;

        EarlyStarts(Study study) {
            this.study = study;
            AtomicInteger count = new AtomicInteger();
            this.threads = Executors.newCachedThreadPool(r -> {
                Thread t = new Thread(r, "causalrx-early-" + count.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
        }

        /**
         * Starts every later stage that applies and starts after {@code name}, on {@code input} once it is there,
         * and, transitively, the stages that start after those.
         */
        void startAfter(String name, CompletableFuture<RunContext> input) {
            boolean after = false;
            for (Stage t : stages) {
                if (t.name().equals(name)) {
                    after = true;
                } else if (after && t.startsAfter().filter(name::equals).isPresent() && t.appliesTo(study)
                        && !started.containsKey(t.name())) {
                    CompletableFuture<Ran> ran = input.thenApplyAsync(
                            in -> new Ran(in, t.apply(in, Progress.NONE)), threads);
                    started.put(t.name(), ran);
                    startAfter(t.name(), ran.thenApply(Ran::after));
                }
            }
        }

        /** What the stage named {@code name} ran on and produced, once done, or null when it was not started. */
        Ran awaitIfStarted(String name) {
            CompletableFuture<Ran> ran = started.remove(name);
            if (ran == null) {
                return null;
            }
            try {
                return ran.join();
            } catch (CompletionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof RuntimeException r) {
                    throw r;
                }
                if (cause instanceof Error err) {
                    throw err;
                }
                throw e;
            }
        }

        /** Cancels what still runs (after a failure) and lets the threads go. */
        @Override
        public void close() {
            started.values().forEach(f -> f.cancel(true));
            threads.shutdownNow();
        }
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
        return new RunEngine(out, early);
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
        return new RunEngine(out, early);
    }

    /** This engine without the stage named {@code name}. */
    public RunEngine without(String name) {
        List<Stage> out = stages.stream().filter(s -> !s.name().equals(name)).toList();
        if (out.size() == stages.size()) {
            throw new IllegalArgumentException("no stage named '" + name + "'");
        }
        return new RunEngine(out, early);
    }

    /** This engine with {@code before} and {@code after} around its stages. */
    public RunEngine around(List<Stage> before, List<Stage> after) {
        List<Stage> out = new ArrayList<>(before);
        out.addAll(stages);
        out.addAll(after);
        return new RunEngine(out, early);
    }
}
