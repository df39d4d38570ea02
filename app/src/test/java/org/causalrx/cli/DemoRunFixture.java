package org.causalrx.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The README's demo study ({@code examples/nhefs/study.yaml}, unchanged) run once through {@code causalrx run} and
 * shared by the test classes of one JVM (the whole pipeline with its feasibility simulation takes minutes), and
 * reduced copies of it for tests about the command line rather than the numbers.
 */
public final class DemoRunFixture {
    /** The demo study as the README runs it. */
    public static final Path STUDY = Path.of("examples", "nhefs", "study.yaml");
    /** Bootstrap rounds of the shared run (the study's 10000 only narrow the intervals). */
    public static final String ROUNDS = "400";

    private static Path shared;

    private DemoRunFixture() {
    }

    /**
     * The output folder of the shared demo run; runs the study on first use, into a fresh temporary folder that
     * holds nothing else. Tests must not change it.
     */
    public static synchronized Path run() throws IOException {
        if (shared == null) {
            Path out = ScratchFolder.create("causalrx-demo-test").resolve("demo");
            assertEquals(0, Main.execute("run", STUDY.toString(), "--out", out.toString(), "--rounds", ROUNDS));
            shared = out;
        }
        return shared;
    }

    /**
     * The demo study with every stage and estimator but less of each: the first {@code rows} patients, one
     * simulated data set of 100 rounds, two deferral refits and two ATE folds; written with its data into
     * {@code dir}, returns the study file.
     */
    public static Path reduced(Path dir, int rows) throws IOException {
        List<String> lines = Files.readAllLines(STUDY.resolveSibling("nhefs.csv"));
        Files.write(dir.resolve("nhefs-small.csv"), lines.subList(0, rows + 1));
        String yaml = Files.readString(STUDY);
        yaml = replace(yaml, "data: nhefs.csv", "data: nhefs-small.csv");
        yaml = replace(yaml, "seeds: 3, rounds: 500", "seeds: 1, rounds: 100");
        yaml = replace(yaml, "bootstrap_refits: 10", "bootstrap_refits: 2");
        yaml = replace(yaml, "ate: {folds: 5}", "ate: {folds: 2}");
        return Files.writeString(dir.resolve("small.yaml"), yaml);
    }

    private static String replace(String text, String from, String to) {
        assertTrue(text.contains(from), "the demo study has '" + from + "'");
        return text.replace(from, to);
    }
}
