package org.causalrx.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * run writes DIR/model; recommend applies it to a CSV, reporting bad rows and scoring the rest. The weight study
 * with two ATE folds and 50 bootstrap rounds: the checks are on the files and their agreement, not the numbers.
 */
@Tag("slow")
class RecommendCommandTest {
    static final Path STUDY = Path.of("examples", "nhefs", "weight.yaml");
    static final Path DATA = Path.of("examples", "nhefs", "nhefs.csv");

    @TempDir
    static Path dir;

    static Path model;

    @BeforeAll
    static void run() throws Exception {
        String yaml = Files.readString(STUDY);
        assertTrue(yaml.contains("data: nhefs.csv") && yaml.contains("ate: {folds: 5}"), yaml);
        Path study = Files.writeString(dir.resolve("weight.yaml"), yaml
                .replace("data: nhefs.csv", "data: " + DATA.toAbsolutePath())
                .replace("ate: {folds: 5}", "ate: {folds: 2}"));
        assertEquals(0, Main.execute("run", study.toString(), "--out", dir.resolve("run").toString(), "--rounds",
                "50"));
        model = dir.resolve("run").resolve("model");
    }

    @Test
    void runWritesAChecksummedBundle() throws Exception {
        JsonNode manifest = new ObjectMapper().readTree(model.resolve("manifest.json").toFile());
        assertEquals(1, manifest.get("bundle_version").asInt());
        for (String f : List.of("bundle.json", "schema.json", "encoding.json", "propensity.json", "cate.json")) {
            assertTrue(manifest.at("/files").has(f), f);
        }
        JsonNode bundle = new ObjectMapper().readTree(model.resolve("bundle.json").toFile());
        JsonNode results = new ObjectMapper().readTree(dir.resolve("run").resolve("results.json").toFile());
        assertEquals(results.at("/policy_insights/selected_policy").asText(), bundle.at("/policy/name").asText());
        assertEquals(-1, bundle.at("/outcome/better_sign").asInt());
        boolean conservative = bundle.at("/policy/name").asText().endsWith("@conservative");
        assertEquals(conservative ? "conservative" : "inclusive", bundle.at("/policy/deferral_set").asText());
        if (conservative) {
            assertEquals(results.at("/deferral/lambda").asDouble(), bundle.at("/uncertainty/lambda").asDouble(), 0.0);
            assertEquals(results.at("/deferral/alpha_stat").asDouble(), bundle.at("/uncertainty/alpha_stat").asDouble(),
                    0.0);
        } else {
            assertTrue(bundle.at("/uncertainty/lambda").isNull());
        }
    }

    @Test
    void recommendScoresEveryValidRowAndListsTheOthers() throws Exception {
        List<String> lines = new ArrayList<>(Files.readAllLines(DATA, StandardCharsets.UTF_8).subList(0, 21));
        int age = List.of(lines.get(0).split(",", -1)).indexOf("age");
        String[] f = lines.get(4).split(",", -1);
        f[age] = "unknown";
        lines.set(4, String.join(",", f));
        Path input = dir.resolve("new.csv");
        Files.write(input, lines);
        Path recs = dir.resolve("out").resolve("recs.csv");
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        PrintStream old = System.out;
        int code;
        try {
            System.setOut(new PrintStream(console, true, StandardCharsets.UTF_8));
            code = Main.execute("recommend", "--model", model.toString(), "--input", input.toString(), "--out",
                    recs.toString());
        } finally {
            System.setOut(old);
        }
        String text = console.toString(StandardCharsets.UTF_8);
        assertEquals(0, code, text);
        assertTrue(text.contains("19 of 20 patients scored"), text);
        assertTrue(text.contains("not scored: new.csv: column 'age' is numeric but has text")
                && text.contains("(rows 4)"),
                text);
        List<String> out = Files.readAllLines(recs);
        assertEquals(RecommendCommand.HEADER, out.get(0));
        assertEquals(21, out.size());
        assertTrue(out.get(4).startsWith(lines.get(4).split(",")[0] + ",,,")
                && out.get(4).contains("'unknown' is not a number"),
                out.get(4));
        for (int i = 1; i < out.size(); i++) {
            if (i == 4) {
                continue;
            }
            String row = out.get(i);
            assertTrue(row.contains(",DEFER,outside overlap: e(x)=") || row.contains(",quit smoking,")
                    || row.contains(",kept smoking,") || row.contains(",DEFER,\"uncertain: interval ["), row);
            assertTrue(row.endsWith(","), "no error: " + row);
        }
        try (var files = Files.list(recs.getParent())) {
            assertEquals(1, files.count(), "no temporary file left");
        }
    }

    @Test
    void tamperedBundleStopsWithTheFileName() throws Exception {
        Path copy = dir.resolve("tampered");
        Files.createDirectories(copy);
        try (var files = Files.list(model)) {
            for (Path p : files.toList()) {
                Files.copy(p, copy.resolve(p.getFileName()));
            }
        }
        Path schema = copy.resolve("schema.json");
        Files.writeString(schema, Files.readString(schema).replace("\"numeric\"", "\"categorical\""));
        StringWriter err = new StringWriter();
        int code = Main.execute(new PrintWriter(err, true), "recommend", "--model", copy.toString(), "--input",
                DATA.toString(), "--out", dir.resolve("t.csv").toString());
        assertEquals(2, code);
        assertTrue(err.toString().contains("schema.json") && err.toString().contains("checksum"), err.toString());
        assertTrue(Files.notExists(dir.resolve("t.csv")));
    }
}
