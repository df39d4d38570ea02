package org.causalrx.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.causalrx.causal.AipwEstimands;
import org.causalrx.causal.CateModel;
import org.causalrx.causal.CrossFitAipw;
import org.causalrx.causal.CrossFittedNuisances;
import org.causalrx.causal.Estimand;
import org.causalrx.causal.diagnostics.RefutationSubsample;
import org.causalrx.causal.meta.DRLearner;
import org.causalrx.causal.meta.FinalStageModel;
import org.causalrx.learn.linear.LogisticRegression;
import org.causalrx.learn.linear.Ridge;
import org.causalrx.study.RefutationSettings;
import org.causalrx.study.Study;
import org.causalrx.study.StudyLoader;
import org.causalrx.util.Stats;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * From {@link AteEstimands#REUSE_ROWS} training rows the run's ATE takes the DR-learner's cross-fitted nuisances
 * ({@link AteEstimands#donor}, {@link AteEstimands#fromTraining}): training rows out of fold, every other row from the
 * mean of the fold models, which never saw it. Checked here: the values are exactly those, no row's nuisances depend on
 * its own outcome, other data, learners or folds are refused, the gate, and on a design with a known ATE the estimate
 * is as accurate as the whole-cohort cross-fit it replaces and its interval covers as often.
 */
class AteNuisanceReuseTest {
    @TempDir
    Path dir;

    /** Linear design: e(x) = logistic(0.6 x0 − 0.4 x1), y = x0 + 0.5 x2 + t·(1 + 0.5 x1) + N(0, 1); ATE 1. */
    private record Data(double[][] x, int[] t, double[] y) {
        static Data draw(int n, long seed) {
            SplittableRandom r = new SplittableRandom(seed);
            double[][] x = new double[n][];
            int[] t = new int[n];
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                double[] xi = {r.nextGaussian(), r.nextGaussian(), r.nextGaussian(), r.nextGaussian()};
                x[i] = xi;
                t[i] = r.nextDouble() < 1 / (1 + Math.exp(-(0.6 * xi[0] - 0.4 * xi[1]))) ? 1 : 0;
                y[i] = xi[0] + 0.5 * xi[2] + t[i] * (1 + 0.5 * xi[1]) + r.nextGaussian();
            }
            return new Data(x, t, y);
        }
    }

    private static final CrossFitAipw AIPW = new CrossFitAipw(LogisticRegression.l2(), new Ridge(), 2, 0.01);

    private static DRLearner dr(int folds) {
        return new DRLearner("dr", AIPW.outcome(), AIPW.propensity(), new Ridge(), folds, 0.05);
    }

    /** Two rows in three (all but i ≡ 1 mod 3, ascending) as a split's training indices. */
    private static int[] train(int n) {
        return java.util.stream.IntStream.range(0, n).filter(i -> i % 3 != 1).toArray();
    }

    private static CrossFittedNuisances fitOnTraining(Data d, int[] train, DRLearner learner, long seed) {
        FinalStageModel fs = (FinalStageModel) learner.fit(Stats.select(d.x(), train), Stats.select(d.t(), train),
                Stats.select(d.y(), train), seed);
        return fs.nuisances();
    }

    /** The DR-learner (2 folds) fitted on the training rows of {@code d}, and the ATE's nuisances taken from it. */
    private record Reused(int[] train, CrossFittedNuisances nu, AipwEstimands a) {
        static Reused of(Data d) {
            int[] train = AteNuisanceReuseTest.train(d.y().length);
            CrossFittedNuisances nu = fitOnTraining(d, train, dr(2), 5);
            return new Reused(train, nu, AteEstimands.fromTraining(nu, AIPW, train, d.x(), d.t(), d.y()));
        }
    }

    @Test
    void trainingRowsKeepTheirOutOfFoldValuesAndOtherRowsGetTheMeanOfTheFoldModels() {
        Data d = Data.draw(3_000, 1);
        Reused r = Reused.of(d);
        int[] train = r.train();
        CrossFittedNuisances nu = r.nu();
        AipwEstimands a = r.a();
        assertNotNull(a);
        for (int j = 0; j < train.length; j++) {
            int i = train[j];
            double raw = nu.models().eRaw()[j];
            assertEquals(Math.min(Math.max(raw, 0.01), 0.99), a.e()[i]);
            // the DR-learner's own e is the same fold prediction at its clip
            assertEquals(Math.min(Math.max(raw, 0.05), 0.95), nu.e()[j]);
            assertEquals(nu.mu()[0][j], a.m0()[i]);
            assertEquals(nu.mu()[1][j], a.m1()[i]);
        }
        int checked = 0;
        for (int i = 1; i < d.y().length; i += 3) {
            double[][] row = {d.x()[i]};
            double e = (nu.models().propensity().get(0).predictProba(row)[0]
                    + nu.models().propensity().get(1).predictProba(row)[0]) / 2;
            assertEquals(Math.min(Math.max(e, 0.01), 0.99), a.e()[i], 1e-15);
            for (int arm = 0; arm <= 1; arm++) {
                double m = (nu.models().outcome().get(arm).predict(row)[0]
                        + nu.models().outcome().get(2 + arm).predict(row)[0]) / 2;
                assertEquals(m, arm == 0 ? a.m0()[i] : a.m1()[i], 1e-12);
            }
            checked++;
        }
        assertEquals(1_000, checked);
    }

    @Test
    void noRowsNuisancesDependOnItsOwnOutcome() {
        Data d = Data.draw(3_000, 2);
        Reused r = Reused.of(d);
        AipwEstimands a = r.a();
        // a validation or test patient's outcome moved: its nuisances (and everyone's) stay as they were
        double[] y2 = d.y().clone();
        y2[1] += 50;
        y2[4] -= 50;
        AipwEstimands b = AteEstimands.fromTraining(r.nu(), AIPW, r.train(), d.x(), d.t(), y2);
        assertArrayEquals(a.e(), b.e());
        assertArrayEquals(a.m0(), b.m0());
        assertArrayEquals(a.m1(), b.m1());
        // a training patient's outcome moved: no longer the data the nuisances were fit on, refused
        double[] y3 = d.y().clone();
        y3[r.train()[7]] += 1e-9;
        assertNull(AteEstimands.fromTraining(r.nu(), AIPW, r.train(), d.x(), d.t(), y3));
    }

    @Test
    void otherLearnersOrFoldsAreRefused() {
        Data d = Data.draw(2_000, 3);
        int[] train = train(d.y().length);
        CrossFittedNuisances nu = fitOnTraining(d, train, dr(2), 5);
        assertNull(AteEstimands.fromTraining(nu, new CrossFitAipw(AIPW.propensity(), AIPW.outcome(), 3, 0.01),
                train, d.x(), d.t(), d.y()));
        assertNull(AteEstimands.fromTraining(nu, new CrossFitAipw(LogisticRegression.l1(), AIPW.outcome(), 2, 0.01),
                train, d.x(), d.t(), d.y()));
        CrossFittedNuisances bare = new CrossFittedNuisances(nu.folds(), nu.e(), nu.mu(), nu.propensity(),
                nu.outcome(), nu.clip(), nu.data());
        assertNull(AteEstimands.fromTraining(bare, AIPW, train, d.x(), d.t(), d.y()));
    }

    private Study study(String extra) throws Exception {
        Files.writeString(dir.resolve("d.csv"), "id,t,a,y\n1,0,0.1,1\n2,1,0.2,2\n");
        Files.writeString(dir.resolve("s.yaml"), "name: reuse\ndata: d.csv\nid: id\n"
                + "treatment: {column: t, arms: {\"0\": a, \"1\": b}}\n"
                + "covariates:\n  - {name: a, role: confounder}\nseed: 3\nestimators: [t_ridge, dr_xgboost]\n"
                + "outcome: {column: y, type: continuous, direction: higher}\n" + extra);
        return StudyLoader.load(dir.resolve("s.yaml"));
    }

    @Test
    void theRunsDrLearnerQualifiesFromTheGateOnly() throws Exception {
        // the default dr_xgboost against the run's AIPW: fit here on 1,200 training rows (5 folds, so the study's ATE
        // asks 5 too), the gate given as a row count
        Study study = study("").withAteFolds(5);
        Learners learners = Learners.standard().forStudy(study);
        Data d = Data.draw(1_800, 4);
        int[] train = train(d.y().length);
        Map<String, CateModel> models = CateStage.fit(learners.estimators(), study.estimators(), List.of(),
                Stats.select(d.x(), train), Stats.select(d.t(), train), Stats.select(d.y(), train), 11,
                StudyRun.outcomeKind(study));
        int cohort = 2 * AteEstimands.REUSE_ROWS;
        CrossFitAipw aipw = AteEstimands.aipw(learners, study, cohort);
        assertEquals("dr_xgboost", AteEstimands.donor(study, models, aipw, AteEstimands.REUSE_ROWS, cohort, false));
        assertNull(AteEstimands.donor(study, models, aipw, AteEstimands.REUSE_ROWS - 1, cohort, false));
        // rows grouped by patient: the estimators' point fits do not group their folds
        assertNull(AteEstimands.donor(study, models, aipw, AteEstimands.REUSE_ROWS, cohort, true));
        // refutations re-fitting the ATE's folds on every row need the ATE's own fold tuning
        Study allRows = study.withRefutation(new RefutationSettings(true, study.refutation().rules(),
                RefutationSubsample.ALL));
        assertNull(AteEstimands.donor(allRows, models, aipw, AteEstimands.REUSE_ROWS, cohort, false));
        assertEquals("dr_xgboost", AteEstimands.donor(study.withRefutation(RefutationSettings.OFF), models, aipw,
                AteEstimands.REUSE_ROWS, cohort, false));
        // with the ATE on 2 folds, the 5-fold nuisances do not qualify
        assertNull(AteEstimands.donor(study.withAteFolds(2), models, AteEstimands.aipw(learners,
                study.withAteFolds(2), cohort), AteEstimands.REUSE_ROWS, cohort, false));
        FinalStageModel fs = (FinalStageModel) models.get("dr_xgboost");
        AipwEstimands a = AteEstimands.fromTraining(fs.nuisances(), aipw, train, d.x(), d.t(), d.y());
        assertNotNull(a);
        RunResult.AteResult r = AteEstimands.estimate(a, aipw.folds(), study, AteEstimands.describeReuse(
                "dr_xgboost", aipw.folds()));
        assertTrue(r.nuisances().startsWith("dr_xgboost's cross-fitted e(x)"), r.nuisances());
        assertEquals(d.y().length, r.n());
    }

    @Test
    void onAKnownEffectTheReusedAteIsAsAccurateAsTheWholeCohortCrossFit() {
        // 40 data sets of 3,000 patients, ATE 1: the reused estimate (nuisances on the 2,000 training rows' 2 folds)
        // against the whole cohort's own 2-fold cross-fit; both unbiased, the same spread, intervals that cover
        int reps = 40;
        List<Double> reused = new ArrayList<>();
        List<Double> own = new ArrayList<>();
        int coveredReused = 0;
        int coveredOwn = 0;
        Map<String, Double> se = new LinkedHashMap<>();
        se.put("reused", 0.0);
        se.put("own", 0.0);
        for (int r = 0; r < reps; r++) {
            Data d = Data.draw(3_000, 100 + r);
            int[] train = train(d.y().length);
            CrossFittedNuisances nu = fitOnTraining(d, train, dr(2), 7 + r);
            AipwEstimands.Estimate a = AteEstimands.fromTraining(nu, AIPW, train, d.x(), d.t(), d.y())
                    .estimate(Estimand.ATE, 2);
            AipwEstimands.Estimate b = AIPW.nuisances(d.x(), d.t(), d.y(), 7 + r).estimate(Estimand.ATE, 2);
            reused.add(a.estimate());
            own.add(b.estimate());
            coveredReused += a.ciLow() <= 1 && 1 <= a.ciHigh() ? 1 : 0;
            coveredOwn += b.ciLow() <= 1 && 1 <= b.ciHigh() ? 1 : 0;
            se.merge("reused", a.se() / reps, Double::sum);
            se.merge("own", b.se() / reps, Double::sum);
        }
        double[] ra = reused.stream().mapToDouble(Double::doubleValue).toArray();
        double[] oa = own.stream().mapToDouble(Double::doubleValue).toArray();
        double sdReused = Stats.sd(ra);
        // unbiased within 3 Monte Carlo standard errors, the spread of the estimates as the SE says, and coverage
        assertEquals(1.0, Stats.mean(ra), 3 * sdReused / Math.sqrt(reps), "mean of the reused estimates");
        assertEquals(1.0, sdReused / se.get("reused"), 0.3, "SD of the estimates / mean SE");
        assertTrue(coveredReused >= 34, "95 % intervals covered " + coveredReused + " of " + reps);
        assertEquals(Stats.sd(oa), sdReused, 0.25 * Stats.sd(oa), "the same spread as the whole-cohort cross-fit");
        assertTrue(coveredOwn >= 34, "whole-cohort cross-fit covered " + coveredOwn + " of " + reps);
    }
}
