package org.causalrx.causal.diagnostics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.IntToDoubleFunction;
import java.util.stream.IntStream;

import org.causalrx.causal.CrossFitAipw;
import org.causalrx.util.Seeds;
import org.causalrx.util.Stats;

/**
 * Refutes an ATE estimate the way DoWhy does, by re-running the same estimator on changed data: a permuted
 * (placebo) treatment, an added random common cause, random subsets of the patients ({@link RefutationRules} says
 * how many of each and when each passes). Every re-estimate is fitted with the original's seed, so only the
 * refutation's change differs; permutations, added covariates and subsets derive their own seeds from it
 * ("refute-placebo-k", "refute-common-cause-k", "refute-subset-k").
 * <p>
 * When rows are grouped by patient (several stays each), every re-estimate receives the patient id of each of its
 * rows, so that its cross-fitting folds and standard error are grouped as the original's; the data subsets draw
 * whole patients (all of a patient's rows or none, the fraction counted in patients); the placebo permutes
 * treatments across rows, as without groups.
 *
 * @param estimator the estimator that produced the original ATE (the run's: {@link CrossFitAipw#estimate})
 * @param rules     draws and pass rules
 * @param parallel  fit the draws of a check on several threads (same results either way)
 * @param groups    patient id per row of the data the checks are given (any ints), or null when every row is its
 *                  own patient
 */
public record AteRefuter(AteFit estimator, RefutationRules rules, boolean parallel, int[] groups) {

    public AteRefuter {
        groups = groups == null ? null : groups.clone();
    }

    /** Rows are patients. */
    public AteRefuter(AteFit estimator, RefutationRules rules, boolean parallel) {
        this(estimator, rules, parallel, null);
    }

    /**
     * An ATE estimator: covariates n × p, treatment 0/1 (n), outcome (n), patient id per row (n, or null: rows are
     * patients), seed ⇒ estimate with SE.
     */
    @FunctionalInterface
    public interface AteFit {
        CrossFitAipw.Estimate estimate(double[][] x, int[] t, double[] y, int[] groups, long seed);
    }

    /**
     * The three checks, in {@link RefutationCheck} order.
     *
     * @param original the estimator's result on (x, t, y) with {@code seed}
     * @param seed     the seed the original was fitted with
     */
    public List<Refutation> refute(double[][] x, int[] t, double[] y, CrossFitAipw.Estimate original, long seed) {
        return List.of(placebo(x, t, y, original, seed), commonCause(x, t, y, original, seed),
                subset(x, t, y, original, seed));
    }

    /**
     * The refutations of one run: on the subsample {@code drawn} when there is one (null: on all rows, the given
     * {@code original} the reference). On a subsample the estimator is fitted once on it with {@code seed}, and that
     * fit is the reference of every check ({@link RefutationSubsample}); the checks then run on the subsample's rows
     * as {@link #refute} runs on all of them, the patients of the subsample's rows taken from {@link #groups}.
     *
     * @param original the estimator's result on all rows, used only without a subsample
     */
    public Refuted refute(double[][] x, int[] t, double[] y, CrossFitAipw.Estimate original, long seed,
                          RefutationSubsample.Drawn drawn) {
        return refute(x, t, y, original, seed, drawn,
                (xs, ts, ys, gs, s) -> new Reference(estimator.estimate(xs, ts, ys, gs, s), estimator));
    }

    /**
     * As {@link #refute(double[][], int[], double[], CrossFitAipw.Estimate, long, RefutationSubsample.Drawn)}, with
     * the subsample's reference fitted by {@code onSubsample}, whose re-fit estimator then fits every check's draws
     * (on all rows, without a subsample, the checks use {@link #estimator}).
     */
    public Refuted refute(double[][] x, int[] t, double[] y, CrossFitAipw.Estimate original, long seed,
                          RefutationSubsample.Drawn drawn, ReferenceFit onSubsample) {
        if (drawn == null) {
            return new Refuted(refute(x, t, y, original, seed), original, null);
        }
        double[][] xs = drawn.select(x);
        int[] ts = drawn.select(t);
        double[] ys = drawn.select(y);
        int[] gs = drawn.select(groups);
        Reference reference = onSubsample.fit(xs, ts, ys, gs, seed);
        AteRefuter on = new AteRefuter(reference.refits(), rules, parallel, gs);
        return new Refuted(on.refute(xs, ts, ys, reference.estimate(), seed), reference.estimate(), drawn.size());
    }

    /** A reference fit: data ⇒ its estimate and the estimator of the re-fits compared with it. */
    @FunctionalInterface
    public interface ReferenceFit {
        Reference fit(double[][] x, int[] t, double[] y, int[] groups, long seed);
    }

    /**
     * @param estimate the reference estimate
     * @param refits   the estimator of the checks' re-fits (e.g. keeping the reference's tuning)
     */
    public record Reference(CrossFitAipw.Estimate estimate, AteFit refits) {
    }

    /**
     * Refutations and what they were compared with.
     *
     * @param checks    one per {@link RefutationCheck}, in its order
     * @param reference the estimate the checks compare with: the original, or the subsample's own
     * @param subsample the subsample they ran on, or null (all rows)
     */
    public record Refuted(List<Refutation> checks, CrossFitAipw.Estimate reference, RefutationSubsample subsample) {
        public Refuted {
            checks = List.copyOf(checks);
        }
    }

    /** Placebo treatment: the estimator on randomly permuted treatments. */
    public Refutation placebo(double[][] x, int[] t, double[] y, CrossFitAipw.Estimate original, long seed) {
        double[] est = draws(rules.placeboDraws(), k -> estimator.estimate(x,
                permuted(t, Seeds.derive(seed, "refute-placebo-" + k)), y, groups, seed).ate());
        double mean = Stats.mean(est);
        double half = half(est);
        boolean passed = (mean - half <= 0 && 0 <= mean + half)
                || Math.abs(mean) <= rules.placeboSeShare() * original.se();
        return result(RefutationCheck.PLACEBO_TREATMENT, est, original, passed);
    }

    /** Random common cause: the estimator with one added independent N(0, 1) covariate. */
    public Refutation commonCause(double[][] x, int[] t, double[] y, CrossFitAipw.Estimate original, long seed) {
        double[] est = draws(rules.commonCauseDraws(), k -> {
            SplittableRandom rng = new SplittableRandom(Seeds.derive(seed, "refute-common-cause-" + k));
            double[][] wider = new double[x.length][];
            for (int i = 0; i < x.length; i++) {
                wider[i] = Arrays.copyOf(x[i], x[i].length + 1);
                wider[i][x[i].length] = rng.nextGaussian();
            }
            return estimator.estimate(wider, t, y, groups, seed).ate();
        });
        boolean passed = Math.abs(Stats.mean(est) - original.ate()) <= rules.commonCauseSeShare() * original.se();
        return result(RefutationCheck.RANDOM_COMMON_CAUSE, est, original, passed);
    }

    /**
     * Data subset: the estimator on random subsets of the patients, drawn without replacement (whole patients when
     * rows are grouped: {@link #subsetRows}).
     */
    public Refutation subset(double[][] x, int[] t, double[] y, CrossFitAipw.Estimate original, long seed) {
        double[] est = draws(rules.subsetDraws(), k -> {
            int[] rows = subsetRows(y.length, seed, k);
            return estimator.estimate(Stats.select(x, rows), Stats.select(t, rows), Stats.select(y, rows),
                    groups == null ? null : Stats.select(groups, rows), seed).ate();
        });
        double f = rules.subsetFraction();
        double s = original.se() * Math.sqrt((1 - f) / f);
        boolean passed = Math.abs(Stats.mean(est) - original.ate()) <= RefutationRules.Z975 * s
                && Stats.sd(est) <= rules.subsetSpreadFactor() * s;
        return result(RefutationCheck.DATA_SUBSET, est, original, passed);
    }

    private Refutation result(RefutationCheck check, double[] est, CrossFitAipw.Estimate original, boolean passed) {
        double mean = Stats.mean(est);
        double half = half(est);
        List<Double> list = new ArrayList<>(est.length);
        for (double e : est) {
            list.add(e);
        }
        return new Refutation(check, mean, Stats.sd(est), mean - half, mean + half, original.ate(), original.se(),
                list, rules.rule(check), passed);
    }

    /** The re-estimates of draws 0..n−1, each stored at its index whatever thread fitted it. */
    private double[] draws(int n, IntToDoubleFunction fit) {
        double[] est = new double[n];
        IntStream k = IntStream.range(0, n);
        (parallel ? k.parallel() : k).forEach(i -> est[i] = fit.applyAsDouble(i));
        return est;
    }

    /** Half-width of the normal 95 % interval of the mean of {@code est}. */
    private static double half(double[] est) {
        return RefutationRules.Z975 * Stats.sd(est) / Math.sqrt(est.length);
    }

    /**
     * The rows of subset draw {@code k} of {@code n} rows, ascending: a share {@link RefutationRules#subsetFraction}
     * of the rows drawn without replacement, or, when rows are grouped, that share of the patients (rounded) with
     * all their rows.
     */
    int[] subsetRows(int n, long seed, int k) {
        long s = Seeds.derive(seed, "refute-subset-" + k);
        if (groups == null) {
            return sample(n, (int) Math.round(rules.subsetFraction() * n), s);
        }
        if (groups.length != n) {
            throw new IllegalArgumentException("groups has " + groups.length + " entries for " + n + " rows");
        }
        Map<Integer, Integer> index = new LinkedHashMap<>();
        int[] patientOfRow = new int[n];
        for (int i = 0; i < n; i++) {
            patientOfRow[i] = index.computeIfAbsent(groups[i], g -> index.size());
        }
        int patients = index.size();
        boolean[] drawn = new boolean[patients];
        for (int p : sample(patients, (int) Math.round(rules.subsetFraction() * patients), s)) {
            drawn[p] = true;
        }
        return IntStream.range(0, n).filter(i -> drawn[patientOfRow[i]]).toArray();
    }

    /** A uniformly random permutation of {@code t} (Fisher–Yates). */
    static int[] permuted(int[] t, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int[] p = t.clone();
        for (int i = p.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int tmp = p[i];
            p[i] = p[j];
            p[j] = tmp;
        }
        return p;
    }

    /** {@code m} distinct rows of 0..n−1 drawn uniformly, in increasing order. */
    static int[] sample(int n, int m, long seed) {
        return org.causalrx.util.Stats.sampleIndices(n, m, seed);
    }
}
