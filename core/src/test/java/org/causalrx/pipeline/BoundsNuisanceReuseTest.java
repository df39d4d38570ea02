package org.causalrx.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.causalrx.causal.CateModel;
import org.causalrx.causal.bounds.BLearner;
import org.causalrx.causal.meta.FinalStageModel;
import org.causalrx.causal.uncertainty.IntervalCalibration;
import org.causalrx.study.Study;
import org.causalrx.study.StudyLoader;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * From {@link BLearner#LARGE_ROWS} training rows the run's B-learner takes {@code dr_xgboost}'s cross-fitted
 * nuisances (same learners, 2 folds, clip, rows) and its final stage as the Lambda = 1 regression, and results.json's
 * bounds method says so; below the gate it cross-fits its own, and the method text is the usual one.
 */
class BoundsNuisanceReuseTest {
    @TempDir
    Path dir;

    private Study study() throws Exception {
        Files.writeString(dir.resolve("d.csv"), "id,t,a,y\n1,0,0.1,1\n2,1,0.2,2\n");
        Files.writeString(dir.resolve("s.yaml"), "name: reuse\ndata: d.csv\nid: id\n"
                + "treatment: {column: t, arms: {\"0\": a, \"1\": b}}\n"
                + "covariates:\n  - {name: a, role: confounder}\nseed: 3\nestimators: [t_ridge, dr_xgboost]\n"
                + "outcome: {column: y, type: continuous, direction: higher}\n"
                + "deferral: {alpha_stat: 0.1, lambda: 1.5, bootstrap_refits: 2, sweep: {alpha_stat: [0.1], "
                + "lambda: [1.5]}}\n");
        return StudyLoader.load(dir.resolve("s.yaml"));
    }

    private static DeferralStage.Fitted fit(Study study, int n) {
        SplittableRandom r = new SplittableRandom(8);
        double[][] x = new double[n][];
        int[] t = new int[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double a = r.nextGaussian();
            x[i] = new double[] {a, r.nextGaussian()};
            t[i] = r.nextDouble() < 1 / (1 + Math.exp(-0.7 * a)) ? 1 : 0;
            y[i] = a + t[i] * (1 + 0.5 * x[i][1]) + r.nextGaussian();
        }
        Learners learners = Learners.standard().forStudy(study);
        Map<String, CateModel> models = CateStage.fit(learners.estimators(), study.estimators(), List.of(), x, t, y,
                11, StudyRun.outcomeKind(study));
        DeferralStage.Fitted f = DeferralStage.fit(study, models, learners.tLearners(false), learners, false, x, t, y,
                null, 11, true, IntervalCalibration.NONE);
        if (f.boundsReuse().aipwFit()) {
            assertSame(((FinalStageModel) models.get("dr_xgboost")).tau(), f.bounds().levels().get(0).upper());
        }
        return f;
    }

    @Test
    void belowTheGateTheBLearnerFitsItsOwnNuisances() throws Exception {
        DeferralStage.Fitted f = fit(study(), 2_000);
        assertEquals(3, f.boundsFolds());
        assertNull(f.boundsReuse().estimator());
        assertEquals(DeferralSweep.boundsMethod(3), DeferralSweep.boundsMethod(3, f.boundsReuse()));
    }

    @Test
    @Tag("slow")
    void fromTheGateItTakesTheDrLearnersNuisancesAndFinalStage() throws Exception {
        DeferralStage.Fitted f = fit(study(), BLearner.LARGE_ROWS);
        assertEquals(2, f.boundsFolds());
        assertEquals(new DeferralStage.BoundsReuse("dr_xgboost", true), f.boundsReuse());
        String method = DeferralSweep.boundsMethod(2, f.boundsReuse());
        assertTrue(method.startsWith(DeferralSweep.boundsMethod(2)), method);
        assertTrue(method.endsWith("; e(x), mu_t(x) and their folds are dr_xgboost's, which cross-fits the same "
                + "learners with the same folds and clip on the same training rows, reused, and its final stage (the "
                + "same learner on the same AIPW pseudo-outcomes) is the Lambda = 1 regression"), method);
    }
}
