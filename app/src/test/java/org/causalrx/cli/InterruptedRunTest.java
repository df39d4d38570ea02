package org.causalrx.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Outputs that must survive interruption and replacement, through the command line: a run killed with SIGKILL
 * during its write step leaves only a hidden temporary without results.json, which the next run into the same
 * folder sweeps; SIGTERM leaves nothing; {@code --overwrite} replaces a CausalRx output; recommend scores every
 * row but one holding 1e39. The interrupted runs are real child processes of a small NHEFS study (the first 600
 * patients, one estimator, 50 bootstrap rounds, two ATE folds).
 */
@Tag("slow")
class InterruptedRunTest {
    static final Path DATA = Path.of("examples", "nhefs", "nhefs.csv");
    /** Patients of the small study: its first rows of NHEFS. */
    static final int ROWS = 600;

    @TempDir
    static Path dir;

    static Path study;

    @BeforeAll
    static void firstRun() throws IOException {
        Path data = dir.resolve("nhefs-small.csv");
        Files.write(data, Files.readAllLines(DATA).subList(0, ROWS + 1));
        String yaml = Files.readString(Path.of("examples", "nhefs", "weight.yaml"))
                .replace("data: nhefs.csv", "data: " + data)
                .replace("rounds: 10000", "rounds: 50")
                .replace("ate: {folds: 5}", "ate: {folds: 2}\nestimators: [t_ridge]");
        study = dir.resolve("small.yaml");
        Files.writeString(study, yaml);
        assertEquals(0, Main.execute("run", study.toString(), "--out", dir.resolve("runs/a").toString()));
    }

    @Test
    void killedRunLeavesNothingFinishedAndTheNextRunSweepsIt() throws Exception {
        Path runs = dir.resolve("runs");
        Path a = runs.resolve("a");
        assertTrue(Files.isRegularFile(a.resolve(OutputDir.MARKER)) && Files.isRegularFile(a.resolve("results.json")));
        assertFalse(Files.exists(a.resolve(OutputDir.PARTIAL)));

        Process killed = startRun(runs.resolve("killed"));
        Path leftover = awaitTemp(killed, runs, ".killed.tmp-");
        killed.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        assertTrue(Files.isDirectory(leftover), "SIGKILL leaves the temporary: " + leftover);
        assertFalse(Files.exists(leftover.resolve("results.json")), "results.json is written last of all");
        assertTrue(Files.exists(leftover.resolve(OutputDir.PARTIAL))
                && !Files.exists(leftover.resolve(OutputDir.MARKER)),
                "the leftover says it is incomplete and carries no output marker");
        assertFalse(Files.exists(runs.resolve("killed")), "nothing at the target");

        // the next run into the same folder: refused without --overwrite, then replaces a and sweeps the leftover
        byte[] firstResults = Files.readAllBytes(a.resolve("results.json"));
        StringWriter err = new StringWriter();
        assertEquals(2, Main.execute(new PrintWriter(err, true), "run", study.toString(), "--out", a.toString()));
        assertTrue(err.toString().trim().contains("--overwrite") && !err.toString().trim().contains("\n"),
                err.toString());
        assertArrayEquals(firstResults, Files.readAllBytes(a.resolve("results.json")));
        assertEquals(0, Main.execute("run", study.toString(), "--out", a.toString(), "--overwrite"));
        assertArrayEquals(firstResults, Files.readAllBytes(a.resolve("results.json")), "same seed, same results");
        assertFalse(Files.exists(leftover), "the killed run's temporary is swept");
        assertEquals(List.of("a"), names(runs), "no temporary or replaced folder left");

        Process stopped = startRun(runs.resolve("stopped"));
        awaitTemp(stopped, runs, ".stopped.tmp-");
        stopped.destroy(); // SIGTERM
        assertTrue(stopped.waitFor(30, TimeUnit.SECONDS));
        assertEquals(List.of("a"), names(runs), "SIGTERM deletes the temporary; nothing at the target");
    }

    @Test
    void recommendScoresAroundAnOverflowingRowAndReplacesOnlyItsOwnFile() throws Exception {
        List<String> lines = new ArrayList<>(Files.readAllLines(DATA, StandardCharsets.UTF_8).subList(0, 11));
        int age = List.of(lines.get(0).split(",", -1)).indexOf("age");
        String[] f = lines.get(3).split(",", -1);
        f[age] = "1e39";
        lines.set(3, String.join(",", f));
        Path recs = dir.resolve("recs");
        Files.createDirectories(recs);
        Path input = recs.resolve("new.csv");
        Files.write(input, lines);
        Path out = recs.resolve("out.csv");
        String console = recommend(0, input, out);
        assertTrue(console.contains("9 of 10 patients scored"), console);
        assertTrue(console.contains("not scored: new.csv: column 'age' has numbers too large")
                && console.contains("(rows 3)"),
                console);
        List<String> written = Files.readAllLines(out);
        assertEquals(11, written.size());
        assertTrue(written.get(3).contains("E39' is beyond"), written.get(3));
        assertEquals(9, written.stream().skip(1).filter(l -> l.endsWith(",")).count(), "nine rows without error");

        String again = recommend(2, input, out);
        assertTrue(again.contains("--overwrite"), again);
        recommend(0, input, out, "--overwrite");
        assertEquals(written, Files.readAllLines(out), "its own earlier file is replaced by the same rows");
        assertEquals(List.of("new.csv", "out.csv"), names(recs), "no temporary left");
    }

    private static String recommend(int expected, Path input, Path out, String... more) {
        List<String> args = new ArrayList<>(List.of("recommend", "--model", dir.resolve("runs/a/model").toString(),
                "--input", input.toString(), "--out", out.toString()));
        args.addAll(List.of(more));
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        StringWriter err = new StringWriter();
        PrintStream old = System.out;
        int code;
        try {
            System.setOut(new PrintStream(console, true, StandardCharsets.UTF_8));
            code = Main.execute(new PrintWriter(err, true), args.toArray(String[]::new));
        } finally {
            System.setOut(old);
        }
        String text = console.toString(StandardCharsets.UTF_8) + err;
        assertEquals(expected, code, text);
        return text;
    }

    private static Process startRun(Path out) throws IOException {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // the child's temporary files (native libraries unpacked from the class path) go under the test's folder:
        // a child killed with SIGKILL cannot delete them at exit
        Path tmp = Files.createDirectories(dir.resolve("child-tmp"));
        return new ProcessBuilder(java, "-Djava.io.tmpdir=" + tmp, "-cp", cp, Main.class.getName(), "run",
                study.toString(), "--out", out.toString()).redirectErrorStream(true)
                .redirectOutput(dir.resolve(out.getFileName() + ".log").toFile()).start();
    }

    /** Waits until the child's temporary output folder holds its figures (the write step is under way). */
    private static Path awaitTemp(Process p, Path parent, String prefix) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            assertTrue(p.isAlive(), "the child ended before its write step: " + Files.readString(
                    dir.resolve(prefix.substring(1, prefix.indexOf(".tmp")) + ".log")));
            try (Stream<Path> s = Files.list(parent)) {
                Path tmp = s.filter(x -> x.getFileName().toString().startsWith(prefix)).findFirst().orElse(null);
                if (tmp != null && Files.isDirectory(tmp.resolve("figures"))) {
                    return tmp;
                }
            }
            Thread.sleep(5);
        }
        p.destroyForcibly();
        throw new AssertionError("no " + prefix + "* folder in " + parent + " within 120 s");
    }

    private static List<String> names(Path d) throws IOException {
        try (Stream<Path> s = Files.list(d)) {
            return s.map(x -> x.getFileName().toString()).sorted().toList();
        }
    }
}
