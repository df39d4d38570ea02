package org.causalrx.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code causalrx simulate} through the command line, on the binary-outcome demo study (simulated continuous),
 * its first 600 patients for the files written.
 */
class SimulateCommandTest {
    static final Path STUDY = Path.of("examples", "nhefs", "study.yaml");

    @Test
    @Tag("slow")
    void writesJsonTablesFigureAndHtmlAtomically(@TempDir Path dir, @TempDir Path studyDir) throws Exception {
        Path out = dir.resolve("sim");
        Path study = DemoRunFixture.reduced(studyDir, 600);
        assertEquals(0, Main.execute("simulate", study.toString(), "--out", out.toString(), "--rounds", "100",
                "--seeds", "1", "--form", "linear,tree", "--lambda", "0.5"));
        for (String f : List.of("simulation.json", "simulation.html", "tables/simulation_records.csv",
                "tables/simulation_summary.csv", "tables/simulation_checks.csv", "figures/simulation_scatter.png")) {
            assertTrue(Files.isRegularFile(out.resolve(f)), f);
        }
        try (var s = Files.list(dir)) {
            assertEquals(List.of(out), s.toList(), "no temporary folder left behind");
        }
        JsonNode r = new ObjectMapper().readTree(out.resolve("simulation.json").toFile());
        assertEquals(6, r.get("checks").size(), "three checks per form");
        assertTrue(r.get("notes").toString().contains("binary"), "binary outcome simulated as continuous is noted");
        assertTrue(r.get("records").size() > 10);
        assertTrue(r.get("records").get(0).has("value_true") || r.get("records").get(0).has("true_value"));
        String html = Files.readString(out.resolve("simulation.html"));
        assertTrue(html.contains("data:image/png;base64,"), "figure embedded");
        assertTrue(html.contains("optimal"));
    }

    @Test
    void badSettingsExitTwoWithOneLine(@TempDir Path dir) {
        StringWriter err = new StringWriter();
        int rc = Main.execute(new PrintWriter(err, true), "simulate", STUDY.toString(), "--out",
                dir.resolve("x").toString(), "--lambda", "2");
        assertEquals(2, rc, err.toString());
        assertTrue(err.toString().contains("--lambda"), err.toString());
        assertFalse(Files.exists(dir.resolve("x")));
    }
}
