package org.causalrx.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.causalrx.cohort.CohortDictionary;
import org.causalrx.data.Column;
import org.causalrx.data.Table;
import org.causalrx.data.TableReader;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The MIMIC-IV demo example: {@code cohort} writes the wide table and its dictionary; {@code run} on the same study
 * builds the table itself and stops at the preconditions exit point (too few patients), writing nothing.
 */
class CohortCommandTest {
    static Path demo() {
        Path p = Path.of("examples", "mimic-demo", "study.yaml");
        return Files.exists(p) ? p : Path.of("..").resolve(p);
    }

    static int execute(StringWriter err, String... args) {
        return Main.execute(new PrintWriter(err, true), args);
    }

    @Test
    void buildsTheDemoCohortWithItsDictionary(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("mimic.parquet");
        StringWriter err = new StringWriter();
        String console = BadInputMatrixTest.stdout(() -> assertEquals(0,
                execute(err, "cohort", demo().toString(), "--out", out.toString()), err.toString()));
        assertTrue(console.contains("275 stays"), console);
        Table t = TableReader.read(out);
        List<String> dict = Files.readAllLines(dir.resolve("mimic.dictionary.csv"));
        assertEquals(CohortDictionary.CSV_HEADER, dict.get(0));
        assertEquals(t.columnNames().size(), dict.size() - 1);
        for (int j = 0; j < t.columnNames().size(); j++) {
            assertTrue(dict.get(j + 1).startsWith(t.columnNames().get(j) + ","), dict.get(j + 1));
        }
        Column stay = t.column("hadm_id");
        Set<String> stays = new HashSet<>();
        for (int i = 0; i < t.rowCount(); i++) {
            assertTrue(stays.add(stay.text(i)), "one row per stay");
            double age = ((Column.Numeric) t.column("age")).get(i);
            assertTrue(age >= 18, "include: age >= 18");
        }
        Column treated = t.column("loop_diuretic");
        long ones = java.util.stream.IntStream.range(0, t.rowCount()).filter(i -> treated.text(i).equals("1")).count();
        assertTrue(ones > 0 && ones < t.rowCount(), "both arms present: " + ones + " of " + t.rowCount());
        assertTrue(console.contains(t.rowCount() + " kept"), console);
        // a second write needs --overwrite, which replaces only our own output
        assertEquals(2, execute(new StringWriter(), "cohort", demo().toString(), "--out", out.toString()));
        assertEquals(0, execute(new StringWriter(), "cohort", demo().toString(), "--out", out.toString(),
                "--overwrite"));
        Path foreign = dir.resolve("foreign.parquet");
        Files.writeString(foreign, "x");
        assertEquals(2, execute(new StringWriter(), "cohort", demo().toString(), "--out", foreign.toString(),
                "--overwrite"));
        assertEquals("x", Files.readString(foreign));
    }

    @Test
    @Tag("slow")
    void runStopsAtThePreconditionsExitPoint(@TempDir Path dir) {
        Path out = dir.resolve("run");
        StringWriter err = new StringWriter();
        BadInputMatrixTest.stdout(() -> assertEquals(2, execute(err, "run", demo().toString(), "--out",
                out.toString())));
        String msg = err.toString().trim();
        assertFalse(msg.contains("\n"), msg);
        assertTrue(msg.contains("preconditions not met") && msg.contains("at least 100 patients and 30 per arm"),
                msg);
        assertTrue(msg.contains("'loop diuretic within 24 h'"), msg);
        assertFalse(Files.exists(out));
    }

    @Test
    void aStudyWithoutACohortBlockIsOneLine(@TempDir Path dir) {
        Path nhefs = demo().getParent().getParent().resolve("nhefs").resolve("study.yaml");
        StringWriter err = new StringWriter();
        assertEquals(2, execute(err, "cohort", nhefs.toString(), "--out", dir.resolve("c.parquet").toString()));
        assertTrue(err.toString().trim().contains("has no cohort: block"), err.toString());
        assertFalse(Files.exists(dir.resolve("c.parquet")));
    }
}
