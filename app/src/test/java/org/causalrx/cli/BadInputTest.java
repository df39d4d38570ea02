package org.causalrx.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each kind of bad input exits non-zero with one line naming the file, the column and (where rows are at fault)
 * a row, and writes no output folder.
 */
class BadInputTest {

    private static final String GOOD_CSV = "id,t,y,age,sex\n1,0,1.5,40,m\n2,1,2.5,50,f\n3,0,0.5,60,f\n4,1,3.0,45,m\n"
            + "5,0,1.0,52,m\n6,1,2.0,38,f\n7,0,1.2,61,f\n8,1,2.2,47,m\n9,0,0.9,55,m\n10,1,2.9,44,f\n";

    private static String study(String dataFile, String outcomeExtra, String extraKey) {
        return "name: bad\n"
                + "protocol: {question: q, decision_time: d, population: p, users: u}\n"
                + "data: " + dataFile + "\n"
                + "id: id\n"
                + "treatment: {column: t, arms: {\"0\": control, \"1\": treated}}\n"
                + "outcome: {column: y, type: continuous, direction: higher" + outcomeExtra + "}\n"
                + "covariates:\n"
                + "  - {name: age, role: confounder}\n"
                + "  - {name: sex, role: confounder, type: categorical}\n"
                + "seed: 1\n"
                + "bootstrap: {rounds: 20}\n"
                + "ate: {folds: 2}\n"
                + extraKey;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            missing data file          | - | nothing.csv | nothing.csv
            unknown column             | age->agee | data.csv | agee
            treatment not binary       | t:2 | data.csv | t
            treatment constant         | t:all0 | data.csv | t
            covariate entirely missing | age:empty | data.csv | age
            outcome missing, no policy | y:row3 | data.csv | y
            non-numeric in numeric     | age:row2=abc | data.csv | age
            empty file                 | empty | data.csv | data.csv
            unknown yaml key           | yaml:colour | data.csv | colour
            """)
    void badInputGivesOneClearLineAndNoOutput(String label, String breakage, String dataFile, String mustName,
                                              @TempDir Path dir) throws Exception {
        String csv = GOOD_CSV;
        String yaml = study(dataFile, "", "");
        switch (breakage) {
            case "age->agee" -> yaml = yaml.replace("name: age", "name: agee");
            case "t:2" -> csv = csv.replace("\n3,0,", "\n3,2,");
            case "t:all0" -> csv = csv.replaceAll("\n(\\d+),1,", "\n$1,0,");
            case "age:empty" -> csv = csv.replaceAll("(\n\\d+,[01],[0-9.]+,)\\d+,", "$1,");
            case "y:row3" -> csv = csv.replace("\n3,0,0.5,", "\n3,0,,");
            case "age:row2=abc" -> csv = csv.replace("\n2,1,2.5,50,", "\n2,1,2.5,abc,");
            case "empty" -> csv = "";
            case "yaml:colour" -> yaml = study(dataFile, "", "colour: blue\n");
            default -> { }
        }
        if (!breakage.equals("-")) {
            Files.writeString(dir.resolve("data.csv"), csv);
        }
        Path studyFile = dir.resolve("study.yaml");
        Files.writeString(studyFile, yaml);
        Path out = dir.resolve("out");
        StringWriter err = new StringWriter();
        int code = Main.execute(new PrintWriter(err, true), "run", studyFile.toString(), "--out", out.toString());
        String msg = err.toString().trim();
        assertEquals(2, code, label + ": " + msg);
        assertFalse(msg.contains("\n"), label + ": one line, got " + msg);
        assertTrue(msg.contains(mustName), label + ": message names '" + mustName + "': " + msg);
        assertFalse(Files.exists(out), label + ": no output folder");
        try (var files = Files.list(dir)) {
            assertTrue(files.noneMatch(f -> f.getFileName().toString().startsWith(".out")), "no temp folder left");
        }
    }
}
