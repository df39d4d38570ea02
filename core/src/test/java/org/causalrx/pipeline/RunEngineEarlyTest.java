package org.causalrx.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * Stages that may start early ({@link Stage#startsAfter}) run beside the stages between, on their own thread, and the
 * run comes out the same as one stage after another: same products, progress lines in list order, a failure thrown
 * where the failing stage stands.
 */
class RunEngineEarlyTest {
    static final Slot<List<String>> TRAIL = RunEngineTest.TRAIL;
    static final Slot<String> SEEN = new Slot<>("seen");
    static final Slot<String> THREAD = new Slot<>("thread");

    /** Appends its name to the trail (in-order stages only: early ones must not write what others write). */
    record Step(String name, Runnable during) implements Stage {
        Step(String name) {
            this(name, () -> { });
        }

        public String detail(RunContext c) {
            return "";
        }

        public RunContext apply(RunContext c, Progress progress) {
            during.run();
            List<String> trail = new ArrayList<>(c.find(TRAIL).orElse(List.of()));
            trail.add(name);
            return c.with(TRAIL, List.copyOf(trail));
        }
    }

    /** Records the trail it saw and its thread under its own slot; starts after {@code after}. */
    record Early(String name, String after, Slot<String> out, Runnable during) implements Stage {
        public String detail(RunContext c) {
            return "";
        }

        @Override
        public Optional<String> startsAfter() {
            return Optional.ofNullable(after);
        }

        public RunContext apply(RunContext c, Progress progress) {
            during.run();
            return c.with(out, String.join(",", c.find(TRAIL).orElse(List.of())) + "|" + c.find(SEEN).orElse(""))
                    .with(THREAD, Thread.currentThread().getName());
        }
    }

    static RunContext start() {
        return RunContext.of(RunEngineTest.STUDY, RunEngineTest.TABLE);
    }

    @Test
    void anEarlyStageRunsBesideTheStagesBetweenOnWhatTheStageBeforeItProducedAndReportsInItsPlace()
            throws InterruptedException {
        // "late" can only finish while "early" is running: "early" waits for it, so a run in order would hang
        CountDownLatch lateRan = new CountDownLatch(1);
        Slot<String> second = new Slot<>("second");
        List<Stage> stages = List.of(new Step("a"), new Step("late", lateRan::countDown),
                new Early("early", "a", SEEN, () -> await(lateRan)), new Step("b"),
                new Early("chained", "early", second, () -> { }));
        List<String> lines = Collections.synchronizedList(new ArrayList<>());
        RunContext done = new RunEngine(stages, true).run(start(), (name, detail) -> lines.add(name));
        assertEquals(List.of("a", "late", "early", "b", "chained"), lines, "progress lines come in list order");
        assertEquals(List.of("a", "late", "b"), done.get(TRAIL));
        assertEquals("a|", done.get(SEEN), "the early stage saw the context right after 'a', not 'late'");
        assertEquals("a|a|", done.get(second), "a stage after an early one sees that one's products");
        assertTrue(done.get(THREAD).startsWith("causalrx-early-"), done.get(THREAD));
    }

    @Test
    void inOrderTheSameStagesGiveTheSameProductsOnTheCallingThread() {
        List<Stage> stages = List.of(new Step("a"), new Step("b"), new Early("early", "a", SEEN, () -> { }),
                new Step("c"));
        RunContext inOrder = new RunEngine(stages, false).run(start(), Progress.NONE);
        assertEquals("a,b|", inOrder.get(SEEN), "in order, the stage sees everything before it");
        assertEquals(Thread.currentThread().getName(), inOrder.get(THREAD));
        RunContext early = new RunEngine(stages, true).run(start(), Progress.NONE);
        assertEquals("a|", early.get(SEEN));
        assertEquals(inOrder.get(TRAIL), early.get(TRAIL));
    }

    @Test
    void aStageWhoseStageToStartAfterDidNotRunRunsInItsPlace() {
        Stage skipped = new Stage() {
            public String name() {
                return "skipped";
            }

            public String detail(RunContext c) {
                return "";
            }

            public boolean appliesTo(org.causalrx.study.Study study) {
                return false;
            }

            public RunContext apply(RunContext c, Progress progress) {
                throw new AssertionError("not run");
            }
        };
        RunContext done = new RunEngine(List.of(new Step("a"), skipped, new Step("b"),
                new Early("early", "skipped", SEEN, () -> { })), true).run(start(), Progress.NONE);
        assertEquals("a,b|", done.get(SEEN));
        assertEquals(Thread.currentThread().getName(), done.get(THREAD));
    }

    @Test
    void anEarlyStagesFailureIsThrownWhereItStandsAfterTheStagesBeforeItRan() {
        List<String> ran = Collections.synchronizedList(new ArrayList<>());
        List<Stage> stages = List.of(new Step("a"), new Early("early", "a", SEEN, () -> {
            throw new IllegalArgumentException("bad column");
        }), new Step("b", () -> ran.add("b")));
        List<String> lines = new ArrayList<>();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new RunEngine(stages, true).run(start(), (name, detail) -> lines.add(name)));
        assertEquals("bad column", e.getMessage(), "the stage's own exception, not a wrapper");
        assertEquals(List.of("a", "early"), lines);
        assertEquals(List.of(), ran, "stages after the failing one do not run");
    }

    @Test
    void anEarlyStageThatWritesWhatAStageBetweenWroteIsRefused() {
        Slot<String> shared = new Slot<>("shared");
        Stage writer = new Stage() {
            public String name() {
                return "writer";
            }

            public String detail(RunContext c) {
                return "";
            }

            public RunContext apply(RunContext c, Progress progress) {
                return c.with(shared, "writer");
            }
        };
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new RunEngine(List.of(
                new Step("a"), writer, new Early("early", "a", shared, () -> { })), true).run(start(), Progress.NONE));
        assertTrue(e.getMessage().contains("'shared'") && e.getMessage().contains("'early'"), e.getMessage());
    }

    @Test
    void aFailureBeforeAnEarlyStageIsReachedCancelsItAndLetsItsThreadGo() throws InterruptedException {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch interrupted = new CountDownLatch(1);
        List<Stage> stages = List.of(new Step("a"), new Step("fails", () -> {
            await(started);
            throw new IllegalStateException("stage failed");
        }), new Early("early", "a", SEEN, () -> {
            started.countDown();
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException ex) {
                interrupted.countDown();
            }
        }));
        assertThrows(IllegalStateException.class, () -> new RunEngine(stages, true).run(start(), Progress.NONE));
        assertTrue(interrupted.await(10, TimeUnit.SECONDS), "the early stage's thread was interrupted");
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new AssertionError("timed out: the stages did not run side by side");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
