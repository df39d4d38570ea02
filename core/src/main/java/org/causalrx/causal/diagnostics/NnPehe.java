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
    /**
     * Queries per parallel task of the neighbour search: a task reads each candidate tile of the arm its queries search
     * from memory once for all of them (the queries of a task are grouped by that arm).
     */
    private static final int QUERY_BLOCK = 64;
    /**
     * Candidates per tile of that search on the plain-loop path (the Vector API path takes two vectors of them,
     * {@link NnVectorKernel#TILE}: 16 with 512-bit vectors, 8 with 256-bit). A tile holds its candidates' standardised
     * columns column-major, {@code tile[c * CANDIDATE_TILE + m]} (25 KB at 200 columns), and stays in the L1 cache
     * while every query of a task scans it, so each candidate row is read from memory once per task rather than once
     * per query.
     */
    private static final int CANDIDATE_TILE = 16;
    /**
     * Queries of a task that scan a tile together (the kernels are written for 4): each column of the tile is loaded
     * once for all of them, and their {@code QUERY_GROUP × tile} partial sums stay in registers (Vector API) or the L1
     * cache (plain loops).
     */
    static final int QUERY_GROUP = 4;
    /**
     * Columns between two checks of whether a group may give up a tile, when every partial sum in it has reached its
     * query's best so far (a power of 2).
     */
    static final int CHECK_COLUMNS = 16;
    /**
     * Queries × rows × columns below which the search runs on the plain loops: they finish it (in about 0.2 s) before
     * the Vector API kernel is compiled, which is most of what a first call on that kernel costs.
     */
    private static final long VECTOR_MIN_WORK = 1L << 29;

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
     * squared distances are summed in column order as in the plain pairwise search (separate multiply and add, one
     * sum per candidate, several candidates side by side in vector lanes), the first candidate in ascending index
     * order with the smallest sum wins, a tile of candidates is abandoned once every partial sum in it reaches the best
     * so far (the full sums could only be larger or equal, and ties go to the lower index, which was seen first), and
     * queries run in parallel blocks whose results do not depend on the thread count.
     *
     * @param queries rows to find neighbours for (any order; duplicates allowed)
     */
    public static int[] neighbours(double[][] x, int[] t, int[] queries) {
        long work = (long) queries.length * x.length * (x.length == 0 ? 0 : x[0].length);
        return neighbours(x, t, queries, work >= VECTOR_MIN_WORK && vectorKernel());
    }

    /** Whether the Vector API kernel can run: its module is loaded and the CPU has vectors of 4 doubles or more. */
    static boolean vectorKernel() {
        return ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent() && NnVectorKernel.usable();
    }

    /**
     * As {@link #neighbours(double[][], int[], int[])}, on the Vector API kernel ({@link NnVectorKernel}) or (vector
     * false) the plain-loop one; both give the same result.
     */
    static int[] neighbours(double[][] x, int[] t, int[] queries, boolean vector) {
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
        int w = vector ? NnVectorKernel.TILE : CANDIDATE_TILE;
        // each arm's standardised rows in ascending row order, in tiles of w rows stored column by column, tile k at
        // [k * w * q, (k + 1) * w * q) (the last one padded with zero rows); queries are standardised as they come
        double[][] tiles = new double[2][];
        double[] row = new double[q];
        for (int a = 0; a <= 1; a++) {
            tiles[a] = new double[Math.multiplyExact((arm[a].length + w - 1) / w * w, q)];
            for (int m = 0; m < arm[a].length; m++) {
                z.row(x[arm[a][m]], row, 0);
                int at = m / w * w * q + m % w;
                for (int c = 0; c < q; c++) {
                    tiles[a][at + c * w] = row[c];
                }
            }
        }
        int[] nn = new int[queries.length];
        int blocks = (queries.length + QUERY_BLOCK - 1) / QUERY_BLOCK;
        List<int[]> parts = IndexedTasks.map(blocks, b -> {
            int from = b * QUERY_BLOCK;
            int len = Math.min(queries.length, from + QUERY_BLOCK) - from;
            double[] zq = new double[len * q];
            // the block's queries by the arm they search, in groups of QUERY_GROUP; a last group short of queries
            // repeats its last one in the spare places, whose results are dropped
            int[][] byArm = new int[2][len + QUERY_GROUP];
            int[] inArm = new int[2];
            for (int k = 0; k < len; k++) {
                int i = queries[from + k];
                int other = t[i] == 1 ? 0 : 1;
                byArm[other][inArm[other]++] = k;
                z.row(x[i], zq, k * q);
            }
            for (int a = 0; a <= 1; a++) {
                for (int k = inArm[a]; k % QUERY_GROUP != 0; k++) {
                    byArm[a][k] = byArm[a][k - 1];
                }
            }
            double[] best = new double[len];
            int[] out = new int[len];
            Arrays.fill(best, Double.POSITIVE_INFINITY);
            Arrays.fill(out, -1);
            double[] acc = new double[QUERY_GROUP * w];
            for (int a = 0; a <= 1; a++) {
                int[] idx = arm[a];
                int[] ks = byArm[a];
                // tile by tile in ascending order; each query carries its own best so far from tile to tile, as in one
                // scan of all the candidates
                for (int tile = 0; tile < idx.length; tile += w) {
                    int cnt = Math.min(w, idx.length - tile);
                    int base = tile * q;
                    for (int g = 0; g < inArm[a]; g += QUERY_GROUP) {
                        int k0 = ks[g];
                        int k1 = ks[g + 1];
                        int k2 = ks[g + 2];
                        int k3 = ks[g + 3];
                        boolean full = vector
                                ? NnVectorKernel.sums(tiles[a], base, q, zq, k0 * q, k1 * q, k2 * q, k3 * q,
                                        best[k0], best[k1], best[k2], best[k3], acc)
                                : sums(tiles[a], base, q, zq, k0 * q, k1 * q, k2 * q, k3 * q,
                                        best[k0], best[k1], best[k2], best[k3], acc);
                        for (int j = 0; full && j < QUERY_GROUP && g + j < inArm[a]; j++) {
                            int k = ks[g + j];
                            for (int m = 0, at = j * w; m < cnt; m++, at++) {
                                // ascending order and strictly smaller: ties keep the lower index
                                if (acc[at] < best[k]) {
                                    best[k] = acc[at];
                                    out[k] = idx[tile + m];
                                }
                            }
                        }
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
     * The plain-loop kernel: {@code acc[j * CANDIDATE_TILE + m]} becomes the squared distance from the query at
     * {@code zq[o_j..o_j + q)} (j = 0..3) to candidate m of the tile at {@code tiles[base..base + q * CANDIDATE_TILE)}
     * (column-major, {@code tiles[base + c * CANDIDATE_TILE + m]}): the sum over c = 0..q−1, in that order, of
     * {@code e * e} with {@code e = z_j[c] − tile[c][m]}, multiplied and added as two operations, so the bits are
     * those of the plain pairwise search. Returns false, with the sums left partial, once (checked every
     * {@link #CHECK_COLUMNS} columns) every partial sum of each query j has reached {@code b_j}, that query's best so
     * far: partial sums only grow (each term is at least 0), so no candidate of the tile can be strictly nearer than
     * the best, and the tile changes nothing. The spare zero rows of a last tile are summed and checked too (they
     * can only delay giving up) but never reported.
     */
    private static boolean sums(double[] tiles, int base, int q, double[] zq, int o0, int o1, int o2, int o3,
                                double b0, double b1, double b2, double b3, double[] acc) {
        final int w = CANDIDATE_TILE;
        Arrays.fill(acc, 0.0);
        for (int c = 0; c < q; c++) {
            double z0 = zq[o0 + c];
            double z1 = zq[o1 + c];
            double z2 = zq[o2 + c];
            double z3 = zq[o3 + c];
            int col = base + c * w;
            for (int m = 0; m < w; m++) {
                double v = tiles[col + m];
                double e0 = z0 - v;
                double e1 = z1 - v;
                double e2 = z2 - v;
                double e3 = z3 - v;
                acc[m] += e0 * e0;
                acc[w + m] += e1 * e1;
                acc[2 * w + m] += e2 * e2;
                acc[3 * w + m] += e3 * e3;
            }
            if ((c & (CHECK_COLUMNS - 1)) == CHECK_COLUMNS - 1 && min(acc, 0, w) >= b0 && min(acc, w, w) >= b1
                    && min(acc, 2 * w, w) >= b2 && min(acc, 3 * w, w) >= b3) {
                return false;
            }
        }
        return true;
    }

    /** The smallest of {@code a[from..from + len)}; NaN if any is NaN, so that a NaN never gives up a tile. */
    private static double min(double[] a, int from, int len) {
        double m = Double.POSITIVE_INFINITY;
        for (int i = from; i < from + len; i++) {
            m = Math.min(m, a[i]);
        }
        return m;
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
