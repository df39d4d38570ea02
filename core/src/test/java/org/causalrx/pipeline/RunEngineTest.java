package org.causalrx.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import org.causalrx.data.Table;
import org.causalrx.study.Study;
import org.causalrx.study.StudyLoader;
import org.junit.jupiter.api.Test;

/** The engine runs its stages in order over one context, counts progress from the list and swaps stages by name. */
class RunEngineTest {
    static final Study STUDY = StudyLoader.load(Path.of("examples", "nhefs", "study.yaml"));
    static final Table TABLE = new Table("none", List.of());
    static final Slot<List<String>> TRAIL = new Slot<>("trail");

    /** A stage that appends its name to the trail. */
    record Append(String name, boolean reported, Predicate<Study> applies) implements Stage {
        Append(String name) {
            this(name, true, s -> true);
        }

        public String detail(RunContext c) {
            return "after " + c.find(TRAIL).map(List::size).orElse(0) + " stages";
        }

        public boolean appliesTo(Study study) {
            return applies.test(study);
        }

        public RunContext apply(RunContext c, Progress progress) {
            List<String> trail = new ArrayList<>(c.find(TRAIL).orElse(List.of()));
            trail.add(name);
            return c.with(TRAIL, List.copyOf(trail));
        }
    }

    @Test
    void stagesRunInOrderSkippedOnesNeitherRunNorCountAndSilentOnesRunUnshown() {
        RunEngine engine = new RunEngine(List.of(new Append("a"), new Append("skipped", true, s -> false),
                new Append("silent", false, s -> true), new Append("b")));
        List<String> lines = new ArrayList<>();
        RunContext done = engine.run(RunContext.of(STUDY, TABLE), (name, detail) -> lines.add(name + ": " + detail));
        assertEquals(List.of("a", "silent", "b"), done.get(TRAIL));
        assertEquals(List.of("a: after 0 stages", "b: after 2 stages"), lines);
        assertEquals(lines.size(), engine.reportedStages(STUDY));
    }

    @Test
    void aStageIsReplacedByNameAndTheOthersStay() {
        RunEngine engine = new RunEngine(List.of(new Append("a"), new Append("b"), new Append("c")));
        RunEngine swapped = engine.replace("b", new Append("b2"));
        assertEquals(List.of("a", "b2", "c"), swapped.run(RunContext.of(STUDY, TABLE), Progress.NONE).get(TRAIL));
        assertThrows(IllegalArgumentException.class, () -> engine.replace("nope", new Append("x")));
        assertThrows(IllegalArgumentException.class, () -> new RunEngine(List.of(new Append("a"), new Append("a"))));
    }

    @Test
    void aProductNoEarlierStageMadeIsNamedInTheError() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> RunContext.of(STUDY, TABLE).get(RunSlots.COHORT));
        assertTrue(e.getMessage().contains("'cohort'"), e.getMessage());
        RunContext c = RunContext.of(STUDY, TABLE);
        RunContext c2 = c.with(TRAIL, List.of("x"));
        assertFalse(c.find(TRAIL).isPresent(), "a context never changes; with() returns a new one");
        assertEquals(List.of("x"), c2.get(TRAIL));
    }

    @Test
    void thePipelineListsItsStagesOnceEachAndCountsOnlyThoseTheStudyAsksFor() {
        RunEngine pipeline = new StudyRun().engine();
        List<String> names = pipeline.stages().stream().map(Stage::name).toList();
        assertEquals(List.of("cohort", "split", "propensity", "outcome", "policies", "uncertainty", "evaluation",
                "insights", "heterogeneity", "analyses", "ate", "sensitivity", "refutation", "cross-fit", "result"),
                names);
        // the demo study has deferral (uncertainty runs), no cross-fitted policy values; "result" is silent
        assertTrue(STUDY.deferral() != null && !STUDY.policyEvaluation().crossFit());
        assertEquals(13, pipeline.reportedStages(STUDY));
        Study plain = STUDY.withDeferral(null);
        assertEquals(12, pipeline.reportedStages(plain));
    }
}
