package org.causalrx.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import org.causalrx.causal.CrossFitAipw;
import org.causalrx.causal.diagnostics.AteRefuter;
import org.causalrx.causal.diagnostics.Refutation;
import org.causalrx.data.Table;
import org.causalrx.data.TableReader;
import org.causalrx.study.Cohort;
import org.causalrx.study.CohortBuilder;
import org.causalrx.study.Study;
import org.causalrx.study.StudyLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The two-arm refutation stage of a study with {@code group: patient} refutes by patient: its checks are those of an
 * {@link AteRefuter} given the cohort's patient index (grouped re-fit folds, whole-patient subsets), not the row
 * checks.
 */
class RefutationStageGroupsTest {

    @Test
    void aGroupedStudysRefutationsAreThePatientRefutations(@TempDir Path dir) throws Exception {
        SplittableRandom r = new SplittableRandom(6);
        StringBuilder csv = new StringBuilder("id,patient,t,a,y\n");
        int id = 0;
        for (int p = 0; p < 80; p++) {
            double a = r.nextGaussian();
            double u = r.nextGaussian();
            for (int s = 0; s < 3; s++) {
                int t = r.nextDouble() < 1 / (1 + Math.exp(-0.7 * a)) ? 1 : 0;
                double y = a + t + u + r.nextGaussian();
                csv.append(String.format(Locale.ROOT, "%d,p%d,%d,%.4f,%.4f%n", id++, p, t, a, y));
            }
        }
        Files.writeString(dir.resolve("d.csv"), csv.toString());
        Files.writeString(dir.resolve("s.yaml"), "name: refute\ndata: d.csv\nid: id\ngroup: patient\n"
                + "treatment: {column: t, arms: {\"0\": a, \"1\": b}}\n"
                + "covariates:\n  - {name: a, role: confounder}\nseed: 3\nestimators: [t_ridge]\nate: {folds: 2}\n"
                + "outcome: {column: y, type: continuous, direction: higher}\n"
                + "refutation: {placebo_draws: 2, common_cause_draws: 1, subset_draws: 2}\n");
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
        long seed = AteEstimands.seed(study.seed());
        CrossFitAipw.Estimate original = aipw.estimate(x, cohort.treatment(), cohort.outcome(), cohort.groupIndex(),
                seed);
        RunContext c = RunContext.of(study, table).with(RunSlots.LEARNERS, learners).with(RunSlots.COHORT, cohort)
                .with(RunSlots.X, x).with(RunSlots.ATE, new RunResult.AteResult(original.ate(), original.se(),
                        original.ciLow(), original.ciHigh(), "aipw", original.folds(), original.n(), List.of()))
                .with(RunSlots.POLICY_INSIGHTS, new RunResult.PolicyInsights(List.of(), 0, null, null, null,
                        List.of(), List.of(), null, null));
        List<Refutation> staged = new RefutationStage(false).apply(c, Progress.NONE).get(RunSlots.REFUTATIONS)
                .checks();
        AteRefuter byPatient = new AteRefuter(aipw::estimate, study.refutation().rules(), false,
                cohort.groupIndex());
        assertEquals(byPatient.refute(x, cohort.treatment(), cohort.outcome(), original, seed), staged);
        Refutation byRow = new AteRefuter(aipw::estimate, study.refutation().rules(), false).subset(x,
                cohort.treatment(), cohort.outcome(), original, seed);
        assertNotEquals(byRow.estimates(), staged.get(2).estimates(), "not the row subsets");
    }
}
