package org.causalrx.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import org.causalrx.causal.diagnostics.Balance;
import org.causalrx.data.TableReader;
import org.causalrx.estimators.EstimatorRegistry;
import org.causalrx.learn.linear.LinearSettings;
import org.causalrx.learn.linear.LogisticRegression;
import org.causalrx.learn.xgb.XGBoostParams;
import org.causalrx.study.Study;
import org.causalrx.study.StudyLoader;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A whole run on confounded data whose true propensity is logistic in the covariates, with the logistic
 * propensity model fit (nearly) unpenalised: the run's {@code balance} shows large differences between the arms
 * before weighting and none left after it, on the training split and (within sampling noise) on the test split.
 */
@Tag("slow")
class BalanceRunTest {

    @Test
    void aCorrectLogisticPropensityBalancesTheConfoundersOfARun(@TempDir Path dir) throws IOException {
        Study study = StudyLoader.load(study(dir, 5000));
        LogisticRegression mle = LogisticRegression.l2(LinearSettings.nearlyUnpenalized());
        Learners learners = new Learners(List.of(mle), LogisticRegression.l2(),
                XGBoostParams.defaults(), RunEstimators.defaults(EstimatorRegistry.load()));
        // balance comes from the propensity stage: the run skips the ATE refutations and deferral intervals
        RunResult r = new StudyRun(learners, false).withoutRefutation().run(study, TableReader.read(study.data()),
                Progress.NONE).result();
        CovariateBalance b = r.balance();
        assertEquals("l2_logistic", b.propensityModel());
        assertEquals(r.features(), b.train().features().stream().map(Balance.FeatureBalance::feature).toList());
        assertEquals(r.n().train(), b.train().weights().get(0).n() + b.train().weights().get(1).n());
        assertEquals(r.n().test(), b.test().weights().get(0).n() + b.test().weights().get(1).n());
        String measured = String.format(Locale.ROOT, "max |SMD| train %.3f -> %.3f, test %.3f -> %.3f",
                b.train().maxAbsUnweighted(), b.train().maxAbsWeighted(), b.test().maxAbsUnweighted(),
                b.test().maxAbsWeighted()) + " " + b.train().features();
        assertTrue(b.train().maxAbsUnweighted() > 0.3 && b.test().maxAbsUnweighted() > 0.3, measured);
        assertTrue(b.train().maxAbsWeighted() < 0.05, measured);
        assertTrue(b.test().maxAbsWeighted() < Balance.THRESHOLD, measured);
        assertFalse(b.flagged(), b.imbalanced().toString());
        for (Balance.WeightSummary w : b.train().weights()) {
            assertTrue(w.ess() > 1 && w.ess() < w.n(), w.toString());
        }
    }

    /** n patients: age and sex confound t (logistic), noise does not; y continuous with an effect of t. */
    private static Path study(Path dir, int n) throws IOException {
        SplittableRandom rnd = new SplittableRandom(17);
        StringBuilder csv = new StringBuilder("id,t,age,sex,noise,y\n");
        for (int i = 0; i < n; i++) {
            double age = 20 + 50 * rnd.nextDouble();
            int sex = rnd.nextInt(2);
            double noise = rnd.nextGaussian();
            double logit = (age - 45) / 15 + 0.8 * sex - 0.4;
            int t = rnd.nextDouble() < 1 / (1 + Math.exp(-logit)) ? 1 : 0;
            double y = 0.05 * age + sex + t * (sex == 1 ? 1 : -0.5) + rnd.nextGaussian();
            csv.append(String.format(Locale.ROOT, "%d,%d,%.3f,%d,%.4f,%.4f%n", i, t, age, sex, noise, y));
        }
        Files.writeString(dir.resolve("d.csv"), csv.toString());
        Path s = dir.resolve("s.yaml");
        Files.writeString(s, "name: balance\ndata: d.csv\nid: id\ntreatment: {column: t, arms: {\"0\": a, \"1\": b}}\n"
                + "covariates:\n  - {name: age, role: confounder}\n  - {name: sex, role: confounder, "
                + "type: categorical}\n  - {name: noise, role: effect_modifier}\nseed: 3\n"
                + "estimators: [t_ridge]\nbootstrap: {rounds: 20}\nate: {folds: 2}\ndeferral: {enabled: false}\n"
                + "outcome: {column: y, type: continuous, direction: higher}\n");
        return s;
    }
}
