package org.causalrx.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo study end to end through the command line: the contract and outputs of the README's study as it is
 * (one run shared with other classes, {@link DemoRunFixture}); determinism on a reduced copy with every stage.
 */
class RunCommandTest {
    static final Path STUDY = DemoRunFixture.STUDY;

    @Test
    @Tag("slow")
    void sameStudySameSeedGivesByteIdenticalResults(@TempDir Path dir) throws Exception {
        Path study = DemoRunFixture.reduced(dir, 600);
        Path a = dir.resolve("a");
        Path b = dir.resolve("b");
        assertEquals(0, Main.execute("run", study.toString(), "--out", a.toString(), "--rounds", "50"));
        assertEquals(0, Main.execute("run", study.toString(), "--out", b.toString(), "--rounds", "50"));
        assertArrayEquals(Files.readAllBytes(a.resolve("results.json")), Files.readAllBytes(b.resolve("results.json")));
        try (var files = Files.list(dir)) {
            assertEquals(List.of("a", "b", "nhefs-small.csv", "small.yaml"),
                    files.map(f -> f.getFileName().toString()).sorted().toList(), "no temporary folders left behind");
        }
    }

    @Test
    @Tag("slow")
    void theDemoStudyKeepsTheContract() throws Exception {
        Path a = DemoRunFixture.run();
        Path dir = a.getParent();
        JsonNode r = new ObjectMapper().readTree(a.resolve("results.json").toFile());
        assertEquals("nhefs-death", r.get("study").asText());
        int train = r.at("/n/train").asInt();
        int val = r.at("/n/validation").asInt();
        int test = r.at("/n/test").asInt();
        assertEquals(1629, train + val + test);
        assertEquals(6, r.get("propensity").size(), "3 models x 2 splits");
        for (JsonNode m : r.get("propensity")) {
            for (String k : List.of("model", "split", "brier", "auroc", "accuracy", "precision", "recall", "f1")) {
                assertTrue(m.has(k), "propensity entry has " + k);
            }
            assertTrue(m.get("auroc").asDouble() > 0.5 && m.get("auroc").asDouble() < 1);
        }
        JsonNode ov = r.get("overlap");
        assertTrue(ov.get("eta_low").asDouble() < ov.get("eta_high").asDouble());
        assertEquals(test, ov.get("test_total").asInt());
        assertTrue(ov.get("test_in_overlap").asInt() <= test && ov.get("test_in_overlap").asInt() > test / 2);
        JsonNode ate = r.get("ate");
        assertEquals("aipw", ate.get("method").asText());
        assertTrue(ate.get("ci_low").asDouble() < ate.get("estimate").asDouble()
                && ate.get("estimate").asDouble() < ate.get("ci_high").asDouble());
        List<String> names = new java.util.ArrayList<>();
        for (JsonNode p : r.get("policies")) {
            names.add(p.get("name").asText());
            for (String part : List.of("value_dr", "value_ipw")) {
                JsonNode s = p.get(part);
                for (String k : List.of("mean", "sd", "min", "q25", "median", "q75", "max")) {
                    assertTrue(s.has(k), p.get("name") + " " + part + " has " + k);
                }
                assertTrue(s.get("min").asDouble() <= s.get("q25").asDouble()
                        && s.get("q25").asDouble() <= s.get("median").asDouble()
                        && s.get("median").asDouble() <= s.get("q75").asDouble()
                        && s.get("q75").asDouble() <= s.get("max").asDouble());
            }
            assertTrue(p.has("treated_share") && p.has("deferred_share"));
        }
        assertEquals(List.of("doctors", "random", "propensity", "treat_all_0", "treat_all_1", "t_xgboost@inclusive",
                "t_ridge@inclusive", "t_lasso@inclusive", "x_xgboost@inclusive", "dr_xgboost@inclusive",
                "average@inclusive", "consensus", "t_xgboost@conservative", "t_ridge@conservative",
                "t_lasso@conservative", "x_xgboost@conservative", "dr_xgboost@conservative", "average@conservative"),
                names);
        // deferral: settings, per-set summaries and the alpha_stat x Lambda sweep of every sign-rule estimator
        assertEquals(0.05, r.at("/deferral/alpha_stat").asDouble());
        assertEquals(2 * 6, r.at("/deferral/sets").size());
        assertEquals(6 * 4 * 5, r.get("deferral_sweep").size());
        // the simulation runs first and calibrates the intervals: factor = max(1, mean scale over forms and seeds)
        assertEquals("feasibility simulation, forms [linear], 3 seeds", r.at("/deferral/calibration/source").asText());
        JsonNode simJson = new ObjectMapper().readTree(a.resolve("simulation.json").toFile());
        java.util.Map<String, double[]> scaleSums = new java.util.LinkedHashMap<>();
        for (JsonNode iv : simJson.get("intervals")) {
            double[] s = scaleSums.computeIfAbsent(iv.get("estimator").asText(), k -> new double[2]);
            s[0] += iv.get("scale").asDouble();
            s[1]++;
        }
        List<String> calibrated = new java.util.ArrayList<>();
        r.at("/deferral/calibration/factors").fieldNames().forEachRemaining(calibrated::add);
        assertEquals(List.copyOf(scaleSums.keySet()), calibrated);
        scaleSums.forEach((est, s) -> assertEquals(Math.max(1, s[0] / s[1]),
                r.at("/deferral/calibration/factors/" + est).asDouble(), 1e-12, est));
        // doctors: nothing deferred, treated share = observed share in test
        assertEquals(0.0, r.at("/policies/0/deferred_share").asDouble());

        assertTrue(Files.exists(a.resolve("report.html")));
        String html = Files.readString(a.resolve("report.html"));
        assertTrue(!html.contains("src=\"http") && !html.contains("href=\"http"), "self-contained report");
        try (var files = Files.list(a.resolve("figures"))) {
            assertTrue(files.anyMatch(f -> f.toString().endsWith(".png")));
        }
        try (var files = Files.list(a.resolve("tables"))) {
            assertTrue(files.anyMatch(f -> f.toString().endsWith(".csv")));
        }
        // SHAP of the XGBoost T-learner's two arm models, one value per feature
        JsonNode fi = r.get("feature_importance");
        assertTrue(fi.size() >= 2, "feature importance of both arms");
        assertEquals(r.get("features").size(), fi.get(0).get("mean_abs_shap").size());
        // nn_metrics: every estimator of the run, NN-PEHE inside its CI, implied ATE as in the CATE insights,
        // AUC per arm (binary outcome) for the T-learners
        JsonNode nn = r.get("nn_metrics");
        assertEquals("test", nn.get("split").asText());
        assertEquals(test, nn.get("n").asInt());
        JsonNode insightNames = r.at("/cate_insights/estimators");
        assertEquals(insightNames.size(), nn.get("estimators").size());
        for (int k = 0; k < insightNames.size(); k++) {
            JsonNode e = nn.get("estimators").get(k);
            String name = insightNames.get(k).asText();
            assertEquals(name, e.get("estimator").asText());
            double pehe = e.get("nn_pehe").asDouble();
            assertTrue(pehe > 0 && e.get("nn_pehe_ci_low").asDouble() <= pehe
                    && pehe <= e.get("nn_pehe_ci_high").asDouble(), name + " NN-PEHE " + e);
            assertEquals(r.at("/cate_insights/implied_ate/" + k + "/estimate").asDouble(),
                    e.get("implied_ate").asDouble());
            assertEquals(name.startsWith("t_") ? 2 : 0, e.get("auc_by_arm").size(), name);
            for (JsonNode arm : e.get("auc_by_arm")) {
                double auc = arm.get("auc").asDouble();
                assertTrue(auc > 0.5 && auc < 1 && arm.get("ci_low").asDouble() <= auc
                        && auc <= arm.get("ci_high").asDouble(), name + " " + arm);
            }
        }
        // standardised coefficients of both arms of t_ridge and t_lasso and of the two logistic propensity models
        List<String> coefModels = new java.util.ArrayList<>();
        r.get("linear_coefficients").forEach(c -> coefModels.add(c.get("model").asText()));
        assertEquals(6, coefModels.size(), coefModels.toString());
        assertTrue(coefModels.contains("propensity (l2_logistic)")
                && coefModels.contains("t_lasso, arm 'kept smoking'"),
                coefModels.toString());
        assertEquals(r.get("features").size(), r.at("/linear_coefficients/0/standardized").size());
        for (String id : List.of("roc_by_arm", "outcome_errors")) {
            assertTrue(html.contains("id=\"fig-" + id + "\""), id);
            assertTrue(Files.exists(a.resolve("figures").resolve(id + ".png")), id);
        }
        for (String csv : List.of("nn_metrics.csv", "linear_coefficients.csv", "outcome_errors.csv",
                "roc_by_arm.csv")) {
            assertTrue(Files.exists(a.resolve("tables").resolve(csv)), csv);
        }
        // the study's simulation block: section 5, simulation.html, and the feasibility verdict at the top
        assertTrue(Files.exists(a.resolve("simulation.html")) && Files.exists(a.resolve("tables/exit_points.csv")));
        assertTrue(html.indexOf("Feasibility verdict") < html.indexOf("id=\"protocol\""), "verdict before step 1");
        assertTrue(html.contains("5 Feasibility simulation") && html.contains("4 overlap"));
        assertTrue(html.contains("8 Deferral set") && html.contains("9 Deferral insights")
                && html.contains("deferral_sweep"), "deferral section and figure");
        assertTrue(Files.exists(a.resolve("tables/deferral_sweep.csv"))
                && Files.exists(a.resolve("tables/deferral_sets.csv")));
        List<String> exits = Files.readAllLines(a.resolve("tables/exit_points.csv"));
        assertTrue(exits.stream().anyMatch(l -> l.startsWith("5 feasibility simulation,")), exits.toString());
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temporary folders left behind");
        }
    }

    @Test
    void checkPrintsKeptAndDroppedCovariates() {
        assertEquals(0, Main.execute("check", STUDY.toString()));
        StringWriter err = new StringWriter();
        assertEquals(2, Main.execute(new PrintWriter(err, true), "check", "no/such/study.yaml"));
        assertTrue(err.toString().contains("study.yaml"), err.toString());
    }
}
