package org.causalrx.pipeline;

import java.util.List;

import org.causalrx.causal.CrossFitAipw;
import org.causalrx.causal.diagnostics.AteRefuter;
import org.causalrx.causal.diagnostics.Refutation;
import org.causalrx.causal.diagnostics.RefutationRules;
import org.causalrx.causal.diagnostics.RefutationSubsample;
import org.causalrx.study.Cohort;
import org.causalrx.study.RefutationSettings;
import org.causalrx.util.Seeds;

/**
 * Refutes the run's ATE ({@link AteRefutations}) by re-running its estimator, the cross-fitted AIPW with the run's
 * propensity and outcome learners and folds, with the seed the ATE was fitted with, under the study's
 * {@code refutation:} draws ({@link org.causalrx.study.RefutationSettings}); when the study names a group column, the
 * re-fits' folds and standard errors are grouped by patient as the ATE's and the data subsets draw whole patients.
 * A failed check adds a sentence to the verdict. A study with {@code refutation: false} records the refutations as
 * skipped. When the cohort holds at least twice the study's {@code refutation.rows} (automatic: max(20,000, n^0.75)),
 * every check runs on one seeded within-arm subsample of that many rows (whole patients), against the estimator's
 * own estimate on it ({@link RefutationSubsample}); below, on all rows. The estimator keeps the ATE's folds there too
 * ({@code ate.folds: auto}: those for the cohort's rows, 2 from 200,000), so the checks refute the ATE's estimator as
 * it ran; measured on the 31,623-row subsample of a 10⁶-row cohort (docs/BENCHMARKS.md): the same verdicts as 5 folds
 * for under a third of the CPU. Runs after the ATE stage.
 *
 * @param parallel fit each check's draws on several threads (same results either way)
 */
record RefutationStage(boolean parallel) implements Stage {
    static final String NAME = "refutation";

    public String name() {
        return NAME;
    }

    public String detail(RunContext c) {
        if (!c.study().refutation().enabled()) {
            return "skipped: " + RefutationSettings.SKIPPED;
        }
        RefutationRules r = c.study().refutation().rules();
        return "placebo treatment (" + r.placeboDraws() + " permutations), random common cause (" + r.commonCauseDraws()
                + "), data subsets (" + r.subsetDraws() + " x " + Math.round(100 * r.subsetFraction()) + " %): "
                + (r.placeboDraws() + r.commonCauseDraws() + r.subsetDraws()) + " AIPW refits" + subsampleNote(c);
    }

    /** ", on a subsample of about m of n rows" when the refutations run on one, else empty. */
    private static String subsampleNote(RunContext c) {
        int n = c.get(RunSlots.COHORT).size();
        int m = RefutationSubsample.rowsFor(c.study().refutation().rows(), n);
        return m > 0 && n >= 2L * m ? String.format(java.util.Locale.ROOT, ", on a subsample of about %,d of %,d rows",
                m, n) : "";
    }

    public RunContext apply(RunContext c, Progress progress) {
        if (!c.study().refutation().enabled()) {
            CrossFitAipw aipw = AteEstimands.aipw(c.get(RunSlots.LEARNERS), c.study(), rows(c));
            return c.with(RunSlots.REFUTATIONS, AteRefutations.skipped(describe(aipw), RefutationSettings.SKIPPED));
        }
        Cohort cohort = c.get(RunSlots.COHORT);
        long seed = AteEstimands.seed(c.seed());
        RefutationSubsample.Drawn drawn = RefutationSubsample.draw(cohort.treatment(), 2, cohort.groupIndex(),
                c.study().refutation().rows(), Seeds.derive(seed, "refute-subsample"));
        // the ATE's estimator as the ATE stage ran it, its folds included, on a subsample too
        CrossFitAipw aipw = AteEstimands.aipw(c.get(RunSlots.LEARNERS), c.study(), cohort.size());
        RunResult.AteResult ate = c.get(RunSlots.ATE);
        CrossFitAipw.Estimate original = new CrossFitAipw.Estimate(ate.estimate(), ate.se(), ate.ciLow(),
                ate.ciHigh(), ate.n(), ate.folds());
        // on all rows the re-fits keep the ATE folds' tuning; on a subsample, that of the subsample's own reference fit
        CrossFitAipw.Tuning ateTuning = c.find(RunSlots.ATE_TUNING).orElse(aipw.untuned());
        AteRefuter refuter = new AteRefuter((xs, ts, ys, gs, s) -> aipw.estimate(xs, ts, ys, gs, s, ateTuning),
                c.study().refutation().rules(), parallel, cohort.groupIndex());
        AteRefuter.Refuted refuted = refuter.refute(c.get(RunSlots.X), cohort.treatment(), cohort.outcome(),
                original, seed, drawn, referenceFit(aipw));
        List<Refutation> checks = refuted.checks();
        String estimator = describe(aipw, refuted.subsample());
        if (ate.nuisances() != null) {
            estimator += "; the ATE itself took another step's cross-fitted nuisances (ate.nuisances), the checks "
                    + "cross-fit their own";
        }
        AteRefutations result = new AteRefutations(estimator, checks,
                checks.stream().allMatch(Refutation::passed), refuted.subsample());
        RunResult.PolicyInsights pi = c.get(RunSlots.POLICY_INSIGHTS);
        RunResult.PolicyInsights extended = new RunResult.PolicyInsights(pi.policies(), pi.rounds(), pi.winsDr(),
                pi.winsIpw(), pi.selectedPolicy(), pi.outcomeTree(), pi.rankCurves(),
                PolicyVerdict.withRefutations(pi.verdict(), result), pi.selection());
        return c.with(RunSlots.REFUTATIONS, result).with(RunSlots.POLICY_INSIGHTS, extended);
    }

    /** Rows of the cohort (of the data table before a cohort is built), for the folds of a skipped stage's text. */
    static int rows(RunContext c) {
        return c.find(RunSlots.COHORT).map(Cohort::size).orElse(c.table().rowCount());
    }

    /**
     * The reference fit on a subsample: the AIPW with its own tuning (cross-validated propensity penalty, early-stopped
     * XGBoost rounds), and re-fits that keep that fit's tuning fold by fold ({@link CrossFitAipw#tuning}).
     */
    static AteRefuter.ReferenceFit referenceFit(CrossFitAipw aipw) {
        return (xs, ts, ys, gs, s) -> {
            CrossFitAipw.Fit reference = aipw.fit(xs, ts, ys, s, gs, aipw.untuned());
            CrossFitAipw.Tuning tuning = aipw.tuning(reference);
            return new AteRefuter.Reference(reference.ate(aipw.folds()),
                    (x, t, y, g, seed) -> aipw.estimate(x, t, y, g, seed, tuning));
        };
    }

    static String describe(CrossFitAipw aipw) {
        return "cross-fitted AIPW as for the ATE: propensity " + aipw.propensity().name() + ", outcome "
                + aipw.outcome().name() + ", " + aipw.folds() + " folds, the ATE's seed; each re-fit keeps the "
                + "tuning its reference fit chose in the same fold: the propensity penalty cross-validation chose and "
                + "each arm outcome model's early-stopped boosting rounds";
    }

    /** {@link #describe(CrossFitAipw)}, and the subsample the checks ran on when they did (null: all rows). */
    static String describe(CrossFitAipw aipw, RefutationSubsample subsample) {
        return subsample == null ? describe(aipw) : describe(aipw) + "; every check on " + subsample.describe()
                + " (within arm), against the estimator's own estimate on that subsample, the reference whose "
                + "tuning the re-fits keep";
    }
}
