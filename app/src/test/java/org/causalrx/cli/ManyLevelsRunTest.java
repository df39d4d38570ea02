package org.causalrx.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A categorical covariate with 150 levels over 300 patients (two per level, a one-hot column each): the run
 * completes, and the console and results.json warn about the level count, naming the column and advising to group
 * rare levels.
 */
@Tag("slow")
class ManyLevelsRunTest {
    private static final int LEVELS = 150;

    @TempDir
    Path dir;

    @Test
    void runCompletesAndWarnsAboutTheLevelCount() throws Exception {
        StringBuilder sb = new StringBuilder("id,t,y,age,sex,clinic\n");
        String[] lines = BadInputMatrixTest.csv(2 * LEVELS).split("\n");
        for (int i = 1; i < lines.length; i++) {
            sb.append(lines[i]).append(",c").append((i * 37) % LEVELS).append('\n');
        }
        Files.writeString(dir.resolve("data.csv"), sb.toString());
        String yaml = BadInputMatrixTest.study("data.csv", "continuous", "estimators: [t_ridge, t_lasso]\n")
                .replace("covariates:\n", "covariates:\n  - {name: clinic, role: confounder, type: categorical}\n");
        Files.writeString(dir.resolve("study.yaml"), yaml);
        Path run = dir.resolve("run");
        String console = BadInputMatrixTest.stdout(() -> assertEquals(0,
                Main.execute("run", dir.resolve("study.yaml").toString(), "--out", run.toString())));
        String expected = "categorical covariate 'clinic' has " + LEVELS + " levels (more than 50)";
        assertTrue(console.contains("warning: " + expected), console);
        assertTrue(console.contains("group rare levels into broader ones"), console);
        JsonNode warnings = new ObjectMapper().readTree(run.resolve("results.json").toFile()).get("data_warnings");
        boolean found = false;
        for (JsonNode w : warnings) {
            found |= w.asText().startsWith(expected);
        }
        assertTrue(found, warnings.toString());
        assertTrue(Files.exists(run.resolve("report.html")));
    }
}
