package org.causalrx.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import org.causalrx.causal.uncertainty.IntervalCalibration;
import org.causalrx.data.TableReader;
import org.causalrx.study.Study;
import org.causalrx.study.StudyLoader;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The key set of results.json is a contract: a run of a small simulated study that switches on every optional
 * part (binary outcome, derived evaluation outcome, a secondary outcome, outcome trees of all policies,
 * vulnerable groups, the consensus policy, a policy tree, uncertainty deferral with its sweep and calibration factors,
 * cross-fitted policy values, ATT, refutations on a patient subsample) writes exactly the key paths of the golden
 * file {@value #GOLDEN}, and {@code schema_version} first. Keys only a categorical outcome fills
 * ({@code nn_metrics.estimators[].by_class[]}, {@code nn_metrics.estimators[].auc_by_arm_class[]}, elements of
 * {@code nn_metrics.classes}) are not in it, nor is {@code nn_metrics.nn_pehe_sample}, written only when a test split
 * of more than {@code NnMetricsStage.MAX_SCORED} patients is scored for NN-PEHE on a seeded sample.
 *
 * <p>A key path joins object keys with '.', and an array's elements share the path of the array plus "[]"
 * ({@code policies[].value_dr.mean}); map keys (estimator names) are kept. When a change adds, removes or
 * renames keys on purpose, bump {@link RunResult#SCHEMA_VERSION} (major for a removal or rename, minor for an
 * addition) and regenerate the golden file from the repository root (the tests' working directory):
 * {@code mvn -o -pl core test -Dtest=ResultsJsonKeysTest -Dcausalrx.golden.update=true}, which writes
 * {@code core/src/test/resources/}{@value #GOLDEN} and fails once so the change is reviewed.
 */
class ResultsJsonKeysTest {
    static final String GOLDEN = "org/causalrx/pipeline/results-keys.txt";

    @Test
    @Tag("slow")
    void aFullRunWritesTheGoldenKeySetWithTheSchemaVersionFirst(@TempDir Path dir) throws Exception {
        Study study = StudyLoader.load(study(dir));
        RunResult r = new StudyRun(Learners.standard(), false).run(study, TableReader.read(study.data()),
                Progress.NONE, new IntervalCalibration(Map.of("t_ridge", 1.5), "test factors")).result();
        JsonNode json = ResultsJson.mapper().readTree(ResultsJson.write(r));

        assertEquals("schema_version", json.fieldNames().next(), "schema_version is the first key");
        assertEquals(RunResult.SCHEMA_VERSION, json.get("schema_version").asText());

        TreeSet<String> got = keyPaths(json);
        if (Boolean.getBoolean("causalrx.golden.update")) {
            Path file = Path.of("core", "src", "test", "resources").resolve(GOLDEN);
            Files.createDirectories(file.getParent());
            Files.writeString(file, String.join("\n", got) + "\n", StandardCharsets.UTF_8);
            throw new AssertionError("golden key set rewritten: " + file.toAbsolutePath() + "; review and commit it");
        }
        TreeSet<String> golden = golden();
        TreeSet<String> missing = new TreeSet<>(golden);
        missing.removeAll(got);
        TreeSet<String> extra = new TreeSet<>(got);
        extra.removeAll(golden);
        assertTrue(missing.isEmpty() && extra.isEmpty(), "results.json keys differ from " + GOLDEN + " (schema "
                + RunResult.SCHEMA_VERSION + "): missing " + missing + ", not in the golden set " + extra);
    }

    @Test
    void keyPathsCollapseArraysAndKeepNullAndEmptyKeys() throws Exception {
        JsonNode n = ResultsJson.mapper().readTree("{\"a\": [{\"b\": 1}, {\"b\": 2, \"c\": null}], \"d\": [],"
                + " \"e\": {\"f\": [[1]]}}");
        assertEquals(new TreeSet<>(List.of("a", "a[].b", "a[].c", "d", "e", "e.f")), keyPaths(n));
    }

    /** Every key path of {@code node}, arrays collapsed to "[]". */
    static TreeSet<String> keyPaths(JsonNode node) {
        TreeSet<String> out = new TreeSet<>();
        collect(node, "", out);
        return out;
    }

    private static void collect(JsonNode node, String path, TreeSet<String> out) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String p = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
                out.add(p);
                collect(e.getValue(), p, out);
            }
        } else if (node.isArray()) {
            for (JsonNode element : node) {
                collect(element, path + "[]", out);
            }
        }
    }

    private static TreeSet<String> golden() throws IOException {
        try (InputStream in = ResultsJsonKeysTest.class.getResourceAsStream("/" + GOLDEN)) {
            if (in == null) {
                throw new AssertionError(GOLDEN + " is missing; generate it with -Dcausalrx.golden.update=true");
            }
            List<String> lines = new ArrayList<>();
            for (String l : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!l.isBlank()) {
                    lines.add(l.trim());
                }
            }
            return new TreeSet<>(lines);
        }
    }

    /** 400 simulated patients: y binary (modelled), z continuous (secondary, some missing), c for the formula. */
    private static Path study(Path dir) throws IOException {
        SplittableRandom rnd = new SplittableRandom(11);
        StringBuilder csv = new StringBuilder("id,t,age,sex,y,z,c\n");
        for (int i = 0; i < 400; i++) {
            double age = 20 + 50 * rnd.nextDouble();
            int sex = rnd.nextInt(2);
            int t = rnd.nextDouble() < 1 / (1 + Math.exp(-(age - 45) / 15)) ? 1 : 0;
            int y = rnd.nextDouble() < 1 / (1 + Math.exp(-(0.06 * (age - 45) + t * (sex == 1 ? 1.2 : -1.2)))) ? 1 : 0;
            double z = 0.05 * age + t * (sex == 1 ? 1 : -1) + rnd.nextGaussian();
            csv.append(String.format(Locale.ROOT, "%d,%d,%.2f,%d,%d,%s,%d%n", i, t, age, sex, y,
                    i % 23 == 0 ? "" : String.format(Locale.ROOT, "%.4f", z), 1 + i % 3));
        }
        Files.writeString(dir.resolve("d.csv"), csv.toString());
        Path s = dir.resolve("s.yaml");
        Files.writeString(s, "name: keys\ndata: d.csv\nid: id\ntreatment: {column: t, arms: {\"0\": a, \"1\": b}}\n"
                + "covariates:\n  - {name: age, role: confounder}\n  - {name: sex, role: effect_modifier, "
                + "type: categorical}\nseed: 5\nestimators: [t_ridge, t_lasso, policy_tree, consensus]\n"
                + "bootstrap: {rounds: 50}\n"
                + "ate: {folds: 2, estimands: [ate, att]}\n"
                + "outcome: {column: y, type: binary, direction: higher, evaluate: {name: y2, formula: "
                + "\"y / c\"}}\nsecondary_outcomes:\n  - {column: z, type: continuous, direction: lower, "
                + "missing: drop}\n"
                + "report: {outcome_trees: all}\nvulnerable_groups: {columns: [sex, age]}\n"
                + "deferral: {alpha_stat: 0.1, lambda: 1.5, bootstrap_refits: 3, sweep: {alpha_stat: [0.1], "
                + "lambda: [1, 1.5]}}\npolicy_evaluation: {cross_fit: true, folds: 2}\n"
                + "refutation: {rows: 100}\n");
        return s;
    }
}
