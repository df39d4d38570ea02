package org.causalrx.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run} on a study with three arms: the K-arm engine's results.json, tables, figure and report (of the run
 * shared through {@link MultiArmRunFixture}), a deferral block, and an estimator without a K-arm variant.
 */
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
        MultiArmRunFixture run = MultiArmRunFixture.get();
        Path out = run.out();
        String console = run.console();
        assertTrue(console.contains("[1/9] cohort") && console.contains("3 arms"), console);
        assertTrue(console.contains("[7/9] diagnostics"), console);
        assertTrue(console.contains("(chosen on validation)"), console);
        assertTrue(console.contains("warning: covariate 'id' is the id column"), console);
        JsonNode r = new ObjectMapper().readTree(out.resolve("results.json").toFile());
        assertEquals("multi_arm", r.get("kind").asText());
        assertTrue(r.get("data_warnings").get(0).asText().startsWith("covariate 'id' is the id column"),
                r.get("data_warnings").toString());
        assertEquals("keep", r.get("arms").get(0).get("code").asText());
        assertTrue(r.get("arms").get(0).get("reference").asBoolean());
        assertEquals(3 + 3 + MultiArmRunFixture.ESTIMATORS.size(), r.get("policies").size(),
                "doctors, random, propensity, 3 treat-all, one learned per estimator");
        assertTrue(r.get("verdict").get("better").asBoolean(), "each non-reference arm helps half the patients: "
                + r.get("verdict"));
        String csvHeader = Files.readAllLines(out.resolve("tables/policies.csv")).get(0);
        assertTrue(csvHeader.startsWith("policy,kind,share_keep,share_down,share_up,deferred_share"), csvHeader);
        assertTrue(Files.size(out.resolve("figures/multiarm_gain.png")) > 1000);
        String html = Files.readString(out.resolve("report.html"));
        assertTrue(html.contains("keep &lt;dose&gt; (reference)"), "arm labels escaped");
        assertFalse(html.contains("keep <dose>"));
        assertTrue(html.contains("Gain over current practice") || html.contains("multiarm_gain"));
        assertFalse(r.has("deferral"), "no deferral block, no deferral in results.json");
        assertFalse(Files.exists(out.resolve("tables/deferral_reasons.csv")));
        for (String key : new String[] {"balance", "heterogeneity", "sensitivity"}) {
            assertEquals(2, r.get(key).get("arms").size(), key + " per non-reference arm");
        }
        assertEquals("arm,arm_label,split,feature,mean_reference,mean_arm,smd_unweighted,smd_weighted,imbalanced",
                Files.readAllLines(out.resolve("tables/balance.csv")).get(0));
        assertTrue(Files.readAllLines(out.resolve("tables/heterogeneity.csv")).get(0)
                .startsWith("arm,arm_label,estimator,n,mean_prediction"));
        assertEquals(3, Files.readAllLines(out.resolve("tables/sensitivity_e_value.csv")).size());
        List<String> pairs = Files.readAllLines(out.resolve("tables/pairwise_effects.csv"));
        assertEquals(2, pairs.size(), "one pair of non-reference arms among three arms");
        assertTrue(pairs.get(0).startsWith("arm,arm_label,versus_arm,versus_label,n,"));
        assertTrue(Files.readString(out.resolve("report.html")).contains("Between the other arms"));
        for (String f : new String[] {"love_plot_arm_1", "love_plot_arm_2", "toc_curve_arm_1", "toc_curve_arm_2"}) {
            assertTrue(Files.size(out.resolve("figures/" + f + ".png")) > 1000, f);
        }
        assertTrue(html.contains("6. Diagnostics") && html.contains("Covariate balance of each arm"), "diagnostics");
    }

    @Test
    void aDeferralBlockAddsConservativePoliciesAndTheirReasons() throws Exception {
        Files.writeString(dir.resolve("data.csv"), csv(900, 1));
        Files.writeString(dir.resolve("study.yaml"), study("t_ridge")
                + "deferral: {alpha_stat: 0.1, bootstrap_refits: 5}\n");
        Path out = dir.resolve("run");
        String console = BadInputMatrixTest.stdout(() -> assertEquals(0,
                Main.execute("run", dir.resolve("study.yaml").toString(), "--out", out.toString())));
        assertTrue(console.contains("uncertainty"), console);
        JsonNode r = new ObjectMapper().readTree(out.resolve("results.json").toFile());
        assertEquals(3 + 3 + 2, r.get("policies").size(), "baselines, t_ridge@inclusive, t_ridge@conservative");
        assertEquals("t_ridge@conservative", r.get("policies").get(7).get("name").asText());
        JsonNode reasons = r.get("deferral").get("policies").get(0);
        assertEquals("t_ridge@conservative", reasons.get("policy").asText());
        assertEquals(reasons.get("n").asInt(), reasons.get("outside_overlap").asInt() + reasons.get("uncertain")
                .asInt() + reasons.get("recommended").asInt());
        assertTrue(reasons.get("uncertain").asInt() > 0, "a linear fit of step effects ties near score 0");
        var csvLines = Files.readAllLines(out.resolve("tables/deferral_reasons.csv"));
        assertEquals("policy,reason,arm_a,arm_b,n,share,description", csvLines.get(0));
        assertEquals(2 + reasons.get("pairs").size(), csvLines.size() - 1, "overlap, pairs, recommended");
        String html = Files.readString(out.resolve("report.html"));
        assertTrue(html.contains("Why the Conservative policies defer"), "deferral table in the report");
        assertEquals("none", r.get("deferral").get("calibration").get("source").asText(), "no simulation block");
        assertTrue(r.get("deferral").get("calibration").get("factors").isEmpty());
        assertTrue(html.contains("<b>Calibration.</b> None"), "the report says the intervals are used as fit");
        for (JsonNode p : reasons.get("pairs")) {
            assertTrue(p.get("reason").asText().startsWith("uncertain between '"), p.toString());
            String escaped = p.get("reason").asText().replace("&", "&amp;").replace("<", "&lt;")
                    .replace(">", "&gt;");
            assertTrue(html.contains(escaped.replace("'", "&#39;")) || html.contains(escaped),
                    "pair named (escaped) in the report: " + p);
        }
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
