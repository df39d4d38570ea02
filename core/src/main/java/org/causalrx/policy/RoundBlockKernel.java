package org.causalrx.policy;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.causalrx.util.Seeds;

/**
 * The bootstrap engine behind {@link Bootstrap#run}: rounds are taken in blocks of {@code lanes}; the counts of all
 * rounds of a block are drawn into one byte table per round ({@code counts[lane][i]}, one byte per patient, so a
 * memory budget holds four times the rounds that int counts allowed), then one pass over the patients updates every
 * policy's six sums for every round of the block. A patient's role under a policy (deferred,
 * recommended, recommended and given that arm) and plug-in do not change between rounds, so the branch on them is
 * taken once per block and the loop over rounds is straight-line arithmetic over primitive arrays, which the JIT
 * vectorises.
 *
 * <p>Each round's sums still run over the patients in index order with the terms of {@link PolicyValue#evaluate}; a
 * patient not drawn in a round adds exact zeros (its factors are finite, which {@link #applies} checks), so every
 * value is bit-identical to {@link RowBootstrap}. Rounds are independent, so any split of rounds over threads gives
 * the same values. A block in which some patient is drawn more than {@code countLimit} times (at most 127, the
 * largest byte; with rows or groups resampled this needs one of them drawn 128 times in one round) is computed by
 * {@link RowBootstrap#rounds} instead.
 */
final class RoundBlockKernel {
    /** Most rounds per block. */
    static final int MAX_LANES = 256;
    /** Bytes the count table of one block may take (fewer lanes for very large held-out sets). */
    static final long COUNT_BYTES = 32L << 20;
    /** Bytes per count in the table: one. */
    static final int COUNT_WIDTH = 1;
    /** The largest count a byte holds. */
    static final int MAX_COUNT = Byte.MAX_VALUE;
    private static final byte DEFERRED = 0;
    private static final byte RECOMMENDED = 1;
    private static final byte MATCHED = 2;
    private static final int DEF = 0;
    private static final int DEF_COUNT = 1;
    private static final int W = 2;
    private static final int WY = 3;
    private static final int WRES = 4;
    private static final int PLUG = 5;
    private static final int SUMS = 6;
    private static final int COUNT = 0;
    private static final int CY = 1;
    private static final int TW = 2;
    private static final int TWY = 3;
    private static final int TWRES = 4;
    private static final int TOTAL = 5;
    private static final int TERMS = 6;

    private final PolicyValue.Prepared prep;
    private final byte[] decisions;
    private final int countLimit;
    private final int n;
    private final int k;
    private final int lanes;
    private final byte[] role;
    private final double[] plug;
    private final int[][] members;

    /**
     * @param decisions n × k valued decisions, patient-major ({@code decisions[i * k + p]}), checked
     * @param members   rows of each resampling group, or null to resample rows
     * @param lanes     rounds per block, ≥ 1 (any value gives the same results; see {@link #lanesFor})
     */
    RoundBlockKernel(PolicyValue.Prepared prep, byte[] decisions, int k, int[][] members, int lanes) {
        this(prep, decisions, k, members, lanes, MAX_COUNT);
    }

    /**
     * As above, with blocks that draw some patient more than {@code countLimit} times (1..{@link #MAX_COUNT}) left
     * to the row engine; a limit below {@link #MAX_COUNT} only serves tests of that path.
     */
    RoundBlockKernel(PolicyValue.Prepared prep, byte[] decisions, int k, int[][] members, int lanes,
            int countLimit) {
        if (countLimit < 1 || countLimit > MAX_COUNT) {
            throw new IllegalArgumentException("count limit must be in 1.." + MAX_COUNT + ", got " + countLimit);
        }
        this.prep = prep;
        this.decisions = decisions;
        this.countLimit = countLimit;
        this.n = prep.y().length;
        this.k = k;
        this.members = members;
        if (lanes < 1) {
            throw new IllegalArgumentException("rounds per block must be >= 1, got " + lanes);
        }
        this.lanes = lanes;
        this.role = new byte[n * k];
        this.plug = new double[n * k];
        int arms = prep.arms();
        for (int i = 0; i < n; i++) {
            for (int p = 0; p < k; p++) {
                int d = decisions[i * k + p];
                if (d == PolicyDecisions.DEFER) {
                    role[i * k + p] = DEFERRED;
                } else {
                    role[i * k + p] = prep.t()[i] == d ? MATCHED : RECOMMENDED;
                    plug[i * k + p] = prep.mu()[i * arms + d];
                }
            }
        }
    }

    /**
     * Rounds per block for {@code rounds} rounds on {@code n} rows spread over {@code threads} threads: at most
     * {@link #MAX_LANES}, a count table of {@link #COUNT_WIDTH}-byte counts within {@link #COUNT_BYTES}, and no more
     * than each thread's share of rounds.
     */
    static int lanesFor(int n, int rounds, int threads) {
        return lanesFor(n, rounds, threads, COUNT_WIDTH);
    }

    /** As above for counts of {@code countBytes} bytes each (≥ 1; 4 for int counts). */
    static int lanesFor(int n, int rounds, int threads, int countBytes) {
        if (countBytes < 1) {
            throw new IllegalArgumentException("a count takes at least one byte, got " + countBytes);
        }
        long byMemory = COUNT_BYTES / ((long) countBytes * Math.max(n, 1));
        long share = (rounds + (long) threads - 1) / threads;
        return (int) Math.max(1, Math.min(Math.min(MAX_LANES, byMemory), share));
    }

    /** Whether the data allow the kernel: every outcome, plug-in and residual finite (so 0 × factor = 0). */
    static boolean applies(PolicyValue.Prepared prep) {
        return finite(prep.y()) && finite(prep.mu()) && finite(prep.resid());
    }

    private static boolean finite(double[] v) {
        for (double x : v) {
            if (!Double.isFinite(x)) {
                return false;
            }
        }
        return true;
    }

    /** Rounds per block. */
    int lanes() {
        return lanes;
    }

    /** Fills {@code dr[p][r]} and {@code ipw[p][r]} for rounds {@code from} (inclusive) to {@code to}. */
    void run(long seed, int from, int to, double[][] dr, double[][] ipw) {
        byte[][] counts = new byte[lanes][n];
        double[][][] sums = new double[SUMS][k][lanes];
        double[][] terms = new double[TERMS][lanes];
        for (int r0 = from; r0 < to; r0 += lanes) {
            int used = Math.min(lanes, to - r0);
            if (draw(counts, seed, r0, used) > countLimit) {
                RowBootstrap.rounds(prep, decisions, k, members, seed, r0, r0 + used, dr, ipw);
                continue;
            }
            for (double[][] s : sums) {
                for (double[] row : s) {
                    Arrays.fill(row, 0);
                }
            }
            accumulate(counts, terms, sums);
            double[] total = terms[TOTAL];
            for (int p = 0; p < k; p++) {
                for (int l = 0; l < used; l++) {
                    PolicyValue.Values v = PolicyValue.finish(total[l], sums[DEF][p][l],
                            total[l] - sums[DEF_COUNT][p][l], sums[W][p][l], sums[WY][p][l], sums[WRES][p][l],
                            sums[PLUG][p][l]);
                    dr[p][r0 + l] = v.dr();
                    ipw[p][r0 + l] = v.ipw();
                }
            }
        }
    }

    /**
     * The counts of rounds r0..r0+used−1 in lanes 0..used−1 ({@code counts[lane][i]}); unused lanes are 0.
     *
     * @return the largest count drawn, or more than {@link #MAX_COUNT} when one passed it (the table then wraps)
     */
    private int draw(byte[][] counts, long seed, int r0, int used) {
        int most = 0;
        for (int l = 0; l < lanes; l++) {
            byte[] c = counts[l];
            Arrays.fill(c, (byte) 0);
            if (l >= used) {
                continue;
            }
            SplittableRandom s = new SplittableRandom(Seeds.derive(seed, r0 + l));
            if (members == null) {
                for (int d = 0; d < n; d++) {
                    int j = s.nextInt(n);
                    int v = (c[j] & 0xFF) + 1;
                    c[j] = (byte) v;
                    most = Math.max(most, v);
                }
            } else {
                for (int d = 0; d < members.length; d++) {
                    for (int row : members[s.nextInt(members.length)]) {
                        int v = (c[row] & 0xFF) + 1;
                        c[row] = (byte) v;
                        most = Math.max(most, v);
                    }
                }
            }
        }
        return most;
    }

    /**
     * One pass over the patients. {@code sums[s][p][lane]}: deferred outcome, deferred count, Σw, Σwy,
     * Σw·residual, Σplug-in; {@code terms[t][lane]}: one patient's count, c·y, w, w·y, w·residual, and the running
     * total count. Counts are whole numbers, so the recommended count (total − deferred) is exact in any order;
     * every other sum runs over the patients in index order. Each loop over lanes is one statement on whole arrays
     * so that the JIT vectorises it.
     */
    private void accumulate(byte[][] counts, double[][] terms, double[][][] sums) {
        double[] y = prep.y();
        double[] pObs = prep.pObs();
        double[] resid = prep.resid();
        double[] c = terms[COUNT];
        double[] cy = terms[CY];
        double[] w = terms[TW];
        double[] wy = terms[TWY];
        double[] wres = terms[TWRES];
        double[] total = terms[TOTAL];
        Arrays.fill(total, 0);
        int ln = lanes;
        for (int i = 0; i < n; i++) {
            for (int l = 0; l < ln; l++) {
                c[l] = counts[l][i];
            }
            double yi = y[i];
            double pi = pObs[i];
            double ri = resid[i];
            for (int l = 0; l < ln; l++) {
                total[l] += c[l];
            }
            for (int l = 0; l < ln; l++) {
                cy[l] = c[l] * yi;
            }
            for (int l = 0; l < ln; l++) {
                w[l] = c[l] / pi;
            }
            for (int l = 0; l < ln; l++) {
                wy[l] = w[l] * yi;
            }
            for (int l = 0; l < ln; l++) {
                wres[l] = w[l] * ri;
            }
            int row = i * k;
            for (int p = 0; p < k; p++) {
                byte kind = role[row + p];
                if (kind == DEFERRED) {
                    add(sums[DEF][p], cy, ln);
                    add(sums[DEF_COUNT][p], c, ln);
                    continue;
                }
                double[] plugs = sums[PLUG][p];
                double pl = plug[row + p];
                for (int l = 0; l < ln; l++) {
                    plugs[l] += c[l] * pl;
                }
                if (kind == MATCHED) {
                    add(sums[W][p], w, ln);
                    add(sums[WY][p], wy, ln);
                    add(sums[WRES][p], wres, ln);
                }
            }
        }
    }

    private static void add(double[] acc, double[] x, int lanes) {
        for (int l = 0; l < lanes; l++) {
            acc[l] += x[l];
        }
    }
}
