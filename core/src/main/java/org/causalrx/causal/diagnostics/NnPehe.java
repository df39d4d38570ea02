package org.causalrx.causal.diagnostics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.causalrx.util.Seeds;
import org.causalrx.util.Stats;

/**
 * Nearest-neighbour PEHE (NN-PEHE, X-MultiTask seed 000; Johansson et al. 2016): a PEHE that needs no
 * counterfactual truth. Each patient's missing potential outcome is taken from its nearest neighbour in the
 * other arm (Euclidean distance on covariates standardised by the mean and SD of the rows given), giving a
 * pseudo-effect {@code y_i − y_nn(i)} for treated and {@code y_nn(i) − y_i} for control patients; NN-PEHE is
 * {@code sqrt(mean((tau_hat − pseudo)²))}. Because the pseudo-effect carries the outcome noise of two
 * patients, NN-PEHE is roughly {@code sqrt(PEHE² + 2σ²)} on data with noise SD σ: a noisy, upward-biased
 * proxy, useful for comparing estimators on the same rows rather than as an absolute error.
 *
 * <p>The 95 % interval is a percentile bootstrap over patients (neighbours fixed on the full sample); round r
 * draws from {@code Seeds.derive(seed, r)}, so the same seed gives the same interval. Ties in distance go to
 * the lower row index.
 */
public final class NnPehe {
    private NnPehe() {
    }

    /**
     * NN-PEHE on n patients: point estimate and percentile bootstrap 95 % interval.
     *
     * @param pehe   sqrt of the mean squared difference between predicted effects and pseudo-effects
     * @param ciLow  2.5 % bootstrap quantile (equal to {@code pehe} when rounds is 0)
     * @param ciHigh 97.5 % bootstrap quantile
     * @param n      number of patients
     * @param rounds bootstrap rounds
     */
    public record Result(double pehe, double ciLow, double ciHigh, int n, int rounds) {
        public Result {
            if (n < 1 || rounds < 0) {
                throw new IllegalArgumentException("NN-PEHE needs n >= 1 and rounds >= 0, got " + n + ", " + rounds);
            }
        }
    }

    /**
     * Categorical outcome: one result per class k (indicator 1{y = k} against the class-probability effects)
     * and an overall result for the expected value (class label k as the value; predicted effect
     * {@code sum_k k·effect_k}).
     */
    public record ClassResult(List<Result> perClass, Result overall) {
        public ClassResult {
            perClass = List.copyOf(perClass);
        }
    }

    /**
     * For each row, the index of its nearest neighbour in the other arm.
     *
     * @param x covariates, n rows × p columns (standardised internally by these rows' mean and SD; constant
     *          columns are ignored)
     * @param t arm per row, 0 or 1; both arms must be present
     */
    public static int[] neighbours(double[][] x, int[] t) {
        int n = x.length;
        if (t.length != n || n == 0) {
            throw new IllegalArgumentException("NN-PEHE: x has " + n + " rows but t has " + t.length);
        }
        int[] treated = Stats.indicesOf(t, 1);
        int[] control = Stats.indicesOf(t, 0);
        if (treated.length == 0 || control.length == 0 || treated.length + control.length != n) {
            throw new IllegalArgumentException("NN-PEHE needs arms coded 0/1 with both present; got "
                    + treated.length + " treated and " + control.length + " control of " + n + " rows");
        }
        double[][] z = standardise(x);
        int[] nn = new int[n];
        for (int i = 0; i < n; i++) {
            int[] other = t[i] == 1 ? control : treated;
            double best = Double.POSITIVE_INFINITY;
            int arg = -1;
            for (int j : other) { // ascending index order, strict < keeps the lowest index on ties
                double d = 0;
                for (int c = 0; c < z[i].length; c++) {
                    double diff = z[i][c] - z[j][c];
                    d += diff * diff;
                }
                if (d < best) {
                    best = d;
                    arg = j;
                }
            }
            nn[i] = arg;
        }
        return nn;
    }

    /** Pseudo-effects: {@code y_i − y_nn(i)} for treated rows, {@code y_nn(i) − y_i} for control rows. */
    public static double[] pseudoEffects(int[] t, double[] y, int[] nn) {
        double[] pseudo = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            pseudo[i] = t[i] == 1 ? y[i] - y[nn[i]] : y[nn[i]] - y[i];
        }
        return pseudo;
    }

    /**
     * NN-PEHE of predicted effects {@code tauHat} (same rows as x).
     *
     * @param rounds bootstrap rounds for the 95 % interval (0: no interval; the bounds equal the point)
     */
    public static Result compute(double[][] x, int[] t, double[] y, double[] tauHat, long seed, int rounds) {
        check(y.length, x.length, "y");
        check(tauHat.length, x.length, "tauHat");
        double[] pseudo = pseudoEffects(t, y, neighbours(x, t));
        return summarise(squaredErrors(tauHat, pseudo), seed, rounds);
    }

    /**
     * NN-PEHE from pseudo-effects computed once (see {@link #neighbours} and {@link #pseudoEffects}), so that
     * several estimators can be scored on the same rows without repeating the O(n²) neighbour search.
     */
    public static Result fromPseudo(double[] pseudo, double[] tauHat, long seed, int rounds) {
        check(tauHat.length, pseudo.length, "tauHat");
        return summarise(squaredErrors(tauHat, pseudo), seed, rounds);
    }

    /**
     * Per-class and overall NN-PEHE for a categorical outcome.
     *
     * @param yClass       observed class per row, 0..classes−1
     * @param classEffects predicted effect per row and class, n × classes (difference in class probability)
     */
    public static ClassResult computeByClass(double[][] x, int[] t, int[] yClass, int classes,
            double[][] classEffects, long seed, int rounds) {
        int n = x.length;
        check(yClass.length, n, "yClass");
        check(classEffects.length, n, "classEffects");
        int[] nn = neighbours(x, t);
        List<Result> per = new ArrayList<>();
        double[] value = new double[n];
        double[] expected = new double[n];
        for (int i = 0; i < n; i++) {
            if (yClass[i] < 0 || yClass[i] >= classes) {
                throw new IllegalArgumentException("NN-PEHE: row " + i + " has class " + yClass[i]
                        + " outside 0.." + (classes - 1));
            }
            if (classEffects[i].length != classes) {
                throw new IllegalArgumentException("NN-PEHE: classEffects row " + i + " has "
                        + classEffects[i].length + " entries, expected " + classes);
            }
            value[i] = yClass[i];
        }
        for (int k = 0; k < classes; k++) {
            double[] indicator = new double[n];
            double[] tau = new double[n];
            for (int i = 0; i < n; i++) {
                indicator[i] = yClass[i] == k ? 1 : 0;
                tau[i] = classEffects[i][k];
                expected[i] += k * classEffects[i][k];
            }
            per.add(summarise(squaredErrors(tau, pseudoEffects(t, indicator, nn)), seed, rounds));
        }
        Result overall = summarise(squaredErrors(expected, pseudoEffects(t, value, nn)), seed, rounds);
        return new ClassResult(per, overall);
    }

    private static double[] squaredErrors(double[] tau, double[] pseudo) {
        double[] e = new double[tau.length];
        for (int i = 0; i < tau.length; i++) {
            double d = tau[i] - pseudo[i];
            e[i] = d * d;
        }
        return e;
    }

    /** Point estimate and percentile bootstrap interval of sqrt(mean(e)); round r uses derive(seed, r). */
    private static Result summarise(double[] sq, long seed, int rounds) {
        int n = sq.length;
        double point = Math.sqrt(Stats.mean(sq));
        if (rounds == 0) {
            return new Result(point, point, point, n, 0);
        }
        double[] draws = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            SplittableRandom rng = new SplittableRandom(Seeds.derive(seed, r));
            double s = 0;
            for (int i = 0; i < n; i++) {
                s += sq[rng.nextInt(n)];
            }
            draws[r] = Math.sqrt(s / n);
        }
        Arrays.sort(draws);
        return new Result(point, Stats.quantileSorted(draws, 0.025), Stats.quantileSorted(draws, 0.975), n, rounds);
    }

    private static double[][] standardise(double[][] x) {
        int n = x.length;
        int p = x[0].length;
        List<Integer> keep = new ArrayList<>();
        double[] mean = new double[p];
        double[] sd = new double[p];
        for (int c = 0; c < p; c++) {
            double[] col = new double[n];
            for (int i = 0; i < n; i++) {
                if (x[i].length != p) {
                    throw new IllegalArgumentException("NN-PEHE: row " + i + " has " + x[i].length
                            + " covariates, expected " + p);
                }
                col[i] = x[i][c];
            }
            mean[c] = Stats.mean(col);
            sd[c] = n > 1 ? Stats.sd(col) : 0;
            if (sd[c] > 0) {
                keep.add(c);
            }
        }
        double[][] z = new double[n][keep.size()];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < keep.size(); k++) {
                int c = keep.get(k);
                z[i][k] = (x[i][c] - mean[c]) / sd[c];
            }
        }
        return z;
    }

    private static void check(int len, int n, String name) {
        if (len != n) {
            throw new IllegalArgumentException("NN-PEHE: " + name + " has " + len + " entries, expected " + n);
        }
    }
}
