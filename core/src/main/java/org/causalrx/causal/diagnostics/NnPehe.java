package org.causalrx.causal.diagnostics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.causalrx.util.IndexedTasks;
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
 *
 * <p>On many rows the mean can be estimated on a seeded sample of them ({@link #matches}): each sampled patient's
 * neighbour is still searched among all rows, so its pseudo-effect is exactly the one of the full computation, the
 * sample mean of the squared errors estimates the full mean without bias, and the bootstrap resamples the sampled
 * patients. The search costs (sample size × rows) distances instead of rows².
 */
public final class NnPehe {
    /** Queries per parallel task of the neighbour search. */
    private static final int QUERY_BLOCK = 64;
    /**
     * Candidates per tile of that search (a multiple of 4): every query of a task scans a tile before the next one,
     * so the tile (256 rows of up to a few hundred standardised columns) is read from memory once per task rather
     * than once per query.
     */
    private static final int CANDIDATE_TILE = 256;

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
     * The rows scored and their neighbours: {@code neighbours[m]} is the nearest row of the other arm to row
     * {@code rows[m]}, searched among all {@code n} rows given.
     *
     * @param n          rows given (the whole split)
     * @param rows       rows scored, ascending: all n rows, or a seeded sample of them (see {@link #queryRows})
     * @param neighbours index (among the n rows) of each scored row's nearest neighbour in the other arm
     */
    public record Matches(int n, int[] rows, int[] neighbours) {
        public Matches {
            if (rows.length != neighbours.length || rows.length > n) {
                throw new IllegalArgumentException("NN-PEHE matches: " + rows.length + " rows, "
                        + neighbours.length + " neighbours of " + n);
            }
        }

        /** True when only a sample of the rows is scored. */
        public boolean sampled() {
            return rows.length < n;
        }
    }

    /**
     * The rows to score: all of 0..n−1 when {@code n <= max}, else a simple random sample of {@code max} of them
     * without replacement (partial Fisher–Yates on {@code seed}), in ascending order. The mean of the sampled
     * patients' squared errors is an unbiased estimate of the mean over all n.
     */
    public static int[] queryRows(int n, int max, long seed) {
        if (max < 1) {
            throw new IllegalArgumentException("NN-PEHE needs a sample of at least 1 patient, got " + max);
        }
        if (n <= max) {
            int[] idx = new int[n];
            for (int i = 0; i < n; i++) {
                idx[i] = i;
            }
            return idx;
        }
        return org.causalrx.util.Stats.sampleIndices(n, max, seed);
    }

    /**
     * For each row, the index of its nearest neighbour in the other arm.
     *
     * @param x covariates, n rows × p columns (standardised internally by these rows' mean and SD; constant
     *          columns are ignored)
     * @param t arm per row, 0 or 1; both arms must be present
     */
    public static int[] neighbours(double[][] x, int[] t) {
        return neighbours(x, t, queryRows(x.length, Math.max(1, x.length), 0L));
    }

    /**
     * For each row of {@code queries}, the index of its nearest neighbour in the other arm among ALL rows of x
     * (standardised by all rows), so a query's neighbour does not depend on which other rows are queried. Exact:
     * squared distances are summed in column order as in the plain pairwise search, a candidate is abandoned once its
     * partial sum reaches the best so far (the full sum could only be larger or equal, and ties go to the lower
     * index, which was seen first), and queries run in parallel blocks whose results do not depend on the thread
     * count.
     *
     * @param queries rows to find neighbours for (any order; duplicates allowed)
     */
    public static int[] neighbours(double[][] x, int[] t, int[] queries) {
        int n = x.length;
        if (t.length != n || n == 0) {
            throw new IllegalArgumentException("NN-PEHE: x has " + n + " rows but t has " + t.length);
        }
        int[][] arm = {Stats.indicesOf(t, 0), Stats.indicesOf(t, 1)};
        if (arm[1].length == 0 || arm[0].length == 0 || arm[1].length + arm[0].length != n) {
            throw new IllegalArgumentException("NN-PEHE needs arms coded 0/1 with both present; got "
                    + arm[1].length + " treated and " + arm[0].length + " control of " + n + " rows");
        }
        Standardisation z = standardise(x);
        int q = z.keep().length;
        // each arm's standardised rows contiguous, in ascending row order (queries are standardised as they come)
        double[][] block = new double[2][];
        for (int a = 0; a <= 1; a++) {
            block[a] = new double[arm[a].length * q];
            for (int m = 0; m < arm[a].length; m++) {
                z.row(x[arm[a][m]], block[a], m * q);
            }
        }
        int[] nn = new int[queries.length];
        int blocks = (queries.length + QUERY_BLOCK - 1) / QUERY_BLOCK;
        List<int[]> parts = IndexedTasks.map(blocks, b -> {
            int from = b * QUERY_BLOCK;
            int to = Math.min(queries.length, from + QUERY_BLOCK);
            int len = to - from;
            double[] zq = new double[len * q];
            int[] other = new int[len];
            for (int k = 0; k < len; k++) {
                int i = queries[from + k];
                other[k] = t[i] == 1 ? 0 : 1;
                z.row(x[i], zq, k * q);
            }
            // candidates in tiles that stay in cache while every query of the block scans them; each query still
            // sees the candidates in ascending order with its own best so far, as in one scan of all of them
            double[] best = new double[len];
            int[] out = new int[len];
            java.util.Arrays.fill(best, Double.POSITIVE_INFINITY);
            java.util.Arrays.fill(out, -1);
            int most = Math.max(arm[0].length, arm[1].length);
            for (int tile = 0; tile < most; tile += CANDIDATE_TILE) {
                for (int k = 0; k < len; k++) {
                    int[] idx = arm[other[k]];
                    if (tile < idx.length) {
                        int end = Math.min(idx.length, tile + CANDIDATE_TILE);
                        nearest(zq, k * q, block[other[k]], idx, q, tile, end, best, out, k);
                    }
                }
            }
            return out;
        });
        for (int b = 0; b < blocks; b++) {
            System.arraycopy(parts.get(b), 0, nn, b * QUERY_BLOCK, parts.get(b).length);
        }
        return nn;
    }

    /**
     * Carries query k's search over candidates {@code from..to−1} ({@code from} a multiple of 4): {@code bests[k]} and
     * {@code args[k]}, the smallest squared distance so far and its index (from {@code idx}) of the candidate row of
     * {@code block}, become those over every candidate up to {@code to} — the first in ascending order with the
     * smallest squared distance to the query at {@code z[off..]}, each distance summed in column order. Four
     * candidates are summed side by side (independent sums, so the additions overlap in the CPU) and given up
     * together once all four partial sums reach the best so far: partial sums only grow, so none of them could
     * still be strictly nearer, and an equal one comes later than the best, which keeps the lower index.
     */
    private static void nearest(double[] z, int off, double[] block, int[] idx, int q, int from, int to,
                                double[] bests, int[] args, int k) {
        double best = bests[k];
        int arg = args[k];
        int cnt = to;
        int m = from;
        for (; m + 4 <= cnt; m += 4) {
            int b0 = m * q;
            int b1 = b0 + q;
            int b2 = b1 + q;
            int b3 = b2 + q;
            double d0 = 0;
            double d1 = 0;
            double d2 = 0;
            double d3 = 0;
            for (int c = 0; c < q; c++) {
                double zc = z[off + c];
                double e0 = zc - block[b0 + c];
                double e1 = zc - block[b1 + c];
                double e2 = zc - block[b2 + c];
                double e3 = zc - block[b3 + c];
                d0 += e0 * e0;
                d1 += e1 * e1;
                d2 += e2 * e2;
                d3 += e3 * e3;
                if ((c & 3) == 3 && Math.min(Math.min(d0, d1), Math.min(d2, d3)) >= best) {
                    break;
                }
            }
            // in ascending order; a sum given up above is >= best and changes nothing
            if (d0 < best) {
                best = d0;
                arg = idx[m];
            }
            if (d1 < best) {
                best = d1;
                arg = idx[m + 1];
            }
            if (d2 < best) {
                best = d2;
                arg = idx[m + 2];
            }
            if (d3 < best) {
                best = d3;
                arg = idx[m + 3];
            }
        }
        for (int base = m * q; m < cnt; m++, base += q) {
            double d = 0;
            for (int c = 0; c < q; c++) {
                double diff = z[off + c] - block[base + c];
                d += diff * diff;
                if (d >= best) {
                    break;
                }
            }
            if (d < best) {
                best = d;
                arg = idx[m];
            }
        }
        bests[k] = best;
        args[k] = arg;
    }

    /**
     * Neighbours of a seeded sample of at most {@code maxRows} rows (all rows when there are no more), searched
     * among all rows; see {@link #queryRows} and {@link #neighbours(double[][], int[], int[])}.
     */
    public static Matches matches(double[][] x, int[] t, int maxRows, long seed) {
        int[] rows = queryRows(x.length, maxRows, seed);
        return new Matches(x.length, rows, neighbours(x, t, rows));
    }

    /** Pseudo-effects: {@code y_i − y_nn(i)} for treated rows, {@code y_nn(i) − y_i} for control rows. */
    public static double[] pseudoEffects(int[] t, double[] y, int[] nn) {
        double[] pseudo = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            pseudo[i] = t[i] == 1 ? y[i] - y[nn[i]] : y[nn[i]] - y[i];
        }
        return pseudo;
    }

    /** Pseudo-effects of the scored rows of {@code m}, in their order. */
    public static double[] pseudoEffects(int[] t, double[] y, Matches m) {
        double[] pseudo = new double[m.rows().length];
        for (int k = 0; k < pseudo.length; k++) {
            int i = m.rows()[k];
            int j = m.neighbours()[k];
            pseudo[k] = t[i] == 1 ? y[i] - y[j] : y[j] - y[i];
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
        return computeByClass(t, matches(x, t, Math.max(1, n), 0L), yClass, classes, classEffects, seed, rounds);
    }

    /**
     * As {@link #computeByClass(double[][], int[], int[], int, double[][], long, int)} on neighbours found once
     * (see {@link #matches}); only the scored rows of {@code m} enter the results (all arrays cover all n rows).
     */
    public static ClassResult computeByClass(int[] t, Matches m, int[] yClass, int classes,
            double[][] classEffects, long seed, int rounds) {
        int n = m.n();
        check(yClass.length, n, "yClass");
        check(classEffects.length, n, "classEffects");
        for (int i = 0; i < n; i++) {
            if (yClass[i] < 0 || yClass[i] >= classes) {
                throw new IllegalArgumentException("NN-PEHE: row " + i + " has class " + yClass[i]
                        + " outside 0.." + (classes - 1));
            }
            if (classEffects[i].length != classes) {
                throw new IllegalArgumentException("NN-PEHE: classEffects row " + i + " has "
                        + classEffects[i].length + " entries, expected " + classes);
            }
        }
        int[] rows = m.rows();
        int s = rows.length;
        List<Result> per = new ArrayList<>();
        double[] value = new double[n];
        for (int i = 0; i < n; i++) {
            value[i] = yClass[i];
        }
        double[] expected = new double[s];
        for (int k = 0; k < classes; k++) {
            double[] indicator = new double[n];
            for (int i = 0; i < n; i++) {
                indicator[i] = yClass[i] == k ? 1 : 0;
            }
            double[] tau = new double[s];
            for (int r = 0; r < s; r++) {
                tau[r] = classEffects[rows[r]][k];
                expected[r] += k * classEffects[rows[r]][k];
            }
            per.add(summarise(squaredErrors(tau, pseudoEffects(t, indicator, m)), seed, rounds));
        }
        Result overall = summarise(squaredErrors(expected, pseudoEffects(t, value, m)), seed, rounds);
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

    /**
     * Standardisation by the rows' mean and SD, constant columns left out.
     *
     * @param keep the columns kept (SD above 0), ascending
     */
    private record Standardisation(int[] keep, double[] mean, double[] sd) {
        /** Writes the standardised kept columns of {@code xi} to {@code out[off..off + keep.length)}. */
        void row(double[] xi, double[] out, int off) {
            for (int k = 0; k < keep.length; k++) {
                int c = keep[k];
                out[off + k] = (xi[c] - mean[c]) / sd[c];
            }
        }
    }

    private static Standardisation standardise(double[][] x) {
        int n = x.length;
        int p = x[0].length;
        List<Integer> keep = new ArrayList<>();
        double[] mean = new double[p];
        double[] sd = new double[p];
        double[] col = new double[n];
        for (int c = 0; c < p; c++) {
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
        return new Standardisation(keep.stream().mapToInt(Integer::intValue).toArray(), mean, sd);
    }

    private static void check(int len, int n, String name) {
        if (len != n) {
            throw new IllegalArgumentException("NN-PEHE: " + name + " has " + len + " entries, expected " + n);
        }
    }
}
