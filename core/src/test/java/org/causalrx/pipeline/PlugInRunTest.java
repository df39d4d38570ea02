package org.causalrx.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;

import org.causalrx.causal.TLearner;
import org.causalrx.data.SplitIndices;
import org.causalrx.data.Splits;
import org.causalrx.data.Table;
import org.causalrx.data.TableReader;
import org.causalrx.learn.linear.LogisticRegression;
import org.causalrx.policy.HeldOut;
import org.causalrx.result.Baseline;
import org.causalrx.study.Cohort;
import org.causalrx.study.CohortBuilder;
import org.causalrx.study.Study;
import org.causalrx.study.StudyLoader;
import org.causalrx.util.Seeds;
import org.causalrx.util.Stats;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code policy_evaluation.plug_in: t_ridge}: the held-out DR values use the ridge T-learner's mu_0, mu_1. The DR value
 * of treat-all is recomputed by hand (AIPW on the test split with p*, the L2-logistic fit on all patients, and the
 * run's ridge outcome model) and must equal the run's.
 */
@Tag("slow")
class PlugInRunTest {

    @Test
    void ridgePlugInValuesTreatAllWithRidgeMu(@TempDir Path dir) throws Exception {
        Study study = StudyLoader.load(study(dir));
        Table table = TableReader.read(study.data());
        RunOutput out = new StudyRun(Learners.standard(), false).run(study, table, Progress.NONE);
        RunResult r = out.result();
        assertEquals("t_ridge", r.protocol().estimatorSettings().drPlugIn());
        assertEquals("t_learner", r.protocol().estimatorSettings().estimators().get(0).kind());
        assertEquals(1.0e-3, r.protocol().estimatorSettings().estimators().get(0).params().get("lambda"));

        Cohort cohort = CohortBuilder.build(study, table);
        double[][] x = out.models().encoding().transform(cohort.covariates());
        int[] t = cohort.treatment();
        double[] y = cohort.outcome();
        Study.Split fr = study.split();
        SplitIndices split = Splits.stratified(t, fr.train(), fr.validation(), fr.test(),
                Seeds.derive(study.seed(), "split"));
        int[] test = split.test();
        double[][] xTest = Stats.select(x, test);
        double[] pStar = LogisticRegression.l2().fit(x, t, null, Seeds.derive(study.seed(), "p-star"))
                .predictProba(xTest);
        TLearner.Fitted ridge = (TLearner.Fitted) out.models().cateModels().get("t_ridge");
        double[] mu1 = ridge.mu(xTest, 1);
        double sumW = 0;
        double sumWRes = 0;
        for (int k = 0; k < test.length; k++) {
            if (t[test[k]] == 1) {
                double w = 1 / Math.min(1 - HeldOut.CLIP, Math.max(HeldOut.CLIP, pStar[k]));
                sumW += w;
                sumWRes += w * (y[test[k]] - mu1[k]);
            }
        }
        double aipw = sumWRes / sumW + Stats.mean(mu1);
        RunResult.PolicyResult treatAll = r.policies().stream().filter(p -> p.name().equals(Baseline.treatAllId("1")))
                .findFirst().orElseThrow();
        assertEquals(aipw, treatAll.pointDr(), 1e-9);
        assertTrue(r.outcomeModels().stream().anyMatch(m -> m.model().equals("t_ridge")));
        assertTrue(r.outcomeModels().stream().noneMatch(m -> m.model().equals("t_xgboost")),
                "t_xgboost is neither listed nor the plug-in, so it is not fitted");
    }

    /** 400 patients; y linear in age with an effect that changes sign with sex. */
    private static Path study(Path dir) throws Exception {
        SplittableRandom rnd = new SplittableRandom(2);
        StringBuilder csv = new StringBuilder("id,t,age,sex,y\n");
        for (int i = 0; i < 400; i++) {
            double age = 20 + 50 * rnd.nextDouble();
            int sex = rnd.nextInt(2);
            int t = rnd.nextDouble() < 1 / (1 + Math.exp(-(age - 45) / 15)) ? 1 : 0;
            double y = 0.05 * age + t * (sex == 1 ? 1 : -1) + rnd.nextGaussian();
            csv.append(String.format(Locale.ROOT, "%d,%d,%.2f,%d,%.4f%n", i, t, age, sex, y));
        }
        Files.writeString(dir.resolve("d.csv"), csv.toString());
        Path s = dir.resolve("s.yaml");
        Files.writeString(s, "name: sim\ndata: d.csv\nid: id\ntreatment: {column: t, arms: {\"0\": a, \"1\": b}}\n"
                + "outcome: {column: y, type: continuous, direction: higher}\n"
                + "covariates:\n  - {name: age, role: confounder}\n  - {name: sex, role: effect_modifier, "
                + "type: categorical}\nseed: 4\nbootstrap: {rounds: 100}\nate: {folds: 2}\n"
                + "estimators: [{name: t_ridge, params: {lambda: 0.001}}]\npolicy_evaluation: {plug_in: t_ridge}\n");
        return s;
    }
}
