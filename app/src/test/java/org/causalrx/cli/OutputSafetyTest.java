package org.causalrx.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Output targets a command may not write, through the command line: each exits 2 with one line saying why and
 * what to do, and leaves every file in the work folder exactly as it was (nothing replaced, nothing deleted, no
 * temporary left). The targets are refused before any work is done, so these cases take milliseconds.
 */
class OutputSafetyTest {

    private static final String CSV = "id,t,y,age\n1,0,1.5,40\n2,1,2.5,50\n3,0,0.5,60\n4,1,3.0,45\n";

    private static final String STUDY = "name: safe\n"
            + "protocol: {question: q, decision_time: d, population: p, users: u}\n"
            + "data: data.csv\n"
            + "id: id\n"
            + "treatment: {column: t, arms: {\"0\": control, \"1\": treated}}\n"
            + "outcome: {column: y, type: continuous, direction: higher}\n"
            + "covariates:\n"
            + "  - {name: age, role: confounder}\n"
            + "seed: 1\n";

    @ParameterizedTest(name = "{1}: {0}")
    @CsvSource(delimiter = '|', textBlock = """
        foreign non-empty folder        | run       | out/             | -           | already exists and is not empty
        foreign folder with --overwrite | run | out/ | --overwrite | does not carry the marker file .causalrx-output
        marker, but an unlisted file    | run       | marked/          | --overwrite | notes.txt
        --out is the study's folder     | run       | study/           | --overwrite | holds the input
        --out is a parent of the data   | run       | .                | --overwrite | holds the input
        --out . (the current folder)    | run       | CWD              | -           | the current folder
        --out . with --overwrite        | run       | CWD              | --overwrite | the current folder
        --out is a file                 | run       | out/a.txt        | --overwrite | is not a folder
        foreign non-empty folder        | simulate  | out/             | -           | already exists and is not empty
        --out is the study's folder     | simulate  | study/           | --overwrite | holds the input
        --out is --input                | recommend | study/data.csv   | -           | is the input
        --out is --input, --overwrite   | recommend | study/data.csv   | --overwrite | is the input
        file not ours                   | recommend | out/a.txt        | -           | already exists
        file not ours, --overwrite      | recommend | out/a.txt        | --overwrite | does not carry the header line
        """)
    void refusedTargetGivesOneLineAndChangesNothing(String label, String command, String target, String flag,
                                                    String mustSay, @TempDir Path dir) throws Exception {
        Path study = dir.resolve("study");
        Files.createDirectories(study);
        Files.writeString(study.resolve("data.csv"), CSV);
        Files.writeString(study.resolve("study.yaml"), STUDY);
        Files.createDirectories(dir.resolve("out"));
        Files.writeString(dir.resolve("out").resolve("a.txt"), "the user's own notes\n");
        Files.createDirectories(dir.resolve("marked"));
        Files.writeString(dir.resolve("marked").resolve(OutputDir.MARKER), "# written by causalrx run\nreport.html\n");
        Files.writeString(dir.resolve("marked").resolve("report.html"), "<html></html>\n");
        Files.writeString(dir.resolve("marked").resolve("notes.txt"), "added by the user\n");
        String out = target.equals("CWD") ? "." : dir.resolve(target).normalize().toString();
        Map<String, String> before = snapshot(dir);
        List<String> args = new ArrayList<>(switch (command) {
            case "run", "simulate" -> List.of(command, study.resolve("study.yaml").toString(), "--out", out);
            case "recommend" -> List.of(command, "--model", dir.resolve("no-model").toString(), "--input",
                    study.resolve("data.csv").toString(), "--out", out);
            default -> throw new IllegalArgumentException("no such command in this table: " + command);
        });
        if (!flag.equals("-")) {
            args.add(flag);
        }
        StringWriter err = new StringWriter();
        int code = Main.execute(new PrintWriter(err, true), args.toArray(String[]::new));
        String msg = err.toString().trim();
        assertEquals(2, code, label + ": " + msg);
        assertFalse(msg.contains("\n"), label + ": one line, got " + msg);
        assertTrue(msg.contains(mustSay), label + ": says '" + mustSay + "': " + msg);
        assertTrue(msg.contains("--out"), label + ": says how to choose another target: " + msg);
        assertEquals(before, snapshot(dir), label + ": every file as it was, no temporary left");
    }

    /** Every path under {@code dir} (hidden ones included) with its content. */
    static Map<String, String> snapshot(Path dir) throws IOException {
        Map<String, String> m = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.toList()) {
                m.put(dir.relativize(p).toString(), Files.isRegularFile(p) ? Files.readString(p) : "<dir>");
            }
        }
        return m;
    }
}
