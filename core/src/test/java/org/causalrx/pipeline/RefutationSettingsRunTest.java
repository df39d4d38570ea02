package org.causalrx.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import com.fasterxml.jackson.databind.JsonNode;
import org.causalrx.causal.diagnostics.Refutation;
import org.causalrx.data.TableReader;
import org.causalrx.study.RefutationSettings;
import org.causalrx.study.Study;
import org.causalrx.study.StudyLoader;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The study's {@code refutation:} block drives the refutation stages: its draws and subset fraction reach every
 * check of a run, and {@code refutation: false} records the two-arm and K-arm refutations as skipped (with the
 * reason, no checks, not passed) instead of leaving them out.
 */
class RefutationSettingsRunTest {
    private static final String ARMS2 = "treatment: {column: t, arms: {\"0\": a, \"1\": b}}\n";
    private static final String ARMS3 = "treatment: {column: t, arms: {\"0\": a, \"1\": b, \"2\": c}}\n";

    @TempDir
    Path dir;

    @Test
    void aTwoArmStudyThatSkipsRefutationRecordsTheStageAsSkipped() throws Exception {
        Study study = study(ARMS2, "refutation: false\n");
        RunContext c = RunContext.of(study, TableReader.read(study.data())).with(RunSlots.LEARNERS,
                Learners.standard().forStudy(study));
        RefutationStage stage = new RefutationStage(false);
        assertTrue(stage.detail(c).startsWith("skipped"), stage.detail(c));
        AteRefutations r = stage.apply(c, Progress.NONE).get(RunSlots.REFUTATIONS);
        assertEquals(RefutationSettings.SKIPPED, r.skipped());
        assertTrue(r.checks().isEmpty());
        assertFalse(r.allPassed());
        JsonNode json = ResultsJson.mapper().readTree(ResultsJson.mapper().writeValueAsString(r));
        assertEquals(RefutationSettings.SKIPPED, json.get("skipped").asText());
        assertTrue(json.get("estimator").asText().contains("AIPW"), json.toString());
        JsonNode ran = ResultsJson.mapper().readTree(ResultsJson.mapper().writeValueAsString(
                new AteRefutations("aipw", List.of(), true)));
        assertFalse(ran.has("skipped"), "no skipped key when the checks ran: " + ran);
    }

    @Test
    void aKArmStudyThatSkipsRefutationRecordsTheStageAsSkipped() throws Exception {
        Study study = study(ARMS3, "refutation: {enabled: false, placebo_draws: 4}\n");
        MultiArmResult empty = new MultiArmResult(MultiArmResult.KIND, MultiArmResult.KIND, "s", null, List.of(),
                null, null, List.of(), List.of(), null, null, null, List.of());
        RunContext c = RunContext.of(study, TableReader.read(study.data())).with(MultiArmStages.RESULT, empty);
        MultiArmRefutations r = new MultiArmRefutationStage(false).apply(c, Progress.NONE).get(MultiArmStages.RESULT)
                .refutations();
        assertEquals(RefutationSettings.SKIPPED, r.skipped());
        assertTrue(r.arms().isEmpty() && !r.allPassed());
        JsonNode json = ResultsJson.mapper().readTree(ResultsJson.mapper().writeValueAsString(r));
        assertEquals(RefutationSettings.SKIPPED, json.get("skipped").asText());
    }

    @Test
    @Tag("slow")
    void theStudysDrawsAndSubsetFractionReachEveryCheckOfARun() throws Exception {
        Study study = study(ARMS2, "refutation: {placebo_draws: 3, common_cause_draws: 1, subset_draws: 2, "
                + "subset_fraction: 0.7}\n");
        RunResult r = new StudyRun(Learners.standard(), false).run(study, TableReader.read(study.data()),
                Progress.NONE).result();
        List<Refutation> checks = r.refutations().checks();
        assertEquals(List.of(3, 1, 2), checks.stream().map(Refutation::draws).toList());
        assertTrue(checks.get(2).rule().contains("70 %"), checks.get(2).rule());
        assertEquals(null, r.refutations().skipped());
    }

    /** 500 simulated patients, effect 1 + b, confounded by a; arms 0/1 (or 0/1/2 with {@link #ARMS3}). */
    private Study study(String arms, String block) throws Exception {
        int k = arms.equals(ARMS3) ? 3 : 2;
        SplittableRandom rnd = new SplittableRandom(4);
        StringBuilder csv = new StringBuilder("id,t,a,b,y\n");
        for (int i = 0; i < 500; i++) {
            double a = rnd.nextGaussian();
            double b = rnd.nextGaussian();
            int t = rnd.nextDouble() < 1 / (1 + Math.exp(-0.7 * a)) ? 1 : 0;
            t = k == 3 && t == 1 && rnd.nextBoolean() ? 2 : t;
            double y = a + t * (1 + b) + rnd.nextGaussian();
            csv.append(String.format(Locale.ROOT, "%d,%d,%.4f,%.4f,%.4f%n", i, t, a, b, y));
        }
        Files.writeString(dir.resolve("d.csv"), csv.toString());
        Path s = dir.resolve("s.yaml");
        Files.writeString(s, "name: refute\ndata: d.csv\nid: id\n" + arms
                + "covariates:\n  - {name: a, role: confounder}\n  - {name: b, role: effect_modifier}\nseed: 3\n"
                + "estimators: [t_ridge]\nbootstrap: {rounds: 20}\nate: {folds: 2}\n"
                + "outcome: {column: y, type: continuous, direction: higher}\n" + block);
        return StudyLoader.load(s);
    }
}
