package org.causalrx.pipeline;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.causalrx.causal.CrossFitAipw;
import org.causalrx.causal.MultiArmCateEstimator;
import org.causalrx.causal.MultiArmTLearner;
import org.causalrx.causal.diagnostics.AteRefuter;
import org.causalrx.causal.diagnostics.Refutation;
import org.causalrx.causal.diagnostics.RefutationRules;
import org.causalrx.causal.diagnostics.RefutationSubsample;
import org.causalrx.causal.meta.MultiArmAipw;
import org.causalrx.estimators.MultiArmEstimators;
import org.causalrx.learn.linear.MultinomialRegression;
import org.causalrx.policy.HeldOut;
import org.causalrx.result.Arms;
import org.causalrx.study.Cohort;
import org.causalrx.study.RefutationSettings;
import org.causalrx.study.Study;
import org.causalrx.util.Seeds;

/**
 * Last step of a K-arm run: each non-reference arm's cross-fitted AIPW contrast against the reference
 * ({@link MultiArmAipw}: multinomial L2 propensity, the DR plug-in T-learner's outcome learner, the study's ATE
 * folds) on the whole cohort, refuted by {@link AteRefuter} under the study's {@code refutation:} draws
 * ({@link RefutationSettings}); a study with {@code refutation: false} records them as skipped. One fit gives
 * every arm's contrast, so each changed data set is fitted once for all arms. The re-fits keep the tuning of the
 * original fit fold by fold ({@link #refits}): the propensity penalty λ that cross-validation chose in each fold
 * (fold f of a re-fit at fold f's λ) and, per fold and arm, the boosting rounds early stopping chose for an XGBoost
 * arm outcome model (boosted once, without early stopping), instead of tuning again: the same model
 * specification, refitted. This holds at every size (as for two arms, {@link RefutationStage}). When the study
 * names a group column, the original fit's folds keep a patient's rows together and its standard errors are
 * cluster-robust by patient, and so do the re-fits' (each given the patient of each of its rows); the data subsets
 * draw whole patients. When
 * the cohort holds at least twice the study's {@code refutation.rows} (automatic: max(20,000, n^0.75)), the original
 * fit and every check run on one seeded within-arm subsample of that many rows (whole patients) instead
 * ({@link RefutationSubsample}), the original fitted on the subsample being the reference.
 *
 * @param parallel fit each check's draws on several threads (same results either way)
 */
record MultiArmRefutationStage(boolean parallel) implements Stage {
    public String name() {
        return RefutationStage.NAME;
    }

    public String detail(RunContext c) {
        if (!c.study().refutation().enabled()) {
            return "skipped: " + RefutationSettings.SKIPPED;
        }
        RefutationRules r = c.study().refutation().rules();
        return "placebo arms (" + r.placeboDraws() + " permutations), random common cause (" + r.commonCauseDraws()
                + "), data subsets (" + r.subsetDraws() + "): " + (r.placeboDraws() + r.commonCauseDraws()
                + r.subsetDraws()) + " K-arm AIPW refits";
    }

    public RunContext apply(RunContext c, Progress progress) {
        Study study = c.study();
        int k = study.treatment().size();
        if (!study.refutation().enabled()) {
            return c.with(MultiArmStages.RESULT, c.get(MultiArmStages.RESULT).withRefutations(
                    MultiArmRefutations.skipped(described(aipw(study, RefutationStage.rows(c))),
                            RefutationSettings.SKIPPED)));
        }
        Cohort cohort = c.get(RunSlots.COHORT);
        long seed = Seeds.derive(c.seed(), "multi-arm-ate");
        RefutationSubsample.Drawn drawn = RefutationSubsample.draw(cohort.treatment(), k, cohort.groupIndex(),
                study.refutation().rows(), Seeds.derive(seed, "refute-subsample"));
        MultiArmAipw aipw = aipw(study, cohort.size());
        String described = described(aipw);
        double[][] x = c.get(RunSlots.X);
        int[] t = cohort.treatment();
        double[] y = cohort.outcome();
        int[] groups = cohort.groupIndex();
        if (drawn != null) {
            x = drawn.select(x);
            t = drawn.select(t);
            y = drawn.select(y);
            groups = drawn.select(groups);
        }
        MultiArmAipw.Fit main = aipw.fit(x, t, k, y, groups, aipw.untuned(), seed);
        ContrastFit refit = refits(aipw, k, main);
        MultiArmRefutations result = refute(main.contrasts(), refit, described(described, drawn),
                study.treatment().arms(), x, t, y, groups, seed, study.refutation().rules(), parallel);
        result = drawn == null ? result : new MultiArmRefutations(result.estimator(), result.arms(),
                result.allPassed(), drawn.size());
        MultiArmResult r = c.get(MultiArmStages.RESULT).withRefutations(result);
        return c.with(MultiArmStages.RESULT, r.verdict() == null ? r : r.withVerdict(verdict(r.verdict(), result)));
    }

    /**
     * The re-fits of the refutations of {@code main} (the reference fit, with its own tuning): fold f of each re-fit
     * keeps fold f's cross-validated propensity λ and, per arm, the boosting rounds early stopping chose for that
     * fold's arm outcome model in {@code main} ({@link MultiArmAipw#tuning}).
     */
    static ContrastFit refits(MultiArmAipw aipw, int k, MultiArmAipw.Fit main) {
        MultiArmAipw.Tuning tuning = aipw.tuning(main);
        return (xs, ts, ys, gs, s) -> aipw.fit(xs, ts, k, ys, gs, tuning, s).contrasts();
    }

    /** The verdict with a sentence naming the arms whose contrast failed a refutation, when any did. */
    static MultiArmResult.Verdict verdict(MultiArmResult.Verdict v, MultiArmRefutations r) {
        if (r.allPassed()) {
            return v;
        }
        List<String> failed = new ArrayList<>();
        for (MultiArmRefutations.Arm a : r.arms()) {
            if (!a.allPassed()) {
                failed.add("'" + a.label() + "' (" + String.join(", ", a.failed().stream()
                        .map(f -> f.key().replace('_', ' ')).toList()) + ")");
            }
        }
        String on = r.subsample() == null ? "" : " (on " + r.subsample().describe() + ")";
        String sentence = "The AIPW contrast of " + String.join(" and ", failed) + " against the reference failed "
                + "its refutation" + on + ": the estimate moves where it should not, so read the effects and the "
                + "policies built on them with suspicion.";
        return new MultiArmResult.Verdict(v.selected(), v.currentPractice(), v.value(), v.gain(), v.gainLow(),
                v.gainHigh(), v.shareBetter(), v.better(), v.statement() + " " + sentence);
    }

    private static String described(MultiArmAipw aipw) {
        return aipw.describe() + ", one seed for the original and every re-fit; each re-fit keeps the "
                + "tuning the original chose in the same fold: the cross-validated propensity penalty and each arm "
                + "outcome model's early-stopped boosting rounds";
    }

    /**
     * The K-arm AIPW of a study whose cohort has {@code rows} rows: multinomial L2 propensity, the plug-in's outcome
     * learner, the ATE folds for that cohort (kept when the refutations run on a subsample).
     */
    static MultiArmAipw aipw(Study study, int rows) {
        MultiArmCateEstimator plugIn = MultiArmEstimators.of(study.policyEvaluation().plugIn(),
                StudyRun.outcomeKind(study));
        if (!(plugIn instanceof MultiArmTLearner tl)) {
            throw new IllegalStateException("the K-arm plug-in " + plugIn.name() + " is not a T-learner");
        }
        return new MultiArmAipw(MultinomialRegression.l2(), tl.learner(), study.ateFolds(rows), HeldOut.CLIP);
    }

    /**
     * Every non-reference arm's contrast against the reference (entry a − 1 is arm a's) from (x, t, y, patient id
     * per row or null when rows are patients, seed).
     */
    @FunctionalInterface
    interface ContrastFit {
        List<CrossFitAipw.Estimate> contrasts(double[][] x, int[] t, double[] y, int[] groups, long seed);
    }

    /**
     * Every non-reference arm's contrast refuted.
     *
     * @param estimator the contrasts' estimator
     * @param described it in words
     * @param t         arms 0..K−1 of every patient
     * @param groups    patient id per row, or null when every row is its own patient
     * @param seed      the seed of the original fit and of every re-fit
     */
    static MultiArmRefutations refute(ContrastFit estimator, String described, Arms arms, double[][] x, int[] t,
                                      double[] y, int[] groups, long seed, RefutationRules rules, boolean parallel) {
        return refute(estimator.contrasts(x, t, y, groups, seed), estimator, described, arms, x, t, y, groups, seed,
                rules, parallel);
    }

    /**
     * Every non-reference arm's contrast refuted on the subsample {@code drawn} (null: on all rows, as
     * {@link #refute(ContrastFit, String, Arms, double[][], int[], double[], int[], long, RefutationRules, boolean)}):
     * the contrasts fitted once on the subsample are the reference, and every check runs on its rows.
     */
    static MultiArmRefutations refute(ContrastFit estimator, String described, Arms arms, double[][] x, int[] t,
                                      double[] y, int[] groups, long seed, RefutationRules rules, boolean parallel,
                                      RefutationSubsample.Drawn drawn) {
        if (drawn == null) {
            return refute(estimator, described, arms, x, t, y, groups, seed, rules, parallel);
        }
        MultiArmRefutations r = refute(estimator, described(described, drawn), arms, drawn.select(x),
                drawn.select(t), drawn.select(y), drawn.select(groups), seed, rules, parallel);
        return new MultiArmRefutations(r.estimator(), r.arms(), r.allPassed(), drawn.size());
    }

    /** The estimator in words, and the subsample the checks ran on when they did. */
    static String described(String described, RefutationSubsample.Drawn drawn) {
        return drawn == null ? described : described + "; every check on " + drawn.size().describe() + " (within "
                + "arm), against the contrasts fitted on that subsample (its own tuning)";
    }

    /**
     * Every non-reference arm's contrast refuted, the changed data sets fitted by {@code refit}.
     *
     * @param original the contrasts on (x, t, y) with {@code seed} (entry a − 1 is arm a's)
     * @param refit    the estimator of the re-fits
     * @param groups   patient id per row, or null when every row is its own patient
     */
    static MultiArmRefutations refute(List<CrossFitAipw.Estimate> original, ContrastFit refit, String described,
                                      Arms arms, double[][] x, int[] t, double[] y, int[] groups, long seed,
                                      RefutationRules rules, boolean parallel) {
        Fits fits = new Fits(refit, new ConcurrentHashMap<>());
        List<MultiArmRefutations.Arm> out = new ArrayList<>();
        for (int a = 1; a < arms.size(); a++) {
            int arm = a;
            AteRefuter refuter = new AteRefuter((xs, ts, ys, gs, s) -> fits.contrasts(xs, ts, ys, gs, s)
                    .get(arm - 1), rules, parallel, groups);
            List<Refutation> checks = refuter.refute(x, t, y, original.get(a - 1), seed);
            out.add(new MultiArmRefutations.Arm(a, arms.label(a), checks,
                    checks.stream().allMatch(Refutation::passed)));
        }
        return new MultiArmRefutations(described, out,
                out.stream().allMatch(MultiArmRefutations.Arm::allPassed));
    }

    /** The K-arm AIPW fits of one refutation run, each changed data set fitted once (keyed by its contents). */
    private record Fits(ContrastFit estimator, Map<Data, List<CrossFitAipw.Estimate>> done) {
        List<CrossFitAipw.Estimate> contrasts(double[][] x, int[] t, double[] y, int[] groups, long seed) {
            Data key = new Data(x, t, y, groups, seed);
            List<CrossFitAipw.Estimate> hit = done.get(key);
            if (hit != null) {
                return hit;
            }
            List<CrossFitAipw.Estimate> fit = estimator.contrasts(x, t, y, groups, seed);
            done.putIfAbsent(key, fit);
            return fit;
        }
    }

    /** A data set compared by contents. */
    private record Data(double[][] x, int[] t, double[] y, int[] groups, long seed) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Data d && seed == d.seed && Arrays.equals(t, d.t) && Arrays.equals(y, d.y)
                    && Arrays.equals(groups, d.groups) && Arrays.deepEquals(x, d.x);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(t) * 31 + Arrays.hashCode(y) * 17 + Long.hashCode(seed) + x.length
                    + (x.length == 0 ? 0 : 7 * x[0].length);
        }

        @Override
        public String toString() {
            return "data of " + t.length + " patients, seed " + seed;
        }
    }
}
