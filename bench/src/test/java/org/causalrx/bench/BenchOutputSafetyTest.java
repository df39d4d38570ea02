package org.causalrx.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Results files a benchmark may not write, through {@code causalrx bench}: each exits 2 with one line saying why and
 * what to do, and leaves every file in the work folder exactly as it was. The target is refused before any work, so
 * these cases take milliseconds; {@code bench} without a subcommand lists the benchmarks.
 */
class BenchOutputSafetyTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            existing file not ours | grf | out/a.txt | - | already exists
            existing file not ours, --overwrite | grf | out/a.txt | --overwrite | does not carry a "written_by"
            CSV not ours, --overwrite | ihdp | out/a.txt | --overwrite | does not carry the header line
            --out is the study file, --overwrite | nhefs | study/study.yaml | --overwrite | is the input
            --out is the study file (categorical) | categorical | study/study.yaml | - | is the input
            --out is the data folder (lalonde) | lalonde | study | --overwrite | is the input
            """)
    void refusedTargetGivesOneLineAndChangesNothing(String label, String bench, String target, String flag,
                                                    String mustSay, @TempDir Path dir) throws Exception {
        Path study = Files.createDirectories(dir.resolve("study"));
        Files.writeString(study.resolve("study.yaml"), "name: safe\n");
        Files.createDirectories(dir.resolve("out"));
        Files.writeString(dir.resolve("out").resolve("a.txt"), "the user's own notes\n");
        Map<String, String> before = snapshot(dir);
        List<String> args = new ArrayList<>(List.of("bench", bench, "--out", dir.resolve(target).toString()));
        switch (bench) {
            case "nhefs", "categorical" -> args.addAll(List.of("--study", study.resolve("study.yaml").toString()));
            case "ihdp", "lalonde" -> args.addAll(List.of("--data", study.toString()));
            default -> { }
        }
        if (!flag.equals("-")) {
            args.add(flag);
        }
        StringWriter err = new StringWriter();
        int code = BenchMain.execute(new PrintWriter(err, true), args.toArray(String[]::new));
        String msg = err.toString().trim();
        assertEquals(2, code, label + ": " + msg);
        assertFalse(msg.contains("\n"), label + ": one line, got " + msg);
        assertTrue(msg.contains(mustSay), label + ": says '" + mustSay + "': " + msg);
        assertTrue(msg.contains("--out"), label + ": says how to choose another target: " + msg);
        assertEquals(before, snapshot(dir), label + ": every file as it was, no temporary left");
    }

    @Test
    void benchAloneListsEveryBenchmark() {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        PrintStream old = System.out;
        int code;
        try {
            System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
            code = BenchMain.execute(new PrintWriter(new StringWriter(), true), "bench");
        } finally {
            System.setOut(old);
        }
        String usage = buf.toString(StandardCharsets.UTF_8);
        assertEquals(0, code);
        for (String name : List.of("nhefs", "policy", "ihdp", "ihdp-sim", "acic", "grf", "categorical", "lalonde")) {
            assertTrue(usage.contains("  " + name + " "), name + " listed: " + usage);
        }
    }

    /** Every path under {@code dir} (hidden ones included) with its content. */
    private static Map<String, String> snapshot(Path dir) throws IOException {
        Map<String, String> m = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.toList()) {
                m.put(dir.relativize(p).toString(), Files.isRegularFile(p) ? Files.readString(p) : "<dir>");
            }
        }
        return m;
    }
}
