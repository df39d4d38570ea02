package org.causalrx.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;

import org.causalrx.pipeline.Stage;
import org.causalrx.study.Study;
import org.causalrx.study.StudyLoader;
import org.junit.jupiter.api.Test;

/** The whole run: the simulation stands before the pipeline when it calibrates the deferral, after it otherwise. */
class StudyEngineTest {
    static final Study STUDY = StudyLoader.load(Path.of("examples", "nhefs", "study.yaml"));

    @Test
    void theSimulationRunsFirstOnlyWhenItCalibratesTheDeferral() {
        StudyEngine engine = StudyEngine.standard();
        List<String> names = engine.engine().stages().stream().map(Stage::name).toList();
        assertEquals("simulation", names.get(0));
        assertEquals(List.of("simulation (after)", "exit points"), names.subList(names.size() - 2, names.size()));
        // the demo study has deferral and a simulation block: simulation before, 12 pipeline stages
        assertEquals(14, engine.reportedStages(STUDY));
        List<String> applied = engine.engine().stages().stream().filter(s -> s.appliesTo(STUDY))
                .map(Stage::name).toList();
        assertEquals("simulation", applied.get(0));
        Study noDeferral = STUDY.withDeferral(null);
        List<String> after = engine.engine().stages().stream().filter(s -> s.appliesTo(noDeferral))
                .map(Stage::name).toList();
        assertEquals("cohort", after.get(0));
        assertEquals("simulation (after)", after.get(after.size() - 2));
        assertEquals(13, engine.reportedStages(noDeferral));
    }
}
