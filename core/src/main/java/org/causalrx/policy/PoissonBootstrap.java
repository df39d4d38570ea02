package org.causalrx.policy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The Poisson bootstrap engine ({@link BootstrapEngine#POISSON}): round r weights held-out row i by an independent
 * Poisson(1) draw w_ri ({@link PoissonWeights}: a hash of the seed, the row's key and the round, so nothing is
 * stored and no draw depends on the thread count or on how rounds are split), instead of the multinomial counts of
 * the exact engine. Every policy's value is the same function of weighted sums as in {@link PolicyValue}, with the
 * weight in place of the count: per policy the sums of the deferred outcomes and of the deferred weights (policies
 * that defer anybody), of the plug-ins of the recommended arm, of w / p*, w·y / p* and w·(y − ŷ) / p* over matched
 * patients, and the total weight. These sums are the matrix product S = W X of the rounds × rows weight matrix W
 * with the rows × columns score matrix X (one column per sum and policy, one total column; identical policies share
 * columns).
 *
 * <p>The product is blocked like a GEMM: rounds in blocks of {@link #LANES}, rows in tiles of {@link #TILE}; the
 * weights of a block's rounds on one tile are generated once and used for every column; a micro-kernel keeps
 * 4 rounds × 4 columns of float accumulators, each 8 lanes wide (lane j sums rows ≡ j mod 8 of the tile by fused
 * multiply-adds in row order), adds each tile's lanes to 8 double sums per round and column in tile order, and adds
 * those 8 in lane order at the end. Weights
 * are whole numbers and exact in float; the scores are rounded to float (relative error 6·10⁻⁸, far below the
 * bootstrap spread). The order of every addition is fixed, so the values are identical for any thread count. The
 * micro-kernel runs on the JDK Vector API ({@code jdk.incubator.vector}, 256-bit float vectors) when that module is
 * loaded ({@code --add-modules jdk.incubator.vector}) and otherwise as plain loops with the same operations in the
 * same order, so both give the same bits.
 */
public final class PoissonBootstrap {
    /** Rounds per block (a multiple of 4). */
    static final int LANES = 64;
    /** Rows per tile (a multiple of 8). */
    static final int TILE = 512;
    /** Columns per micro-kernel step. */
    static final int COL_STEP = 4;
    /** Rounds per micro-kernel step. */
    static final int ROUND_STEP = 4;
    /** Float lanes of the micro-kernel's accumulators. */
    static final int WIDTH = 8;

    private PoissonBootstrap() {
    }

    /** Whether the Vector API module is loaded, so that {@link #run} can use the vector micro-kernel. */
    public static boolean vectorAvailable() {
        return ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
    }

    /**
     * Same contract as {@link Bootstrap#run(HeldOut, List, int, long, boolean, int[])}, with Poisson(1) weights per
     * row, or per group when {@code groups} is given (every row of a group gets its group's weight). A round whose
     * weights are all zero (chance e^{−n}) has NaN values.
     */
    public static Bootstrap.Result run(HeldOut data, List<PolicyDecisions> policies, int rounds, long seed,
            boolean parallel, int[] groups) {
        return run(data, policies, rounds, seed, parallel, groups, vectorAvailable());
    }

    /** As above, on the vector micro-kernel or (vector false) the plain-loop one; both give the same bits. */
    static Bootstrap.Result run(HeldOut data, List<PolicyDecisions> policies, int rounds, long seed,
            boolean parallel, int[] groups, boolean vector) {
        if (rounds < 1) {
            throw new IllegalArgumentException("bootstrap rounds must be >= 1, got " + rounds);
        }
        int n = data.size();
        if (groups != null && groups.length != n) {
            throw new IllegalArgumentException("groups has " + groups.length + " entries for " + n + " rows");
        }
        Plan plan = new Plan(PolicyValue.Prepared.of(data), policies);
        long[] rowKeys = PoissonWeights.rowKeys(seed, n, groups);
        int k = policies.size();
        double[][] dr = new double[k][rounds];
        double[][] ipw = new double[k][rounds];
        int lanes = Math.min(LANES, (rounds + ROUND_STEP - 1) / ROUND_STEP * ROUND_STEP);
        int blocks = (rounds + lanes - 1) / lanes;
        IntStream range = IntStream.range(0, blocks);
        (parallel ? range.parallel() : range).forEach(b -> block(plan, rowKeys, seed, b * lanes, lanes,
                Math.min(rounds, (b + 1) * lanes), vector, dr, ipw));
        return new Bootstrap.Result(policies.stream().map(PolicyDecisions::id).toList(), dr, ipw,
                BootstrapEngine.POISSON);
    }

    /** Rounds r0..to−1 (computed over {@code lanes} rounds from r0; the ones past {@code to} are dropped). */
    private static void block(Plan plan, long[] rowKeys, long seed, int r0, int lanes, int to, boolean vector,
            double[][] dr, double[][] ipw) {
        int cols = plan.cols;
        double[] sums = new double[lanes * cols];
        float[] w = new float[lanes * TILE];
        long[] pairKeys = new long[lanes / 2];
        for (int q = 0; q < lanes / 2; q++) {
            pairKeys[q] = PoissonWeights.pairKey(seed, r0 / 2 + q);
        }
        double[] laneSums = new double[lanes * cols * WIDTH];
        float[] lane = new float[WIDTH];
        for (int t = 0; t < plan.tiles.length; t++) {
            if (vector) {
                PoissonVectorKernel.weights(w, rowKeys, t * TILE, plan.n, pairKeys, lanes);
            } else {
                weights(w, rowKeys, t * TILE, plan.n, pairKeys, lanes);
            }
            if (vector) {
                PoissonVectorKernel.multiply(w, lanes, plan.tiles[t], cols, TILE, laneSums);
            } else {
                multiply(w, lanes, plan.tiles[t], cols, TILE, laneSums, lane);
            }
        }
        for (int s = 0; s < sums.length; s++) {
            double v = 0;
            for (int j = 0; j < WIDTH; j++) {
                v += laneSums[s * WIDTH + j];
            }
            sums[s] = v;
        }
        for (int l = 0; l < to - r0; l++) {
            plan.finish(sums, l * cols, r0 + l, dr, ipw);
        }
    }

    /**
     * The weights of rounds r0.. (pair keys {@code pairKeys}) on the tile of rows from {@code start}:
     * {@code w[l * TILE + i]}; rows past n weigh 0. r0 is even, so lane l is round r0 + l.
     */
    static void weights(float[] w, long[] rowKeys, int start, int n, long[] pairKeys, int lanes) {
        int rows = Math.min(TILE, n - start);
        for (int q = 0; q < lanes / 2; q++) {
            long pk = pairKeys[q];
            int even = 2 * q * TILE;
            int odd = even + TILE;
            for (int i = 0; i < rows; i++) {
                long h = PoissonWeights.mix64(rowKeys[start + i] + pk);
                w[even + i] = PoissonWeights.weight(h & 0xFFFFFFFFL);
                w[odd + i] = PoissonWeights.weight(h >>> 32);
            }
            Arrays.fill(w, even + rows, even + TILE, 0f);
            Arrays.fill(w, odd + rows, odd + TILE, 0f);
        }
    }

    /**
     * The plain-loop micro-kernel: lane j of {@code laneSums[(l * cols + c) * 8 + j]} += Σ_{i ≡ j mod 8}
     * w[l * tile + i] · x[c * tile + i], with the vector kernel's order of operations (8 float lanes by fused
     * multiply-add over the tile, then each lane added to its double sum).
     */
    static void multiply(float[] w, int lanes, float[] x, int cols, int tile, double[] laneSums, float[] lane) {
        float[] acc = new float[ROUND_STEP * COL_STEP * WIDTH];
        for (int r = 0; r < lanes; r += ROUND_STEP) {
            for (int c = 0; c < cols; c += COL_STEP) {
                Arrays.fill(acc, 0f);
                for (int i = 0; i < tile; i += WIDTH) {
                    for (int rr = 0; rr < ROUND_STEP; rr++) {
                        int wo = (r + rr) * tile + i;
                        for (int cc = 0; cc < COL_STEP; cc++) {
                            int xo = (c + cc) * tile + i;
                            int ao = (rr * COL_STEP + cc) * WIDTH;
                            for (int j = 0; j < WIDTH; j++) {
                                acc[ao + j] = Math.fma(w[wo + j], x[xo + j], acc[ao + j]);
                            }
                        }
                    }
                }
                for (int rr = 0; rr < ROUND_STEP; rr++) {
                    for (int cc = 0; cc < COL_STEP; cc++) {
                        System.arraycopy(acc, (rr * COL_STEP + cc) * WIDTH, lane, 0, WIDTH);
                        addLanes(lane, laneSums, ((r + rr) * cols + c + cc) * WIDTH);
                    }
                }
            }
        }
    }

    /** Adds each of the 8 lanes of one accumulator to its double sum {@code laneSums[at + j]}. */
    static void addLanes(float[] lane, double[] laneSums, int at) {
        for (int j = 0; j < WIDTH; j++) {
            laneSums[at + j] += lane[j];
        }
    }

    /**
     * The score columns and where each policy's sums are: column 0 is the total weight; each distinct policy has
     * plug-in, w/p*, w·y/p*, w·residual/p* columns and, when it defers anybody, deferred-outcome and deferred-count
     * columns. Columns are padded with zero columns to a multiple of {@link #COL_STEP}; tiles of rows to
     * {@link #TILE} with zero rows. {@code tiles[t][c * TILE + i]}: column c at row t·TILE + i.
     */
    private static final class Plan {
        private static final int PLUG = 0;
        private static final int W = 1;
        private static final int WY = 2;
        private static final int WRES = 3;
        private static final int DEF_Y = 4;
        private static final int DEF_N = 5;

        final int n;
        final int cols;
        final float[][] tiles;
        /** Per policy: the first column of its sums (plug-in, w, wy, wres, then deferred y and count if any). */
        final int[] first;
        final boolean[] defers;

        Plan(PolicyValue.Prepared prep, List<PolicyDecisions> policies) {
            n = prep.y().length;
            int k = policies.size();
            int arms = prep.arms();
            List<int[]> distinct = new ArrayList<>();
            List<Integer> distinctFirst = new ArrayList<>();
            first = new int[k];
            defers = new boolean[k];
            int next = 1;
            int[][] valued = new int[k][];
            for (int p = 0; p < k; p++) {
                valued[p] = policies.get(p).valuedArms();
                PolicyValue.checkDecisions(valued[p], n, arms);
                defers[p] = Arrays.stream(valued[p]).anyMatch(d -> d == PolicyDecisions.DEFER);
                int same = -1;
                for (int s = 0; s < distinct.size() && same < 0; s++) {
                    if (Arrays.equals(distinct.get(s), valued[p])) {
                        same = s;
                    }
                }
                if (same >= 0) {
                    first[p] = distinctFirst.get(same);
                    continue;
                }
                distinct.add(valued[p]);
                distinctFirst.add(next);
                first[p] = next;
                next += defers[p] ? 6 : 4;
            }
            cols = (next + COL_STEP - 1) / COL_STEP * COL_STEP;
            int nTiles = (n + TILE - 1) / TILE;
            tiles = new float[nTiles][cols * TILE];
            double[] y = prep.y();
            double[] pObs = prep.pObs();
            double[] resid = prep.resid();
            double[] mu = prep.mu();
            int[] t = prep.t();
            for (int i = 0; i < n; i++) {
                float[] x = tiles[i / TILE];
                int row = i % TILE;
                x[row] = 1f;
                for (int s = 0; s < distinct.size(); s++) {
                    int d = distinct.get(s)[i];
                    int c = distinctFirst.get(s);
                    if (d == PolicyDecisions.DEFER) {
                        x[(c + DEF_Y) * TILE + row] = (float) y[i];
                        x[(c + DEF_N) * TILE + row] = 1f;
                        continue;
                    }
                    x[(c + PLUG) * TILE + row] = (float) mu[i * arms + d];
                    if (t[i] == d) {
                        x[(c + W) * TILE + row] = (float) (1 / pObs[i]);
                        x[(c + WY) * TILE + row] = (float) (y[i] / pObs[i]);
                        x[(c + WRES) * TILE + row] = (float) (resid[i] / pObs[i]);
                    }
                }
            }
        }

        /** Round r's values of every policy from its sums {@code sums[at + column]}. */
        void finish(double[] sums, int at, int r, double[][] dr, double[][] ipw) {
            double total = sums[at];
            for (int p = 0; p < first.length; p++) {
                int c = at + first[p];
                double defY = defers[p] ? sums[c + DEF_Y] : 0;
                double defN = defers[p] ? sums[c + DEF_N] : 0;
                PolicyValue.Values v = PolicyValue.finish(total, defY, total - defN, sums[c + W], sums[c + WY],
                        sums[c + WRES], sums[c + PLUG]);
                dr[p][r] = v.dr();
                ipw[p][r] = v.ipw();
            }
        }
    }
}
