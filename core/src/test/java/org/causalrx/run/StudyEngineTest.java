package org.causalrx.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;

import org.causalrx.pipeline.Stage;
import org.causalrx.study.Study;
import org.causalrx.study.StudyLoader;
import org.junit.jupiter.api.Test;

/**
 * The whole run: the simulation stands right after the cohort check when it calibrates the deferral (so a cohort that
 * fails its checks stops the run before the simulation starts), after the pipeline otherwise.
 */
class StudyEngineTest {
    static final Study STUDY = StudyLoader.load(Path.of("examples", "nhefs", "study.yaml"));

    @Test
    void theSimulationRunsAfterTheCohortCheckOnlyWhenItCalibratesTheDeferral() {
        StudyEngine engine = StudyEngine.standard();
        List<String> names = engine.engine().stages().stream().map(Stage::name).toList();
        assertEquals(List.of("cohort", "simulation", "split"), names.subList(0, 3));
        assertEquals(List.of("simulation (after)", "exit points"), names.subList(names.size() - 2, names.size()));
        // the demo study has deferral and a simulation block: simulation before, 12 pipeline stages
        assertEquals(14, engine.reportedStages(STUDY));
        List<String> applied = engine.engine().stages().stream().filter(s -> s.appliesTo(STUDY))
                .map(Stage::name).toList();
        assertEquals(List.of("cohort", "simulation"), applied.subList(0, 2));
        Study noDeferral = STUDY.withDeferral(null);
        List<String> after = engine.engine().stages().stream().filter(s -> s.appliesTo(noDeferral))
                .map(Stage::name).toList();
        assertEquals(List.of("cohort", "split"), after.subList(0, 2));
        assertEquals("simulation (after)", after.get(after.size() - 2));
        assertEquals(13, engine.reportedStages(noDeferral));
    }
}
