package org.causalrx.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.causalrx.causal.uncertainty.IntervalCalibration;
import org.causalrx.data.Table;
import org.causalrx.data.TableReader;
import org.causalrx.study.Study;
import org.causalrx.study.StudyLoader;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The standard pipeline starts the ATE and its refutations early (after the split, beside the propensity, outcome and
 * policy stages): on the NHEFS demo data with deferral and refutations, the result is the same as with every stage in
 * its place, and the progress lines come in the same order.
 */
@Tag("slow")
class EarlyStartRunTest {
    @Test
    void theAteAndItsRefutationsStartedEarlyGiveTheSameResultAsInOrder() throws Exception {
        Study s = StudyLoader.load(Path.of("examples", "nhefs", "study.yaml"));
        Study study = new Study(s.file(), s.name(), s.protocol(), s.data(), s.idColumn(), s.treatment(), s.outcome(),
                s.covariates(), s.split(), s.seed(), s.overlap(), 50, s.ateFolds(), List.of("t_ridge", "dr_xgboost"),
                null, Study.Analyses.NONE, new Study.Deferral(0.1, 1.5, 5, List.of(0.1, 0.5), List.of(1.0, 2.0)));
        assertTrue(study.refutation().enabled());
        Table table = TableReader.read(study.data());
        RunEngine early = new StudyRun(Learners.standard(), true).engine();
        assertTrue(early.early());
        assertEquals(List.of("split", "ate"), early.stages().stream().filter(st -> st.startsAfter().isPresent())
                .map(st -> st.startsAfter().get()).toList(), "the ATE after the split, the refutations after the ATE");
        RunEngine inOrder = new RunEngine(early.stages(), false);
        List<String> earlyLines = new ArrayList<>();
        List<String> inOrderLines = new ArrayList<>();
        RunOutput a = run(early, study, table, earlyLines);
        RunOutput b = run(inOrder, study, table, inOrderLines);
        assertEquals(inOrderLines, earlyLines);
        assertTrue(earlyLines.contains("refutation") && earlyLines.contains("ate"), earlyLines.toString());
        assertTrue(!a.result().refutations().checks().isEmpty(), "the refutations ran");
        assertEquals(ResultsJson.mapper().writeValueAsString(b.result()),
                ResultsJson.mapper().writeValueAsString(a.result()));
    }

    private static RunOutput run(RunEngine engine, Study study, Table table, List<String> lines) {
        RunContext start = RunContext.of(study, table).with(RunSlots.CALIBRATION, IntervalCalibration.NONE);
        return engine.run(start, (name, detail) -> lines.add(name)).get(RunSlots.OUTPUT);
    }
}
