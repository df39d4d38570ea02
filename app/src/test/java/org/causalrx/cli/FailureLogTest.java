package org.causalrx.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An unexpected failure becomes one line (command, failure, log path); the stack trace goes to the log. */
class FailureLogTest {

    @Test
    void oneLineNamesTheCommandAndTheLogWithTheDetails(@TempDir Path dir) throws Exception {
        Exception ex = new IllegalStateException("XGBoost training failed: [19:42] check failed\n  [bt] (0) frame",
                new RuntimeException("inner cause"));
        Path logs = dir.resolve("logs");
        String line = FailureLog.report(ex, new String[] {"run", "study.yaml", "--out", "out"}, logs);
        assertFalse(line.contains("\n"), line);
        assertTrue(line.startsWith("internal error while running `causalrx run study.yaml --out out`: "
                + "IllegalStateException (XGBoost training failed: [19:42] check failed); details in "), line);
        List<Path> written;
        try (var files = Files.list(logs)) {
            written = files.toList();
        }
        assertEquals(1, written.size());
        assertTrue(line.contains(written.get(0).toAbsolutePath().toString()), line);
        String log = Files.readString(written.get(0));
        assertTrue(log.startsWith("command: causalrx run study.yaml --out out\n"), log);
        assertTrue(log.contains("at org.causalrx.cli.FailureLogTest"), "stack trace in the log");
        assertTrue(log.contains("inner cause"), "cause in the log");
    }

    @Test
    void anUnwritableFolderFallsBackToTheTemporaryFolder(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("not-a-folder");
        Files.writeString(file, "x");
        String line = FailureLog.report(new NullPointerException(), new String[] {"check", "s.yaml"}, file);
        assertTrue(line.contains("NullPointerException; details in " + Path.of(System.getProperty("java.io.tmpdir"))
                .toAbsolutePath()), line);
        Path log = Path.of(line.substring(line.indexOf("details in ") + 11, line.indexOf(" (please")));
        assertTrue(Files.isRegularFile(log));
        Files.delete(log);
    }
}
