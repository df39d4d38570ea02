package org.causalrx.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import com.fasterxml.jackson.databind.JsonNode;
import org.causalrx.causal.CrossFitAipw;
import org.causalrx.causal.diagnostics.Refutation;
import org.causalrx.causal.diagnostics.RefutationCheck;
import org.causalrx.causal.diagnostics.RefutationRules;
import org.causalrx.causal.diagnostics.RefutationSubsample;
import org.causalrx.data.Table;
import org.causalrx.data.TableReader;
import org.causalrx.result.Arms;
import org.causalrx.study.Cohort;
import org.causalrx.study.CohortBuilder;
import org.causalrx.study.Study;
import org.causalrx.study.StudyLoader;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The refutation stages on a patient subsample (the study's {@code refutation.rows}): a two-arm study of 600 patients
 * asking for 200 rows refutes on them against the AIPW fitted on them and records the subsample in results.json and
 * in its estimator text; the default (automatic: 20,000 rows, more than half of 600) and {@code rows: all} give the
 * same bytes as before, without the key. The K-arm refutations of a subsample hold its rows only, and an estimator
 * that ignores the arms still fails the placebo there.
 */
class RefutationStageSubsampleTest {
    @TempDir
    Path dir;

    private RunContext context(String block) throws Exception {
        return context(600, "ate: {folds: 2}\n", block, true);
    }

    /**
     * A study of {@code n} patients with one confounder; {@code fitAte}: the ATE fitted as the ATE stage does, else a
     * stand-in (for cohorts too large to fit in a unit test, where the checks run on the subsample only).
     */
    private RunContext context(int n, String ateBlock, String block, boolean fitAte) throws Exception {
        SplittableRandom r = new SplittableRandom(6);
        StringBuilder csv = new StringBuilder("id,t,a,y\n");
        for (int i = 0; i < n; i++) {
            double a = r.nextGaussian();
            int t = r.nextDouble() < 1 / (1 + Math.exp(-0.7 * a)) ? 1 : 0;
            csv.append(String.format(Locale.ROOT, "%d,%d,%.4f,%.4f%n", i, t, a, a + t + r.nextGaussian()));
        }
        Files.writeString(dir.resolve("d.csv"), csv.toString());
        Files.writeString(dir.resolve("s.yaml"), "name: refute\ndata: d.csv\nid: id\n"
                + "treatment: {column: t, arms: {\"0\": a, \"1\": b}}\n"
                + "covariates:\n  - {name: a, role: confounder}\nseed: 3\nestimators: [t_ridge]\n" + ateBlock
                + "outcome: {column: y, type: continuous, direction: higher}\n"
                + "refutation: {placebo_draws: 2, common_cause_draws: 1, subset_draws: 2" + block + "}\n");
        Study study = StudyLoader.load(dir.resolve("s.yaml"));
        Table table = TableReader.read(study.data());
        Cohort cohort = CohortBuilder.build(study, table);
        double[][] x = new double[cohort.size()][];
        double[] a = ((org.causalrx.data.Column.Numeric) cohort.covariates().column("a")).values();
        for (int i = 0; i < x.length; i++) {
            x[i] = new double[] {a[i]};
        }
        Learners learners = Learners.standard().forStudy(study);
        CrossFitAipw aipw = AteEstimands.aipw(learners, study, x.length);
        CrossFitAipw.Estimate original = fitAte ? aipw.estimate(x, cohort.treatment(), cohort.outcome(), null,
                AteEstimands.seed(study.seed())) : new CrossFitAipw.Estimate(1, 0.01, 0.98, 1.02, n, aipw.folds());
        return RunContext.of(study, table).with(RunSlots.LEARNERS, learners).with(RunSlots.COHORT, cohort)
                .with(RunSlots.X, x).with(RunSlots.ATE, new RunResult.AteResult(original.ate(), original.se(),
                        original.ciLow(), original.ciHigh(), "aipw", original.folds(), original.n(), List.of()))
                .with(RunSlots.POLICY_INSIGHTS, new RunResult.PolicyInsights(List.of(), 0, null, null, null,
                        List.of(), List.of(), null, null));
    }

    @Test
    @Tag("slow")
    void aTwoArmStudyAskingForFewerRowsRefutesOnThemAndSaysSo() throws Exception {
        RunContext c = context(", rows: 200");
        AteRefutations r = new RefutationStage(false).apply(c, Progress.NONE).get(RunSlots.REFUTATIONS);
        RefutationSubsample s = r.subsample();
        assertEquals(600, s.ofRows());
        assertEquals(200, s.rows(), 1, "a third of each arm");
        assertEquals(s.rows(), s.patients());
        double full = c.get(RunSlots.ATE).estimate();
        for (Refutation check : r.checks()) {
            assertNotEquals(full, check.original(), "the reference is the subsample's estimate");
            assertEquals(r.checks().get(0).original(), check.original());
        }
        assertTrue(r.estimator().contains("a seeded subsample of " + s.rows() + " of 600 patients"), r.estimator());
        JsonNode json = ResultsJson.mapper().readTree(ResultsJson.mapper().writeValueAsString(r));
        assertEquals(s.rows(), json.get("subsample").get("rows").asInt());
        assertEquals(600, json.get("subsample").get("of_rows").asInt());
        assertEquals(600, json.get("subsample").get("of_patients").asInt());
        assertEquals(r, new RefutationStage(true).apply(context(", rows: 200"), Progress.NONE)
                .get(RunSlots.REFUTATIONS), "same seed, same subsample and refutations, on any number of threads");
    }

    @Test
    @Tag("slow")
    void onASubsampleTheChecksReRunTheAteWithTheAtesOwnFolds() throws Exception {
        // ate.folds auto: 2 folds for a cohort of 200,000 rows; the 200-row subsample alone would take 5
        RunContext c = context(Study.LARGE_ATE_ROWS, "", ", rows: 200", false);
        assertEquals(2, AteEstimands.aipw(c.get(RunSlots.LEARNERS), c.study(), Study.LARGE_ATE_ROWS).folds());
        assertEquals(5, AteEstimands.aipw(c.get(RunSlots.LEARNERS), c.study(), 200).folds());
        AteRefutations r = new RefutationStage(false).apply(c, Progress.NONE).get(RunSlots.REFUTATIONS);
        assertEquals(200, r.subsample().rows(), 1);
        assertTrue(r.estimator().contains(", 2 folds,"), r.estimator());
        assertFalse(r.estimator().contains("5 folds"), r.estimator());
    }

    @Test
    @Tag("slow")
    void belowTwiceTheAutomaticSizeOrWithRowsAllTheBytesAreThoseOfRefutationsOnAllRows() throws Exception {
        AteRefutations auto = new RefutationStage(false).apply(context(""), Progress.NONE).get(RunSlots.REFUTATIONS);
        AteRefutations all = new RefutationStage(false).apply(context(", rows: all"), Progress.NONE)
                .get(RunSlots.REFUTATIONS);
        AteRefutations atHalfPlusOne = new RefutationStage(false).apply(context(", rows: 301"), Progress.NONE)
                .get(RunSlots.REFUTATIONS);
        assertNull(auto.subsample());
        String bytes = ResultsJson.mapper().writeValueAsString(all);
        assertEquals(bytes, ResultsJson.mapper().writeValueAsString(auto));
        assertEquals(bytes, ResultsJson.mapper().writeValueAsString(atHalfPlusOne), "600 < 2 x 301");
        assertFalse(bytes.contains("subsample"), bytes);
        double full = context("").get(RunSlots.ATE).estimate();
        assertTrue(auto.checks().stream().allMatch(ch -> ch.original() == full), "compared with the full-data ATE");
    }

    @Test
    void kArmRefutationsOfASubsampleSeeOnlyItsRowsAndTheBlindEstimatorStillFailsThePlacebo() {
        Arms arms = new Arms(List.of("0", "1", "2"), List.of("none", "low", "high"));
        int n = 900;
        SplittableRandom rnd = new SplittableRandom(8);
        double[][] x = new double[n][];
        int[] t = new int[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = new double[] {i, rnd.nextGaussian()};
            t[i] = i % 3;
            y[i] = x[i][1] + t[i] + rnd.nextGaussian();
        }
        List<Integer> sizes = new ArrayList<>();
        MultiArmRefutationStage.ContrastFit blind = (xs, ts, ys, gs, seed) -> {
            synchronized (sizes) {
                sizes.add(ys.length);
            }
            return List.of(new CrossFitAipw.Estimate(1 + ys.length, 0.1, 0.8, 1.2, ys.length, 3),
                    new CrossFitAipw.Estimate(-2, 0.1, -2.2, -1.8, ys.length, 3));
        };
        RefutationRules rules = new RefutationRules(2, 0.5, 1, 0.5, 2, 0.5, 2);
        RefutationSubsample.Drawn drawn = RefutationSubsample.draw(t, 3, null, 300, 4L);
        MultiArmRefutations r = MultiArmRefutationStage.refute(blind, "blind", arms, x, t, y, null, 41L, rules, false,
                drawn);
        assertEquals(new RefutationSubsample(300, 900, 300, 900), r.subsample());
        assertEquals(List.of(300, 300, 300, 300, 150, 150), sizes, "the reference, 2 placebos, 1 common cause, "
                + "2 subsets of half: each once for both arms, on the subsample");
        assertEquals(301, r.arms().get(0).checks().get(0).original(), "arm 1's reference is its subsample contrast");
        for (MultiArmRefutations.Arm a : r.arms()) {
            assertTrue(a.failed().contains(RefutationCheck.PLACEBO_TREATMENT), "arm " + a.arm());
        }
        assertTrue(r.estimator().startsWith("blind; every check on a seeded subsample of 300 of 900 patients"),
                r.estimator());
        MultiArmResult.Verdict v = new MultiArmResult.Verdict(null, 0, 0, 0, 0, 0, 0, false, "Nothing beats practice.");
        assertTrue(MultiArmRefutationStage.verdict(v, r).statement().contains("(on a seeded subsample of 300 of 900 "
                + "patients)"));
        assertEquals(MultiArmRefutationStage.refute(blind, "blind", arms, x, t, y, null, 41L, rules, false),
                MultiArmRefutationStage.refute(blind, "blind", arms, x, t, y, null, 41L, rules, false, null),
                "no subsample: as before");
    }
}
