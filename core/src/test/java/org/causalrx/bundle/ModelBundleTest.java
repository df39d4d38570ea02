package org.causalrx.bundle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.causalrx.causal.EffectIntervals;
import org.causalrx.causal.bounds.JointCateModel;
import org.causalrx.causal.uncertainty.BootstrapCateModel;
import org.causalrx.data.Table;
import org.causalrx.data.TableReader;
import org.causalrx.pipeline.Progress;
import org.causalrx.pipeline.RunOutput;
import org.causalrx.pipeline.RunResult;
import org.causalrx.pipeline.StudyRun;
import org.causalrx.policy.DecisionRule;
import org.causalrx.policy.PolicyDecisions;
import org.causalrx.result.PolicyId;
import org.causalrx.result.PolicyKind;
import org.causalrx.study.Study;
import org.causalrx.study.StudyLoader;
import org.causalrx.util.CausalRxException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bundle applied to the run's own test split (raw rows of the data file) reproduces the run's decisions and
 * propensities exactly, for every learned policy that can be bundled; load refuses tampered files and unknown
 * format versions.
 */
@Tag("slow")
class ModelBundleTest {
    static Study study;
    static Table table;
    static RunOutput out;

    @TempDir
    Path tmp;

    /** NHEFS death (binary: logistic and XGBoost classifier arm models) with T-learners and their ensembles. */
    @BeforeAll
    static void run() {
        Study s = StudyLoader.load(Path.of("examples", "nhefs", "study.yaml"));
        study = new Study(s.file(), s.name(), s.protocol(), s.data(), s.idColumn(), s.treatment(), s.outcome(),
                s.covariates(), s.split(), s.seed(), s.overlap(), 50, s.ateFolds(),
                List.of("t_xgboost", "t_ridge", "t_lasso", "average", "majority"), null);
        table = TableReader.read(study.data());
        out = new StudyRun().withoutRefutation().run(study, table, Progress.NONE);
    }

    static List<RunResult.PolicyResult> learned(RunOutput o) {
        return o.result().policies().stream().filter(p -> p.name().kind().learned()).toList();
    }

    @Test
    void everyBundledPolicyReproducesTheRunOnItsTestSplit() throws Exception {
        assertEquals(5, learned(out).size());
        assertReproduces(study, out, tmp.resolve("death"));
    }

    /**
     * NHEFS weight (continuous, squared terms) with a linear T-learner, the meta-learners and their ensembles;
     * consensus refused.
     */
    @Test
    void metaLearnersReproduceTheRunAndConsensusIsRefused() throws Exception {
        Study w = StudyLoader.load(Path.of("examples", "nhefs", "weight.yaml"));
        Study s = new Study(w.file(), w.name(), w.protocol(), w.data(), w.idColumn(), w.treatment(), w.outcome(),
                w.covariates(), w.split(), w.seed(), w.overlap(), 20, w.ateFolds(),
                List.of("t_ridge", "s_xgboost", "x_xgboost", "r_xgboost", "dr_xgboost", "average", "majority",
                        "consensus"), null);
        RunOutput o = new StudyRun().withoutRefutation().run(s, table, Progress.NONE);
        List<RunResult.PolicyResult> bundleable = learned(o).stream()
                .filter(p -> p.name().kind() != PolicyKind.CONSENSUS).toList();
        assertEquals(7, bundleable.size());
        assertReproduces(s, o, tmp.resolve("weight"));
        BundleWriter.Written c = BundleWriter.write(tmp.resolve("consensus"), s, o, Instant.EPOCH,
                learned(o).stream().filter(p -> p.name().kind() == PolicyKind.CONSENSUS).toList(),
                PolicyId.of(PolicyKind.CONSENSUS_NAME));
        assertNull(c.policy());
        assertTrue(c.note().contains("consensus: a policy over several models"), c.note());
    }

    /** Every learned policy except consensus, bundled alone, decides on the raw test rows as the run did. */
    static void assertReproduces(Study s, RunOutput o, Path root) throws Exception {
        RunOutput.HeldOutDetail held = o.heldOut();
        Table testRows = table.rows(held.sourceRows());
        for (RunResult.PolicyResult p : learned(o)) {
            if (p.name().kind() == PolicyKind.CONSENSUS) {
                continue;
            }
            Path dir = root.resolve(p.name().name());
            BundleWriter.Written w = BundleWriter.write(dir, s, o, Instant.EPOCH, List.of(p), null);
            assertEquals(p.name(), w.policy(), w.note());
            if (p.name().equals(PolicyId.of("t_xgboost"))) {
                assertTrue(Files.exists(dir.resolve("cate_t_xgboost_mu0.ubj")), "boosters in XGBoost's format");
            }
            ModelBundle b = ModelBundle.load(dir);
            Recommender.Result r = Recommender.apply(b, testRows);
            assertTrue(r.problems().isEmpty(), r.problems().toString());
            int[] want = held.decisions().get(p.name());
            int[] got = r.rows().stream().mapToInt(Recommender.Row::arm).toArray();
            assertArrayEquals(want, got, p.name().name());
            double[] tau = o.models().cateModels().get(p.name().estimator())
                    .effect(o.models().encoding().transform(testRows));
            assertArrayEquals(tau, r.rows().stream().mapToDouble(Recommender.Row::cate).toArray(), 0.0,
                    p.name() + ": CATE after the round trip, bit for bit");
            double[] e = r.rows().stream().mapToDouble(Recommender.Row::propensity).toArray();
            assertArrayEquals(held.propensity(), e, 0.0, "propensity, bit for bit");
            int deferred = 0;
            for (Recommender.Row row : r.rows()) {
                if (row.arm() == PolicyDecisions.DEFER) {
                    deferred++;
                    assertEquals("DEFER", row.recommendation());
                    assertTrue(row.reason().startsWith("outside overlap: e(x)="), row.reason());
                } else {
                    assertEquals(b.armLabels().get(row.arm()), row.recommendation());
                }
            }
            assertEquals(p.deferredShare(), deferred / (double) want.length, 1e-12);
        }
    }

    /**
     * NHEFS death with the Conservative set (few refits): each @conservative policy (bootstrap refits, the
     * DR-learner's final-stage refits, an ensemble's combined member refits, B-learner bounds) bundled alone
     * reproduces the run's decisions, and the joint interval ends bit for bit, on the raw test rows.
     */
    @Test
    void conservativeBundlesReproduceDecisionsAndIntervalsBitForBit() throws Exception {
        Study c = new Study(study.file(), study.name(), study.protocol(), study.data(), study.idColumn(),
                study.treatment(), study.outcome(), study.covariates(), study.split(), study.seed(), study.overlap(),
                20, study.ateFolds(), List.of("t_ridge", "dr_xgboost", "average"), null,
                Study.Analyses.NONE, new Study.Deferral(0.1, 1.5, 3, List.of(0.1), List.of(1.0, 1.5, 2.0)));
        RunOutput o = new StudyRun().withoutRefutation().run(c, table, Progress.NONE);
        RunOutput.HeldOutDetail held = o.heldOut();
        Table testRows = table.rows(held.sourceRows());
        double[][] x = o.models().encoding().transform(testRows);
        int uncertain = 0;
        for (String n : List.of("t_ridge", "dr_xgboost", "average")) {
            PolicyId name = PolicyId.parse(n + "@conservative");
            RunResult.PolicyResult p = learned(o).stream().filter(q -> q.name().equals(name)).findFirst().orElseThrow();
            Path dir = tmp.resolve("conservative").resolve(n);
            BundleWriter.Written w = BundleWriter.write(dir, c, o, Instant.EPOCH, List.of(p), null);
            assertEquals(name, w.policy(), w.note());
            ModelBundle b = ModelBundle.load(dir);
            assertEquals(ModelBundle.CONSERVATIVE, b.deferralSet());
            assertEquals(0.1, b.alphaStat());
            assertEquals(1.5, b.lambda());
            Recommender.Result r = Recommender.apply(b, testRows);
            assertTrue(r.problems().isEmpty(), r.problems().toString());
            assertArrayEquals(held.decisions().get(name), r.rows().stream().mapToInt(Recommender.Row::arm).toArray(),
                    name.name());
            EffectIntervals iv = o.deferral().models().get(n).effectInterval(x, o.deferral().alphaStat());
            assertArrayEquals(iv.lo(), r.rows().stream().mapToDouble(Recommender.Row::lo).toArray(), 0.0, name + " lo");
            assertArrayEquals(iv.hi(), r.rows().stream().mapToDouble(Recommender.Row::hi).toArray(), 0.0, name + " hi");
            assertArrayEquals(o.models().cateModels().get(n).effect(x),
                    r.rows().stream().mapToDouble(Recommender.Row::cate).toArray(), 0.0, name + " CATE");
            for (Recommender.Row row : r.rows()) {
                if (row.reason().startsWith("uncertain: ")) {
                    uncertain++;
                    assertTrue(row.lo() <= 0 && row.hi() >= 0, row.toString());
                    assertEquals(String.format(java.util.Locale.ROOT, "uncertain: interval [%.2f, %.2f] contains 0",
                            row.lo(), row.hi()), row.reason());
                }
            }
            assertEquals(p.deferredShare(), r.rows().stream().filter(row -> row.arm() == PolicyDecisions.DEFER)
                    .count() / (double) r.rows().size(), 1e-12);
        }
        assertTrue(uncertain > 0, "some patients are deferred for an uncertain effect");
        // the test can fail: a perturbed interval (one refit dropped) changes the interval ends
        JointCateModel j = o.deferral().models().get("t_ridge");
        BootstrapCateModel bm = (BootstrapCateModel) j.statistical();
        JointCateModel perturbed = new JointCateModel(new BootstrapCateModel(bm.point(), bm.refits().subList(0, 2)),
                j.bounds(), j.lambda());
        assertFalse(java.util.Arrays.equals(j.effectInterval(x, 0.1).lo(), perturbed.effectInterval(x, 0.1).lo()));
        // the run's selected policy is bundled, whichever set it is in
        BundleWriter.Written sel = BundleWriter.write(tmp.resolve("selected"), c, o, Instant.EPOCH);
        assertEquals(o.result().policyInsights().selectedPolicy(), sel.policy(), sel.note());
    }

    /**
     * NHEFS death (lower is better) with the treated arm as default and a margin of 2 percentage points: every
     * learned policy applies the rule to its CATE (majority to the members' median, consensus member by member), the
     * margin changes decisions, the bundles carry the rule and reproduce the run's decisions bit for bit (Inclusive
     * and Conservative), results.json states the rule, and a bundle without the rule reads as the sign rule.
     */
    @Test
    void marginRunBundlesItsRuleAndRecommendReproducesIt() throws Exception {
        Study m = new Study(study.file(), study.name(), study.protocol(), study.data(), study.idColumn(),
                study.treatment(), study.outcome(), study.covariates(), study.split(), study.seed(), study.overlap(),
                20, study.ateFolds(), List.of("t_ridge", "t_lasso", "majority", "consensus"), null,
                Study.Analyses.NONE, new Study.Deferral(0.1, 1.5, 3, List.of(0.1), List.of(1.0, 1.5)))
                .withPolicy(new Study.Policy(1, 0.02));
        DecisionRule rule = m.decisionRule();
        assertEquals(new DecisionRule(1, 0.02, -1), rule);
        RunOutput o = new StudyRun().withoutRefutation().run(m, table, Progress.NONE);
        RunOutput.HeldOutDetail held = o.heldOut();
        Table testRows = table.rows(held.sourceRows());
        double[][] x = o.models().encoding().transform(testRows);
        org.causalrx.causal.OverlapSet ov = o.models().overlap();
        Map<String, double[]> tau = new java.util.LinkedHashMap<>();
        for (String n : List.of("t_ridge", "t_lasso", "majority")) {
            tau.put(n, o.models().cateModels().get(n).effect(x));
        }
        int switched = 0;
        int kept = 0;
        int changed = 0;
        for (String n : tau.keySet()) {
            int[] got = held.decisions().get(PolicyId.parse(n + "@inclusive"));
            for (int i = 0; i < got.length; i++) {
                boolean in = ov.contains(held.propensity()[i]);
                assertEquals(in ? rule.arm(tau.get(n)[i]) : PolicyDecisions.DEFER, got[i], n + " patient " + i);
                if (in && n.equals("t_ridge")) {
                    switched += got[i] == 0 ? 1 : 0;
                    kept += got[i] == 1 ? 1 : 0;
                    changed += got[i] != DecisionRule.sign(-1).arm(tau.get(n)[i]) ? 1 : 0;
                }
            }
        }
        assertTrue(switched > 0 && kept > 0, switched + " switched, " + kept + " kept");
        assertTrue(changed > 0, "the margin and default arm change some decisions of the sign rule");
        int[] cons = held.decisions().get(PolicyId.of(PolicyKind.CONSENSUS_NAME));
        for (int i = 0; i < cons.length; i++) {
            int a = rule.arm(tau.get("t_ridge")[i]);
            int b = rule.arm(tau.get("t_lasso")[i]);
            int want = !ov.contains(held.propensity()[i]) || a != b ? PolicyDecisions.DEFER : a;
            assertEquals(want, cons[i], "consensus patient " + i);
        }
        for (PolicyId name : List.of(PolicyId.parse("t_ridge@inclusive"), PolicyId.parse("majority@inclusive"),
                PolicyId.parse("t_ridge@conservative"))) {
            RunResult.PolicyResult p = learned(o).stream().filter(q -> q.name().equals(name)).findFirst().orElseThrow();
            Path dir = tmp.resolve("margin").resolve(name.name().replace('@', '_'));
            BundleWriter.Written w = BundleWriter.write(dir, m, o, Instant.EPOCH, List.of(p), null);
            assertEquals(name, w.policy(), w.note());
            ModelBundle b = ModelBundle.load(dir);
            assertEquals(rule, b.rule());
            Recommender.Result r = Recommender.apply(b, testRows);
            assertArrayEquals(held.decisions().get(name), r.rows().stream().mapToInt(Recommender.Row::arm).toArray(),
                    name.name());
            for (Recommender.Row row : r.rows()) {
                if (!row.reason().startsWith("outside overlap")) {
                    assertTrue(row.reason().contains("margin 0.02"), row.reason());
                }
            }
        }
        com.fasterxml.jackson.databind.JsonNode j = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(org.causalrx.pipeline.ResultsJson.write(o.result()));
        assertEquals(1, j.at("/protocol/decision_rule/default_arm").asInt());
        assertEquals("quit smoking", j.at("/protocol/decision_rule/default_arm_label").asText());
        assertEquals(0.02, j.at("/protocol/decision_rule/margin").asDouble(), 0.0);
        assertTrue(learned(o).get(0).description().contains("by more than 0.02"), learned(o).get(0).description());
        // a bundle without policy.decision_rule reads as the sign rule
        Path old = tmp.resolve("margin").resolve("t_ridge_inclusive");
        Path bj = old.resolve(BundleFormat.BUNDLE);
        com.fasterxml.jackson.databind.node.ObjectNode bundleJson =
                (com.fasterxml.jackson.databind.node.ObjectNode) BundleFiles.JSON.readTree(bj.toFile());
        ((com.fasterxml.jackson.databind.node.ObjectNode) bundleJson.get("policy")).remove("decision_rule");
        byte[] bytes = (BundleFiles.JSON.writeValueAsString(bundleJson) + "\n").getBytes(StandardCharsets.UTF_8);
        Files.write(bj, bytes);
        Path mf = old.resolve(BundleFormat.MANIFEST);
        com.fasterxml.jackson.databind.node.ObjectNode manifest =
                (com.fasterxml.jackson.databind.node.ObjectNode) BundleFiles.JSON.readTree(mf.toFile());
        ((com.fasterxml.jackson.databind.node.ObjectNode) manifest.get("files")).put(BundleFormat.BUNDLE,
                Manifest.sha256(bytes));
        Files.writeString(mf, BundleFiles.JSON.writeValueAsString(manifest) + "\n");
        ModelBundle withoutRule = ModelBundle.load(old);
        assertEquals(DecisionRule.sign(-1), withoutRule.rule());
        boolean[] in = new boolean[held.propensity().length];
        for (int i = 0; i < in.length; i++) {
            in[i] = ov.contains(held.propensity()[i]);
        }
        assertArrayEquals(DecisionRule.sign(-1).arms(tau.get("t_ridge"), in), Recommender.apply(withoutRule, testRows)
                .rows().stream().mapToInt(Recommender.Row::arm).toArray());
    }

    @Test
    void selectedPolicyIsBundledWithTheRunsProvenance() throws Exception {
        Path dir = tmp.resolve("model");
        BundleWriter.Written w = BundleWriter.write(dir, study, out, Instant.parse("2026-01-02T03:04:05Z"));
        PolicyId selected = out.result().policyInsights().selectedPolicy();
        assertEquals(selected, w.policy());
        ModelBundle b = ModelBundle.load(dir);
        assertEquals(selected, b.policy());
        assertEquals(-1, b.betterSign());
        assertEquals(List.of("kept smoking", "quit smoking"), b.armLabels());
        assertEquals(out.result().provenance().dataSha256(), b.provenance().get("data_sha256"));
        assertEquals("2026-01-02T03:04:05Z", b.provenance().get("written_at"));
        assertNull(b.alphaStat());
        assertEquals(out.result().overlap().etaLow(), b.overlap().etaLow(), 0.0);
        // the same run written again differs only in the time written
        Path again = tmp.resolve("again");
        BundleWriter.write(again, study, out, Instant.parse("2030-01-01T00:00:00Z"));
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) {
                String name = f.getFileName().toString();
                if (!name.equals(BundleFormat.BUNDLE) && !name.equals(BundleFormat.MANIFEST)) {
                    assertArrayEquals(Files.readAllBytes(f), Files.readAllBytes(again.resolve(name)), name);
                }
            }
        }
        assertEquals(Files.readString(dir.resolve(BundleFormat.BUNDLE)).replace("2026-01-02T03:04:05Z", "T"),
                Files.readString(again.resolve(BundleFormat.BUNDLE)).replace("2030-01-01T00:00:00Z", "T"));
    }

    @Test
    void tamperedFileIsRejectedByName() throws Exception {
        Path dir = tmp.resolve("model");
        BundleWriter.write(dir, study, out, Instant.EPOCH, List.of(learned(out).get(1)), null);
        Path enc = dir.resolve(BundleFormat.ENCODING);
        String text = Files.readString(enc);
        Files.writeString(enc, text.replaceFirst("\"median\" : ([0-9])", "\"median\" : 9$1"));
        CausalRxException e = assertThrows(CausalRxException.class, () -> ModelBundle.load(dir));
        assertTrue(e.getMessage().contains("encoding.json") && e.getMessage().contains("checksum"), e.getMessage());
        Files.writeString(enc, text);
        assertNotNull(ModelBundle.load(dir));
        Files.delete(dir.resolve(BundleFormat.CATE));
        e = assertThrows(CausalRxException.class, () -> ModelBundle.load(dir));
        assertTrue(e.getMessage().contains("cate.json") && e.getMessage().contains("missing"), e.getMessage());
    }

    @Test
    void unsupportedVersionIsRejectedSayingWhichVersions() throws Exception {
        Path dir = tmp.resolve("model");
        BundleWriter.write(dir, study, out, Instant.EPOCH, List.of(learned(out).get(0)), null);
        Path mf = dir.resolve(BundleFormat.MANIFEST);
        Files.writeString(mf, Files.readString(mf).replace("\"bundle_version\" : 1", "\"bundle_version\" : 99"));
        CausalRxException e = assertThrows(CausalRxException.class, () -> ModelBundle.load(dir));
        assertTrue(e.getMessage().contains("bundle_version 99") && e.getMessage().contains("[1]"), e.getMessage());
    }

    @Test
    void badRowsAreReportedByRowAndTheOthersScoredAsAlone() throws Exception {
        Path dir = tmp.resolve("model");
        BundleWriter.write(dir, study, out, Instant.EPOCH, List.of(learned(out).get(0)), null);
        ModelBundle b = ModelBundle.load(dir);
        List<String> lines = Files.readAllLines(study.data(), StandardCharsets.UTF_8).subList(0, 11);
        String[] header = lines.get(0).split(",", -1);
        int age = List.of(header).indexOf("age");
        int sex = List.of(header).indexOf("sex");
        int chol = List.of(header).indexOf("cholesterol");
        List<String> bad = new ArrayList<>(lines);
        bad.set(3, set(bad.get(3), age, "forty"));        // data row 3: not a number
        bad.set(5, set(bad.get(5), sex, "7"));            // data row 5: unknown category
        bad.set(6, set(bad.get(6), chol, ""));            // data row 6: missing number, imputed
        Path badCsv = tmp.resolve("bad.csv");
        Files.write(badCsv, bad);
        Recommender.Result r = Recommender.apply(b, TableReader.read(badCsv));
        assertEquals(10, r.rows().size());
        assertEquals(8, r.scored());
        assertTrue(r.rows().get(2).error().contains("'forty' is not a number"), r.rows().get(2).error());
        assertTrue(r.rows().get(4).error().contains("'sex' = '7' was not seen in training"), r.rows().get(4).error());
        assertEquals(List.of(3), r.problems().stream().filter(p -> p.column().equals("age")).findFirst()
                .orElseThrow().rows());
        assertEquals(List.of(5), r.problems().stream().filter(p -> p.column().equals("sex")).findFirst()
                .orElseThrow().rows());
        assertTrue(r.notes().stream().anyMatch(n -> n.contains("'cholesterol'") && n.contains("rows 6")),
                r.notes().toString());
        // valid rows score exactly as in a file without the bad rows
        List<String> good = new ArrayList<>(bad);
        good.remove(5);
        good.remove(3);
        Path goodCsv = tmp.resolve("good.csv");
        Files.write(goodCsv, good);
        Recommender.Result g = Recommender.apply(b, TableReader.read(goodCsv));
        List<Recommender.Row> scored = r.rows().stream().filter(x -> x.arm() != null).toList();
        for (int i = 0; i < scored.size(); i++) {
            assertEquals(g.rows().get(i).id(), scored.get(i).id());
            assertEquals(g.rows().get(i).cate(), scored.get(i).cate(), 0.0);
            assertEquals(g.rows().get(i).propensity(), scored.get(i).propensity(), 0.0);
        }
        // a missing required column stops with the column's name
        Path noAge = tmp.resolve("noage.csv");
        Files.write(noAge, lines.stream().map(l -> drop(l, age)).toList());
        CausalRxException e = assertThrows(CausalRxException.class,
                () -> Recommender.apply(b, TableReader.read(noAge)));
        assertTrue(e.getMessage().contains("no column 'age'"), e.getMessage());
    }

    @Test
    void runWithoutABundleablePolicySaysWhy() throws Exception {
        Study s = new Study(study.file(), study.name(), study.protocol(), study.data(), study.idColumn(),
                study.treatment(), study.outcome(), study.covariates(), study.split(), study.seed(), study.overlap(),
                20, study.ateFolds(), List.of("t_ridge", "t_lasso", "consensus"), null);
        RunOutput o = new StudyRun().withoutRefutation().run(s, table, Progress.NONE);
        BundleWriter.Written w = BundleWriter.write(tmp.resolve("none"), s, o, Instant.EPOCH,
                learned(o).stream().filter(p -> p.name().kind() == PolicyKind.CONSENSUS).toList(),
                PolicyId.of(PolicyKind.CONSENSUS_NAME));
        assertNull(w.policy());
        assertTrue(w.note().contains("consensus: a policy over several models") && w.note().contains("t_bart"),
                w.note());
        assertTrue(Files.notExists(tmp.resolve("none")));
    }

    private static String set(String line, int col, String value) {
        String[] f = line.split(",", -1);
        f[col] = value;
        return String.join(",", f);
    }

    private static String drop(String line, int col) {
        List<String> f = new ArrayList<>(List.of(line.split(",", -1)));
        f.remove(col);
        return String.join(",", f);
    }
}
