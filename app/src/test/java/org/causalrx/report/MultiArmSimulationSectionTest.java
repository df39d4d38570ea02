package org.causalrx.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.causalrx.pipeline.MultiArmSimulation;
import org.causalrx.result.PolicyId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The K-arm simulation's report section and tables draw every check, policy summary and arm row they are given. */
class MultiArmSimulationSectionTest {
    static MultiArmSimulation simulation() {
        return new MultiArmSimulation(List.of("linear"), 0.5, 1.5, 2.0, 1.7, 2, 100, List.of("only outcomes"),
                List.of(new MultiArmSimulation.Check("linear", 1, "estimated values track true values", true, 0.95,
                        0.9, "r = 0.95"), new MultiArmSimulation.Check("linear", 2, "recommended learned policy "
                        + "beats Doctors", false, -0.1, 0.0, "gain -0.1")),
                List.of(new MultiArmSimulation.PolicySummary("linear", PolicyId.of("t_ridge"), true, 1.0, 0.1, 1.1,
                        0.2, 0.9, 0.05, 0.2, 0.01)),
                List.of(new MultiArmSimulation.ArmEffect("linear", "t_ridge", "a", "arm a", -0.4, -0.38, 0.21, 0.97,
                        2), new MultiArmSimulation.ArmEffect("linear", "t_ridge", "c", "arm c", 0.3, 0.33, 0.25,
                        0.95, 2)), List.of());
    }

    @Test
    void tablesHaveOneRowPerCheckPolicyAndArm(@TempDir Path dir) throws Exception {
        MultiArmSimulationSection.write(simulation(), dir);
        assertTrue(Files.readString(dir.resolve(SimulationReport.JSON)).contains("\"arm_effects\""));
        Path tables = dir.resolve(ReportWriter.TABLES_DIR);
        assertEquals(3, Files.readAllLines(tables.resolve(MultiArmSimulationSection.CHECKS_TABLE)).size());
        assertEquals(2, Files.readAllLines(tables.resolve(MultiArmSimulationSection.POLICIES_TABLE)).size());
        List<String> arms = Files.readAllLines(tables.resolve(MultiArmSimulationSection.ARM_EFFECTS_TABLE));
        assertEquals(3, arms.size());
        assertTrue(arms.get(2).startsWith("linear,t_ridge,c,arm c,"), arms.get(2));
    }

    /** The simulation with one estimator's deferral-interval coverage over two seeds. */
    static MultiArmSimulation withIntervals() {
        MultiArmSimulation s = simulation();
        return new MultiArmSimulation(s.forms(), s.lambda(), s.effect(), s.outcomeMean(), s.outcomeSd(), s.seeds(),
                s.rounds(), s.notes(), s.checks(), s.summaries(), s.armEffects(), s.records(), List.of(
                        new MultiArmSimulation.IntervalRecord("linear", 0, "t_ridge", 0.9, 0.61, 0.4, 300, "3 refits",
                                2.5),
                        new MultiArmSimulation.IntervalRecord("linear", 1, "t_ridge", 0.9, 0.55, 0.38, 300, "3 refits",
                                2.9)),
                List.of(new MultiArmSimulation.IntervalSummary("linear", "t_ridge", 0.9, 0.58, 0.55, 0.61, 0.39, 2,
                        2.7)));
    }

    @Test
    void deferralIntervalCoverageHasItsTableOnlyWhenMeasured(@TempDir Path dir) throws Exception {
        MultiArmSimulationSection.write(withIntervals(), Files.createDirectories(dir.resolve("with")));
        List<String> rows = Files.readAllLines(dir.resolve("with").resolve(ReportWriter.TABLES_DIR)
                .resolve(MultiArmSimulationSection.INTERVALS_TABLE));
        assertEquals(3, rows.size());
        assertEquals("form,seed,estimator,nominal,coverage,mean_width,patients,method,scale", rows.get(0));
        assertTrue(rows.get(2).startsWith("linear,1,t_ridge,0.9,0.55,"), rows.get(2));
        assertTrue(Files.readString(dir.resolve("with").resolve(SimulationReport.JSON))
                .contains("\"interval_summaries\""));
        MultiArmSimulationSection.write(simulation(), Files.createDirectories(dir.resolve("without")));
        assertTrue(Files.notExists(dir.resolve("without").resolve(ReportWriter.TABLES_DIR)
                .resolve(MultiArmSimulationSection.INTERVALS_TABLE)));
        HtmlWriter b = new HtmlWriter(1024);
        MultiArmSimulationSection.html(b, withIntervals());
        assertTrue(b.toString().contains("Coverage of the true best-minus-second-best contrast"), b.toString());
        HtmlWriter none = new HtmlWriter(1024);
        MultiArmSimulationSection.html(none, simulation());
        assertTrue(!none.toString().contains("Calibration of the statistical intervals"));
    }

    @Test
    void sectionShowsEachChecksVerdictAndEachArm() {
        HtmlWriter b = new HtmlWriter(1024);
        MultiArmSimulationSection.html(b, simulation());
        String html = b.toString();
        assertTrue(html.contains("passed") && html.contains("failed"), html);
        assertTrue(html.contains("arm a") && html.contains("arm c"), html);
        assertEquals(List.of("check 1 (linear) passed: r = 0.95", "check 2 (linear) FAILED: gain -0.1"),
                MultiArmSimulationSection.checkLines(simulation()));
    }
}
