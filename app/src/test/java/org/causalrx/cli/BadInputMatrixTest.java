package org.causalrx.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Data that passes the declarations but cannot be fitted, and misleading inputs: both {@code check} and {@code run}
 * exit 2 with one line naming the fault, before any model is fitted; no output folder or temporary folder is
 * left and the study and data files are unchanged. Inputs a run accepts but a person should look at are warned
 * about by {@code check}.
 */
class BadInputMatrixTest {

    /** 60 patients, 30 per arm; y continuous and varying; rows are 1-based data rows. */
    static String csv(int rows) {
        StringBuilder sb = new StringBuilder("id,t,y,age,sex\n");
        for (int i = 1; i <= rows; i++) {
            int t = i % 2;
            int age = 30 + (i * 7) % 40;
            double y = 0.1 * age + t + ((i * 13) % 10) / 10.0;
            sb.append(String.format(Locale.ROOT, "%d,%d,%.1f,%d,%s%n", i, t, y, age, (i / 2) % 2 == 0 ? "m" : "f"));
        }
        return sb.toString();
    }

    static String study(String data, String outcomeType, String extra) {
        return "name: bad\n"
                + "protocol: {question: q, decision_time: d, population: p, users: u}\n"
                + "data: " + data + "\n"
                + "id: id\n"
                + "treatment: {column: t, arms: {\"0\": control, \"1\": treated}}\n"
                + "outcome: {column: y, type: " + outcomeType + ", direction: higher}\n"
                + "covariates:\n"
                + "  - {name: age, role: confounder}\n"
                + "  - {name: sex, role: confounder, type: categorical}\n"
                + "seed: 1\n"
                + "bootstrap: {rounds: 20}\n"
                + "ate: {folds: 2}\n"
                + extra;
    }

    /** Replaces field {@code col} (0-based) of 1-based data row {@code row}. */
    static String setCell(String csv, int row, int col, String value) {
        String[] lines = csv.split("\n");
        String[] f = lines[row].split(",", -1);
        f[col] = value;
        lines[row] = String.join(",", f);
        return String.join("\n", lines) + "\n";
    }

    @ParameterizedTest(name = "{0} ({1})")
    @CsvSource(delimiter = '|', textBlock = """
        constant binary outcome | check | y is constant     | outcome column 'y' is constant&&all 60 analysis rows are 1
        constant binary outcome | run   | y is constant     | outcome column 'y' is constant
        binary outcome one arm  | check | y one arm         | arm 'treated'&&binary outcome 'y' is 1
        value beyond float32    | check | age 1e39          | column 'age'&&row 4: 1.0E39&&float32
        value beyond float32    | run   | age 1e39          | column 'age'&&row 4
        outcome beyond float32  | check | y 1e308           | outcome column 'y'&&row 7
        tiny cohort             | check | 10 rows           | arm 'control' has 5 patients&&training split
        tiny cohort             | run   | 10 rows           | arm 'control' has 5 patients
        no test rows in split   | check | test 0.0001       | test split (test: 0.0001) gets 0&&study.yaml
        no test rows in split   | run   | test 0.0001       | test split (test: 0.0001) gets 0
        too many folds for arms | check | 20 folds          | ate.folds&&40 (2 per fold)
        outcomes missing, drop  | check | y all missing     | outcome column 'y' is missing in every row
        outcomes missing, drop  | run   | y all missing     | outcome column 'y' is missing in every row
        ids repeated | check | ids repeated | repeats 2 ids: '900' twice (rows 2, 9), '257' 3 times (rows 6, 11, 14)
        semicolon separated     | check | semicolons        | separated by ';' (4 of them), not by ','
        semicolon separated     | run   | semicolons        | separated by ';'
        data path is a folder   | check | data folder       | is a folder, not a data file
        unknown estimator       | check | unknown estimator | study.yaml: 'estimators' lists unknown estimator 'x_magic'
        unknown estimator       | run   | unknown estimator | study.yaml&&'estimators'&&x_magic
        """)
    void refusedWithOneLineAndNothingWritten(String label, String command, String breakage, String mustName,
                                             @TempDir Path dir) throws Exception {
        String csv = csv(60);
        String type = "continuous";
        String extra = "";
        String data = "data.csv";
        switch (breakage) {
            case "y is constant" -> {
                type = "binary";
                csv = csv.replaceAll("(?m)^(\\d+,[01]),[0-9.]+,", "$1,1,");
            }
            case "y one arm" -> {
                type = "binary";
                csv = csv.replaceAll("(?m)^(\\d+,1),[0-9.]+,", "$1,1,");
                for (int r = 2; r <= 60; r += 2) {
                    csv = setCell(csv, r, 2, r % 4 == 0 ? "1" : "0");
                }
            }
            case "age 1e39" -> csv = setCell(csv, 4, 3, "1e39");
            case "y 1e308" -> csv = setCell(csv, 7, 2, "1e308");
            case "10 rows" -> csv = csv(10);
            case "test 0.0001" -> extra = "split: {train: 0.7, validation: 0.2999, test: 0.0001}\n";
            case "20 folds" -> { }
            case "y all missing" -> csv = csv.replaceAll("(?m)^(\\d+,[01]),[0-9.]+,", "$1,,");
            case "ids repeated" -> {
                csv = setCell(setCell(setCell(csv, 6, 0, "257"), 11, 0, "257"), 14, 0, "257");
                csv = setCell(setCell(csv, 2, 0, "900"), 9, 0, "900");
            }
            case "semicolons" -> csv = csv.replace(",", ";").replaceAll("(\\d)\\.(\\d)", "$1,$2");
            case "data folder" -> data = "folder";
            case "unknown estimator" -> extra = "estimators: [t_xgboost, x_magic]\n";
            default -> throw new IllegalArgumentException(breakage);
        }
        String yaml = study(data, type, extra);
        if (breakage.equals("20 folds")) {
            yaml = yaml.replace("ate: {folds: 2}", "ate: {folds: 20}");
        }
        if (breakage.equals("y all missing")) {
            yaml = yaml.replace("direction: higher", "direction: higher, missing: drop");
        }
        Files.writeString(dir.resolve("data.csv"), csv);
        Files.createDirectories(dir.resolve("folder"));
        Path studyFile = dir.resolve("study.yaml");
        Files.writeString(studyFile, yaml);
        byte[] dataBefore = Files.readAllBytes(dir.resolve("data.csv"));
        byte[] studyBefore = Files.readAllBytes(studyFile);
        Path out = dir.resolve("out");
        StringWriter err = new StringWriter();
        List<String> args = new ArrayList<>(List.of(command, studyFile.toString()));
        if (command.equals("run")) {
            args.addAll(List.of("--out", out.toString()));
        }
        int code = Main.execute(new PrintWriter(err, true), args.toArray(String[]::new));
        String msg = err.toString().trim();
        assertEquals(2, code, label + ": " + msg);
        assertFalse(msg.contains("\n"), label + ": one line, got " + msg);
        assertTrue(msg.startsWith("error: "), msg);
        for (String part : mustName.split("&&")) {
            assertTrue(msg.contains(part.trim()), label + ": message names '" + part.trim() + "': " + msg);
        }
        assertFalse(Files.exists(out), label + ": no output folder");
        try (var files = Files.list(dir)) {
            assertEquals(List.of("data.csv", "folder", "study.yaml"),
                    files.map(f -> f.getFileName().toString()).sorted().toList(), "nothing else left behind");
        }
        assertArrayEquals(dataBefore, Files.readAllBytes(dir.resolve("data.csv")), "data unchanged");
        assertArrayEquals(studyBefore, Files.readAllBytes(studyFile), "study unchanged");
    }

    @Test
    void aCohortThatFailsItsChecksStopsTheRunBeforeTheFeasibilitySimulation(@TempDir Path dir) throws Exception {
        // the simulation calibrates the deferral, so it runs before the fits; the cohort check still comes first
        Files.writeString(dir.resolve("data.csv"), csv(60).replaceAll("(?m)^(\\d+,[01]),[0-9.]+,", "$1,,"));
        Path studyFile = dir.resolve("study.yaml");
        Files.writeString(studyFile, study("data.csv", "continuous", "simulation: {forms: [linear], seeds: 1}\n"
                + "deferral: {alpha_stat: 0.05, lambda: 1.5}\n").replace("direction: higher",
                "direction: higher, missing: drop"));
        StringWriter err = new StringWriter();
        String console = stdout(() -> assertEquals(2, Main.execute(new PrintWriter(err, true), "run",
                studyFile.toString(), "--out", dir.resolve("out").toString())));
        assertTrue(err.toString().contains("outcome column 'y' is missing in every row"), err.toString());
        assertFalse(console.contains("simulation"), "the simulation never started: " + console);
        assertFalse(Files.exists(dir.resolve("out")));
    }

    @Test
    void checkWarnsAboutIdCovariateConstantCovariateAndManyLevels(@TempDir Path dir) throws Exception {
        StringBuilder sb = new StringBuilder("id,t,y,age,sex,site,unit\n");
        String[] lines = csv(120).split("\n");
        for (int i = 1; i < lines.length; i++) {
            sb.append(lines[i]).append(",s").append(i % 60).append(",icu\n");
        }
        Files.writeString(dir.resolve("data.csv"), sb.toString());
        String yaml = study("data.csv", "continuous", "").replace("covariates:\n", "covariates:\n"
                + "  - {name: id, role: confounder}\n"
                + "  - {name: site, role: confounder, type: categorical}\n"
                + "  - {name: unit, role: confounder, type: categorical}\n");
        Path studyFile = dir.resolve("study.yaml");
        Files.writeString(studyFile, yaml);
        String out = stdout(() -> assertEquals(0, Main.execute("check", studyFile.toString())));
        assertTrue(out.contains("warning: covariate 'id' is the id column"), out);
        assertTrue(out.contains("warning: covariate 'unit' has one value only ('icu'"), out);
        assertTrue(out.contains("warning: categorical covariate 'site' has 60 levels (more than 50)"), out);
        assertTrue(out.contains("group rare levels"), out);
        assertTrue(out.contains("3 warnings"), out);
    }

    @Test
    void checkOfACleanStudyHasNoWarnings(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("data.csv"), csv(60));
        Path studyFile = dir.resolve("study.yaml");
        Files.writeString(studyFile, study("data.csv", "continuous", ""));
        String out = stdout(() -> assertEquals(0, Main.execute("check", studyFile.toString())));
        assertFalse(out.contains("warning"), out);
        assertTrue(out.contains("ok: 2 covariates kept, 0 dropped" + System.lineSeparator()), out);
    }

    static String stdout(Runnable r) {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        PrintStream old = System.out;
        try {
            System.setOut(new PrintStream(console, true, StandardCharsets.UTF_8));
            r.run();
        } finally {
            System.setOut(old);
        }
        return console.toString(StandardCharsets.UTF_8);
    }
}
