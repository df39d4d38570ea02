package org.causalrx.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

import org.causalrx.causal.ArmOutcomeModel;
import org.causalrx.causal.diagnostics.ArmAuc;
import org.causalrx.causal.diagnostics.NnPehe;
import org.causalrx.data.Table;
import org.causalrx.data.TableReader;
import org.causalrx.result.PolicyId;
import org.causalrx.study.Cohort;
import org.causalrx.study.CohortBuilder;
import org.causalrx.study.Study;
import org.causalrx.study.StudyLoader;
import org.causalrx.util.Stats;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run whose derived evaluation outcome has no value for some test patients ({@code missing: drop}): the
 * NN-PEHE and per-arm AUC stay on the modelled (binary) outcome of every test patient, and the deferral sweep
 * values the decisions of the kept patients only.
 */
@Tag("slow")
class EvaluationDropRunTest {
    @TempDir
    static Path dir;
    static Study study;
    static Table table;
    static RunOutput out;

    @BeforeAll
    static void run() throws Exception {
        SplittableRandom rnd = new SplittableRandom(8);
        StringBuilder csv = new StringBuilder("id,t,age,sex,y,c\n");
        for (int i = 0; i < 400; i++) {
            double age = 20 + 50 * rnd.nextDouble();
            int sex = rnd.nextInt(2);
            int t = rnd.nextDouble() < 1 / (1 + Math.exp(-(age - 45) / 15)) ? 1 : 0;
            double lin = 0.06 * (age - 45) + t * (sex == 1 ? 1.2 : -1.2);
            int y = rnd.nextDouble() < 1 / (1 + Math.exp(-lin)) ? 1 : 0;
            // c = 0 makes (y + 1) / c infinite: those patients have no evaluation outcome
            csv.append(String.format(Locale.ROOT, "%d,%d,%.2f,%d,%d,%d%n", i, t, age, sex, y, i % 6 == 0 ? 0 : 2));
        }
        Files.writeString(dir.resolve("d.csv"), csv.toString());
        Path s = dir.resolve("s.yaml");
        Files.writeString(s, "name: drop\ndata: d.csv\nid: id\ntreatment: {column: t, arms: {\"0\": a, \"1\": b}}\n"
                + "covariates:\n  - {name: age, role: confounder}\n  - {name: sex, role: effect_modifier, "
                + "type: categorical}\nseed: 3\nestimators: [t_ridge]\nbootstrap: {rounds: 50}\nate: {folds: 2, "
                + "estimands: [att, ate]}\n"
                + "outcome: {column: y, type: binary, direction: higher, evaluate: {name: score, formula: "
                + "\"(y + 1) / c\", direction: higher, missing: drop}}\n"
                + "deferral: {alpha_stat: 0.1, lambda: 1.5, bootstrap_refits: 5, sweep: {alpha_stat: [0.1, 0.5], "
                + "lambda: [1, 1.5]}}\n");
        study = StudyLoader.load(s);
        table = TableReader.read(study.data());
        out = new StudyRun(Learners.standard(), false).run(study, table, Progress.NONE);
    }

    @Test
    void theRunCompletesAndCountsTheDroppedPatients() {
        RunResult.EvaluationOutcome ev = out.result().evaluationOutcome();
        assertTrue(ev.testDropped() > 0, ev.toString());
        assertEquals(out.result().n().test(), ev.testN() + ev.testDropped());
        int[] src = out.heldOut().sourceRows();
        assertEquals(src.length, out.heldOut().outcome().length, "one modelled outcome per test patient");
        for (int i = 0; i < src.length; i++) {
            double y = ((org.causalrx.data.Column.Numeric) table.column("y")).get(src[i]);
            assertEquals(y, out.heldOut().outcome()[i], "test patient " + i + " carries the modelled outcome");
        }
    }

    @Test
    void nnPeheAndAucAreComputedOnTheModelledOutcomeOfEveryTestPatient() {
        double[][] xTest = testCovariates();
        int[] tTest = out.heldOut().treatment();
        double[] yTest = out.heldOut().outcome();
        ArmOutcomeModel model = (ArmOutcomeModel) out.models().cateModels().get("t_ridge");
        NnMetrics.Estimator m = out.result().nnMetrics().estimators().get(0);
        assertEquals(tTest.length, out.result().nnMetrics().n());
        double direct = NnPehe.compute(xTest, tTest, yTest, out.models().cateModels().get("t_ridge").effect(xTest),
                1, 0).pehe();
        assertEquals(direct, m.nnPehe(), 1e-12);
        assertEquals(2, m.aucByArm().size());
        for (int arm = 0; arm <= 1; arm++) {
            int[] rows = Stats.indicesOf(tTest, arm);
            int[] y = new int[rows.length];
            for (int k = 0; k < rows.length; k++) {
                y[k] = (int) yTest[rows[k]];
            }
            double auc = ArmAuc.compute(y, model.mu(Stats.select(xTest, rows), arm), 1, 0).auc();
            assertEquals(auc, m.aucByArm().get(arm).auc(), 1e-12, "arm " + arm);
            assertEquals(rows.length, m.aucByArm().get(arm).n());
        }
    }

    @Test
    void sweepValuesEqualTheConservativePolicyOnTheKeptPatients() {
        // the sweep point at the study's (alpha_stat, Lambda) decides as the Conservative set; the policy table
        // values that set's decisions restricted to the kept patients
        Study.Deferral d = study.deferral();
        for (String name : List.of("t_ridge@conservative")) {
            DeferralResult.SweepPoint p = out.result().deferralSweep().stream()
                    .filter(s -> s.policy().name().equals(name) && s.alphaStat() == d.alphaStat()
                            && s.lambda() == d.lambda()).findFirst().orElseThrow();
            RunResult.PolicyResult r = out.result().policies().stream().filter(q -> q.name().name().equals(name))
                    .findFirst().orElseThrow();
            assertEquals(r.pointDr(), p.valueDr(), 1e-12, name);
            assertEquals(r.deferredShare(), p.deferralRate(), 1e-12, name);
            assertEquals(r.treatedShare(), p.treatedShare(), 1e-12, name);
        }
    }

    @Test
    void theRequestedEstimandsReachTheResultsBesideTheAte() {
        RunResult.AteResult ate = out.result().ate();
        assertEquals(List.of("att", "ate"), ate.estimands().stream().map(RunResult.EstimandResult::name).toList());
        RunResult.EstimandResult listed = ate.estimands().get(1);
        assertEquals(ate.estimate(), listed.estimate(), 0.0);
        assertEquals(ate.se(), listed.se(), 0.0);
        assertEquals(2, ate.estimands().get(0).folds());
        assertTrue(ResultsJson.write(out.result()).contains("\"estimands\" : [ {"));
    }

    @Test
    void sameSeedGivesByteIdenticalResults() {
        RunOutput again = new StudyRun(Learners.standard(), true).run(study, table, Progress.NONE);
        assertEquals(ResultsJson.write(out.result()), ResultsJson.write(again.result()));
        assertArrayEquals(out.heldOut().decisions().get(PolicyId.parse("t_ridge@conservative")),
                again.heldOut().decisions().get(PolicyId.parse("t_ridge@conservative")));
    }

    private static double[][] testCovariates() {
        Cohort cohort = CohortBuilder.build(study, table);
        double[][] all = out.models().encoding().transform(cohort.covariates());
        Map<Integer, Integer> bySource = new HashMap<>();
        for (int i = 0; i < cohort.sourceRows().length; i++) {
            bySource.put(cohort.sourceRows()[i], i);
        }
        int[] src = out.heldOut().sourceRows();
        double[][] x = new double[src.length][];
        for (int i = 0; i < src.length; i++) {
            x[i] = all[bySource.get(src[i])];
        }
        return x;
    }
}
