package org.causalrx.causal.diagnostics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

import org.causalrx.causal.ArmOutcomeModel;
import org.causalrx.learn.Metrics;
import org.causalrx.util.Seeds;
import org.causalrx.util.Stats;

/**
 * Discrimination of an outcome model per arm for a binary outcome: the AUC of mu_a(x) among held-out patients
 * who actually received arm a (the only ones whose outcome under a is observed), with a percentile bootstrap
 * 95 % interval over those patients, and the ROC curve. Round r draws from {@code Seeds.derive(seed, r)};
 * rounds whose resample holds only one class are skipped.
 */
public final class ArmAuc {
    private ArmAuc() {
    }

    /**
     * @param auc       area under the ROC curve (ties count one half); NaN when one class is absent
     * @param ciLow     2.5 % bootstrap quantile (NaN when no round had both classes)
     * @param ciHigh    97.5 % bootstrap quantile
     * @param n         patients scored
     * @param positives patients with outcome 1
     * @param rounds    bootstrap rounds that had both classes (and so entered the interval)
     */
    public record Result(double auc, double ciLow, double ciHigh, int n, int positives, int rounds) {
    }

    /** A ROC curve: false- and true-positive rates at each distinct threshold, from (0, 0) to (1, 1). */
    public record Roc(double[] fpr, double[] tpr) {
        public Roc {
            if (fpr.length != tpr.length) {
                throw new IllegalArgumentException("ROC: fpr and tpr differ in length");
            }
        }
    }

    /**
     * AUC with bootstrap interval.
     *
     * @param y      0/1 outcome per patient
     * @param score  predicted probability (or any score where higher means outcome 1 is likelier)
     * @param rounds bootstrap rounds (0: no interval, bounds NaN)
     */
    public static Result compute(int[] y, double[] score, long seed, int rounds) {
        int n = y.length;
        if (score.length != n) {
            throw new IllegalArgumentException("AUC: " + n + " outcomes but " + score.length + " scores");
        }
        int positives = 0;
        for (int v : y) {
            if (v != 0 && v != 1) {
                throw new IllegalArgumentException("AUC needs a 0/1 outcome, got " + v);
            }
            positives += v;
        }
        double auc = n == 0 ? Double.NaN : Metrics.auroc(y, score);
        double[] d = exactByCounts(score) ? drawsByCounts(y, score, seed, rounds) : drawsByResampling(y, score, seed,
                rounds);
        Arrays.sort(d);
        return new Result(auc, Stats.quantileSorted(d, 0.025), Stats.quantileSorted(d, 0.975), n, positives,
                d.length);
    }

    /**
     * Whether {@link #drawsByCounts} gives the resampled AUCs bit for bit: no NaN score (NaNs are each their own tie
     * group in {@link Metrics#auroc}, so their ranks depend on the resample's order) and rank sums small enough for
     * exact half-integer arithmetic in a double.
     */
    static boolean exactByCounts(double[] score) {
        for (double v : score) {
            if (Double.isNaN(v)) {
                return false;
            }
        }
        return (double) score.length * (score.length + 1) < 0x1p51;
    }

    /**
     * The AUC of each bootstrap round (rounds with one class only left out) by sorting every resample:
     * {@code Metrics.auroc} of the drawn patients, O(n log n) per round.
     */
    static double[] drawsByResampling(int[] y, double[] score, long seed, int rounds) {
        int n = y.length;
        List<Double> draws = new ArrayList<>();
        int[] yb = new int[n];
        double[] sb = new double[n];
        for (int r = 0; r < rounds && n > 0; r++) {
            SplittableRandom rng = new SplittableRandom(Seeds.derive(seed, r));
            for (int i = 0; i < n; i++) {
                int k = rng.nextInt(n);
                yb[i] = y[k];
                sb[i] = score[k];
            }
            double a = Metrics.auroc(yb, sb);
            if (!Double.isNaN(a)) {
                draws.add(a);
            }
        }
        return draws.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /**
     * The same draws as {@link #drawsByResampling} in O(n) per round: the patients are sorted by score once, and a
     * round only counts how often each patient was drawn (the same draws from the same seeds). The AUC of a resample
     * depends only on these counts: a tie group of G drawn copies starting at position i has average rank
     * (2i + G − 1)/2 + 1 and adds it once per drawn positive; every rank and rank sum is a multiple of 1/2 below
     * 2^51 (see {@link #exactByCounts}), so the sums are exact and equal the one-by-one sums of
     * {@code Metrics.auroc} bit for bit.
     */
    static double[] drawsByCounts(int[] y, double[] score, long seed, int rounds) {
        int n = y.length;
        Integer[] boxed = new Integer[n];
        for (int i = 0; i < n; i++) {
            boxed[i] = i;
        }
        Arrays.sort(boxed, Comparator.comparingDouble(i -> score[i]));
        int[] order = new int[n];
        int[] groupEnd = new int[n]; // for the first position of a tie group: one past its last
        for (int i = 0; i < n; i++) {
            order[i] = boxed[i];
        }
        for (int i = 0; i < n; ) {
            int j = i;
            while (j + 1 < n && score[order[j + 1]] == score[order[i]]) {
                j++;
            }
            groupEnd[i] = j + 1;
            i = j + 1;
        }
        double[] draws = new double[rounds];
        int kept = 0;
        int[] count = new int[n];
        for (int r = 0; r < rounds && n > 0; r++) {
            SplittableRandom rng = new SplittableRandom(Seeds.derive(seed, r));
            Arrays.fill(count, 0);
            for (int i = 0; i < n; i++) {
                count[rng.nextInt(n)]++;
            }
            double rankSumPos = 0;
            long nPos = 0;
            long before = 0;
            for (int i = 0; i < n; i = groupEnd[i]) {
                long copies = 0;
                long pos = 0;
                for (int k = i; k < groupEnd[i]; k++) {
                    int row = order[k];
                    copies += count[row];
                    pos += y[row] == 1 ? count[row] : 0;
                }
                if (copies > 0) {
                    double avgRank = (before + before + copies - 1) / 2.0 + 1;
                    rankSumPos += avgRank * pos;
                    nPos += pos;
                    before += copies;
                }
            }
            long nNeg = n - nPos;
            if (nPos > 0 && nNeg > 0) {
                draws[kept++] = (rankSumPos - nPos * (nPos + 1) / 2.0) / ((double) nPos * nNeg);
            }
        }
        return Arrays.copyOf(draws, kept);
    }

    /**
     * AUC of {@code model.mu(x, arm)} on the rows of x whose treatment is {@code arm}.
     *
     * @param x n × p covariates; t 0/1 treatment; y 0/1 outcome
     */
    public static Result perArm(ArmOutcomeModel model, double[][] x, int[] t, int[] y, int arm, long seed,
                                int rounds) {
        int[] rows = Stats.indicesOf(t, arm);
        return compute(Stats.select(y, rows), model.mu(Stats.select(x, rows), arm), seed, rounds);
    }

    /**
     * Categorical outcome: one-vs-rest AUC per class k of the predicted probability of class k against the
     * indicator 1{y = k}, each with its bootstrap interval (round seeds shared across classes).
     *
     * @param yClass     observed class per patient, 0..classes−1
     * @param classProbs predicted class probabilities, n × classes
     */
    public static List<Result> perClass(int[] yClass, double[][] classProbs, int classes, long seed, int rounds) {
        if (classProbs.length != yClass.length) {
            throw new IllegalArgumentException("AUC: " + yClass.length + " outcomes but " + classProbs.length
                    + " rows of class probabilities");
        }
        List<Result> out = new ArrayList<>();
        for (int k = 0; k < classes; k++) {
            int[] indicator = new int[yClass.length];
            double[] p = new double[yClass.length];
            for (int i = 0; i < yClass.length; i++) {
                if (yClass[i] < 0 || yClass[i] >= classes) {
                    throw new IllegalArgumentException("AUC: row " + i + " has class " + yClass[i] + " outside 0.."
                            + (classes - 1));
                }
                indicator[i] = yClass[i] == k ? 1 : 0;
                p[i] = classProbs[i][k];
            }
            out.add(compute(indicator, p, seed, rounds));
        }
        return out;
    }

    /** The ROC curve of {@code score} for 0/1 {@code y}; empty arrays when one class is absent. */
    public static Roc roc(int[] y, double[] score) {
        int n = y.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -score[i]).thenComparingInt(i -> i));
        int pos = Arrays.stream(y).sum();
        int neg = n - pos;
        if (pos == 0 || neg == 0) {
            return new Roc(new double[0], new double[0]);
        }
        List<double[]> pts = new ArrayList<>();
        pts.add(new double[] {0, 0});
        int tp = 0;
        int fp = 0;
        for (int k = 0; k < n; k++) {
            if (y[order[k]] == 1) {
                tp++;
            } else {
                fp++;
            }
            if (k == n - 1 || score[order[k + 1]] != score[order[k]]) {
                pts.add(new double[] {fp / (double) neg, tp / (double) pos});
            }
        }
        return new Roc(pts.stream().mapToDouble(p -> p[0]).toArray(), pts.stream().mapToDouble(p -> p[1]).toArray());
    }
}
