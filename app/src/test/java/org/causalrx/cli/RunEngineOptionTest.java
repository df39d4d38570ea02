package org.causalrx.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run --engine spark} reaching the app's jar (no spark module on the class path) exits 2 with one line that
 * says how to get the spark engine, and writes nothing; an unknown engine and a master without spark are refused alike.
 */
class RunEngineOptionTest {
    @Test
    void sparkEngineWithoutTheSparkJarIsOneClearLine(@TempDir Path dir) {
        assertRefused(dir, "spark module", "run", dir.resolve("s.yaml").toString(), "--engine", "spark", "--master",
                "local[2]", "--out", dir.resolve("out").toString());
        assertRefused(dir, "use local (default) or spark", "run", dir.resolve("s.yaml").toString(), "--engine",
                "flink", "--out", dir.resolve("out").toString());
        assertRefused(dir, "--master is for --engine spark", "run", dir.resolve("s.yaml").toString(), "--master",
                "local[2]", "--out", dir.resolve("out").toString());
    }

    private static void assertRefused(Path dir, String says, String... args) {
        StringWriter err = new StringWriter();
        int code = Main.execute(new PrintWriter(err, true), args);
        String text = err.toString().strip();
        assertEquals(2, code, text);
        assertEquals(1, text.lines().count(), text);
        assertTrue(text.startsWith("error: ") && text.contains(says), text);
        assertFalse(Files.exists(dir.resolve("out")));
    }
}
