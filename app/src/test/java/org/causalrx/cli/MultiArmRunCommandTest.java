package org.causalrx.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code run} on a study with three arms: the K-arm engine's results.json, tables, figure and report. */
@Tag("slow")
class MultiArmRunCommandTest {
    @TempDir
    Path dir;

    static String csv(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        StringBuilder sb = new StringBuilder("id,dose,y,age,score\n");
        String[] codes = {"keep", "down", "up"};
        for (int i = 0; i < n; i++) {
            double age = r.nextGaussian();
            double score = r.nextGaussian();
            int arm = r.nextInt(3);
            double[] mu = {age, age + (score > 0 ? -1 : 0.5), age + (score < 0 ? -1 : 0.5)};
            sb.append(String.format(Locale.ROOT, "%d,%s,%.4f,%.4f,%.4f%n", i, codes[arm],
                    mu[arm] + 0.5 * r.nextGaussian(), age, score));
        }
        return sb.toString();
    }

    static String study(String estimators) {
        return """
                name: dose
                protocol: {question: "decrease, keep or increase?", decision_time: d, population: p, users: u}
                data: data.csv
                id: id
                treatment: {column: dose, arms: {keep: "keep <dose>", down: decrease, up: increase}, reference: keep}
                outcome: {column: y, type: continuous, direction: lower}
                covariates:
                  - {name: age, role: confounder}
                  - {name: score, role: effect_modifier}
                split: {train: 0.6, validation: 0.2, test: 0.2}
                seed: 3
                bootstrap: {rounds: 200}
                """ + "estimators: [" + estimators + "]\n";
    }

    @Test
    void runWritesTheKArmResultsTablesFigureAndReport() throws Exception {
        Files.writeString(dir.resolve("data.csv"), csv(900, 1));
        Files.writeString(dir.resolve("study.yaml"), study("t_ridge, t_lasso"));
        Path out = dir.resolve("run");
        String console = BadInputMatrixTest.stdout(() -> assertEquals(0,
                Main.execute("run", dir.resolve("study.yaml").toString(), "--out", out.toString())));
        assertTrue(console.contains("[1/6] cohort") && console.contains("3 arms"), console);
        assertTrue(console.contains("(chosen on validation)"), console);
        JsonNode r = new ObjectMapper().readTree(out.resolve("results.json").toFile());
        assertEquals("multi_arm", r.get("kind").asText());
        assertEquals("keep", r.get("arms").get(0).get("code").asText());
        assertTrue(r.get("arms").get(0).get("reference").asBoolean());
        assertEquals(3 + 3 + 2, r.get("policies").size(), "doctors, random, propensity, 3 treat-all, 2 learned");
        assertTrue(r.get("verdict").get("better").asBoolean(), "each non-reference arm helps half the patients: "
                + r.get("verdict"));
        String csvHeader = Files.readAllLines(out.resolve("tables/policies.csv")).get(0);
        assertTrue(csvHeader.startsWith("policy,kind,share_keep,share_down,share_up,deferred_share"), csvHeader);
        assertTrue(Files.size(out.resolve("figures/multiarm_gain.png")) > 1000);
        String html = Files.readString(out.resolve("report.html"));
        assertTrue(html.contains("keep &lt;dose&gt; (reference)"), "arm labels escaped");
        assertFalse(html.contains("keep <dose>"));
        assertTrue(html.contains("Gain over current practice") || html.contains("multiarm_gain"));
    }

    @Test
    void anEstimatorWithoutAKArmVariantIsOneLine() throws Exception {
        Files.writeString(dir.resolve("data.csv"), csv(300, 2));
        Files.writeString(dir.resolve("study.yaml"), study("t_ridge, r_xgboost"));
        StringWriter err = new StringWriter();
        int code = Main.execute(new PrintWriter(err, true), "run", dir.resolve("study.yaml").toString(), "--out",
                dir.resolve("run").toString());
        String msg = err.toString().trim();
        assertEquals(2, code, msg);
        assertFalse(msg.contains("\n"), msg);
        assertTrue(msg.contains("study.yaml") && msg.contains("'r_xgboost'") && msg.contains("t_ridge"), msg);
        assertFalse(Files.exists(dir.resolve("run")), "no output folder");
    }
}
