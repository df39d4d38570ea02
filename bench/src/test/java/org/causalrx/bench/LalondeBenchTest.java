package org.causalrx.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bench lalonde} refuses to start without its data, in one line, and writes nothing. */
class LalondeBenchTest {
    @Test
    void missingDataIsAOneLineUsageError(@TempDir Path dir) {
        Path out = dir.resolve("b.json");
        StringWriter err = new StringWriter();
        assertEquals(2, BenchMain.execute(new PrintWriter(err, true), "bench", "lalonde", "--out", out.toString()));
        String msg = err.toString().strip();
        assertTrue(msg.startsWith("error: ") && msg.contains("--data") && msg.contains(LalondeBench.FILE), msg);
        assertFalse(msg.contains("\n"), "one line: " + msg);
        assertFalse(Files.exists(out));

        StringWriter err2 = new StringWriter();
        assertEquals(2, BenchMain.execute(new PrintWriter(err2, true), "bench", "lalonde", "--data", dir.toString(),
                "--out", out.toString()));
        msg = err2.toString().strip();
        assertTrue(msg.contains("does not exist") && msg.contains(LalondeBench.FILE), msg);
        assertFalse(msg.contains("\n"), "one line: " + msg);
        assertFalse(Files.exists(out));
    }
}
