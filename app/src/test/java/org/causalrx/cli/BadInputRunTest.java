package org.causalrx.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One run (one estimator) of a study whose covariates include the id column and a constant column: the warnings
 * reach results.json and report.html; then {@code recommend} with its bundle: a missing --input file is named as
 * such, and repeated or blank ids in the input and files the manifest does not list are warned about.
 */
@Tag("slow")
class BadInputRunTest {
    @TempDir
    static Path dir;

    static Path run;
    static String runConsole;

    @BeforeAll
    static void runOnce() throws Exception {
        StringBuilder sb = new StringBuilder("id,t,y,age,sex,unit\n");
        String[] lines = BadInputMatrixTest.csv(200).split("\n");
        for (int i = 1; i < lines.length; i++) {
            sb.append(lines[i]).append(",icu\n");
        }
        Files.writeString(dir.resolve("data.csv"), sb.toString());
        String yaml = BadInputMatrixTest.study("data.csv", "continuous", "estimators: [t_ridge]\n")
                .replace("covariates:\n", "covariates:\n"
                + "  - {name: id, role: confounder}\n"
                + "  - {name: unit, role: confounder, type: categorical}\n");
        Files.writeString(dir.resolve("study.yaml"), yaml);
        run = dir.resolve("run");
        runConsole = BadInputMatrixTest.stdout(() -> assertEquals(0,
                Main.execute("run", dir.resolve("study.yaml").toString(), "--out", run.toString())));
    }

    @Test
    void warningsReachTheConsoleResultsAndReport() throws Exception {
        JsonNode warnings = new ObjectMapper().readTree(run.resolve("results.json").toFile()).get("data_warnings");
        List<String> w = new ArrayList<>();
        warnings.forEach(n -> w.add(n.asText()));
        assertEquals(2, w.size(), w.toString());
        assertTrue(w.get(0).startsWith("covariate 'id' is the id column"), w.get(0));
        assertTrue(w.get(1).startsWith("covariate 'unit' has one value only"), w.get(1));
        String html = Files.readString(run.resolve("report.html"));
        assertTrue(html.contains("class=\"data-warning\"") && html.contains("has one value only"),
                "report shows the warning");
        assertTrue(runConsole.contains("warning: covariate 'id' is the id column"), runConsole);
        String csv = Files.readString(run.resolve("tables").resolve("data_warnings.csv"));
        assertTrue(csv.startsWith("warning\r\n") && csv.contains("covariate 'unit' has one value only"), csv);
    }

    @Test
    void missingInputFileIsNamedAsTheInput() throws Exception {
        StringWriter err = new StringWriter();
        Path out = dir.resolve("rec-missing.csv");
        int code = Main.execute(new PrintWriter(err, true), "recommend", "--model", run.resolve("model").toString(),
                "--input", dir.resolve("nothing.csv").toString(), "--out", out.toString());
        String msg = err.toString().trim();
        assertEquals(2, code, msg);
        assertFalse(msg.contains("\n"), msg);
        assertTrue(msg.contains("nothing.csv: data file not found; check --input"), msg);
        assertFalse(msg.contains("study file"), msg);
        assertFalse(Files.exists(out));
    }

    @Test
    void repeatedAndBlankIdsAndUnlistedBundleFilesAreWarned() throws Exception {
        Path model = dir.resolve("model-copy");
        Files.createDirectories(model);
        try (var files = Files.list(run.resolve("model"))) {
            for (Path f : files.toList()) {
                Files.copy(f, model.resolve(f.getFileName()));
            }
        }
        Files.writeString(model.resolve("notes.txt"), "left here by hand\n");
        String input = "id,t,y,age,sex,unit\n1,0,1,40,m,icu\n2,1,1,50,f,icu\n1,0,1,41,f,icu\n,1,1,52,m,icu\n";
        Files.writeString(dir.resolve("new.csv"), input);
        byte[] before = Files.readAllBytes(dir.resolve("new.csv"));
        Path out = dir.resolve("rec.csv");
        String console = BadInputMatrixTest.stdout(() -> assertEquals(0, Main.execute("recommend", "--model",
                model.toString(), "--input", dir.resolve("new.csv").toString(), "--out", out.toString())));
        assertTrue(console.contains("warning: new.csv: id column 'id' repeats '1' twice (rows 1, 3)"), console);
        assertTrue(console.contains("id column 'id' is blank in 1 rows (rows 4)"), console);
        assertTrue(console.contains("1 file is not listed in manifest.json (notes.txt)"), console);
        assertTrue(Files.exists(out));
        assertArrayEquals(before, Files.readAllBytes(dir.resolve("new.csv")));
    }
}
