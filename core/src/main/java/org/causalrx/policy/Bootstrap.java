package org.causalrx.policy;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;

import org.causalrx.result.PolicyId;
import org.causalrx.util.Seeds;

/**
 * Bootstrap of held-out policy values for decisions in {DEFER, 0..K−1}: each round resamples the test patients
 * with replacement and evaluates every policy on the same resample (so rounds can be compared across policies, e.g.
 * for win matrices). Round r uses seed {@code Seeds.derive(seed, r)}, so results do not depend on thread count.
 * The rounds are computed in blocks by {@link RoundBlockKernel}, whose values are bit-identical to the row-at-a-time
 * {@link RowBootstrap}.
 */
public final class Bootstrap {
    private Bootstrap() {
    }

    /**
     * @param dr  per policy (in input order), per round: DR value
     * @param ipw per policy, per round: IPW value (NaN where undefined)
     * @param engine the engine that drew the rounds: {@link BootstrapEngine#EXACT} or {@link BootstrapEngine#POISSON}
     */
    public record Result(List<PolicyId> policies, double[][] dr, double[][] ipw, BootstrapEngine engine) {
        /** Rounds of the exact engine. */
        public Result(List<PolicyId> policies, double[][] dr, double[][] ipw) {
            this(policies, dr, ipw, BootstrapEngine.EXACT);
        }
    }

    /**
     * As {@link #run(HeldOut, List, int, long, boolean, int[])} on the engine that {@code engine} resolves to for
     * the held-out size ({@link BootstrapEngine#resolve}): the exact engine, or Poisson weights per row or group
     * ({@link PoissonBootstrap}). The Poisson engine needs finite outcomes, plug-ins and residuals (as the exact
     * engine's block kernel does); otherwise the exact engine runs, and the result says which one did.
     */
    public static Result run(HeldOut data, List<PolicyDecisions> policies, int rounds, long seed, boolean parallel,
                             int[] groups, BootstrapEngine engine) {
        if (engine.resolve(data.size()) == BootstrapEngine.POISSON
                && RoundBlockKernel.applies(PolicyValue.Prepared.of(data))) {
            return PoissonBootstrap.run(data, policies, rounds, seed, parallel, groups);
        }
        return run(data, policies, rounds, seed, parallel, groups);
    }

    /**
     * @param parallel spread rounds over the common fork-join pool (results are identical either way)
     */
    public static Result run(HeldOut data, List<PolicyDecisions> policies, int rounds, long seed, boolean parallel) {
        return run(data, policies, rounds, seed, parallel, null);
    }

    /**
     * As above, resampling whole groups (a patient's stays) when {@code groups} is given: each round draws as many
     * groups as there are, with replacement, and every row of a drawn group counts once per draw.
     *
     * @param groups group id per held-out row (any ints), or null to resample rows
     */
    public static Result run(HeldOut data, List<PolicyDecisions> policies, int rounds, long seed, boolean parallel,
                             int[] groups) {
        return run(data, policies, rounds, seed, parallel, groups, blockRounds(data.size(), rounds, parallel,
                RoundBlockKernel.COUNT_WIDTH));
    }

    /**
     * As above with {@code lanes} rounds per block of the round-block kernel (any value ≥ 1 gives the same values;
     * the speed benchmark sets it to compare block sizes).
     */
    public static Result run(HeldOut data, List<PolicyDecisions> policies, int rounds, long seed, boolean parallel,
                             int[] groups, int lanes) {
        int[][] members = members(groups, data.size());
        if (rounds < 1) {
            throw new IllegalArgumentException("bootstrap rounds must be >= 1, got " + rounds);
        }
        int k = policies.size();
        byte[] decisions = patientMajor(data, policies);
        PolicyValue.Prepared prep = PolicyValue.Prepared.of(data);
        if (!RoundBlockKernel.applies(prep)) {
            return RowBootstrap.run(data, policies, rounds, seed, parallel, groups);
        }
        RoundBlockKernel kernel = new RoundBlockKernel(prep, decisions, k, members, lanes);
        double[][] dr = new double[k][rounds];
        double[][] ipw = new double[k][rounds];
        int chunk = kernel.lanes();
        int chunks = (rounds + chunk - 1) / chunk;
        IntStream range = IntStream.range(0, chunks);
        (parallel ? range.parallel() : range).forEach(c -> kernel.run(seed, c * chunk, Math.min(rounds,
                (c + 1) * chunk), dr, ipw));
        return new Result(policies.stream().map(PolicyDecisions::id).toList(), dr, ipw);
    }

    /**
     * Rounds per block that {@link #run} uses for {@code rounds} rounds on {@code n} rows: at most 256, no more than
     * each thread's share, and a count table of at most 32 MiB per block when each count takes {@code countBytes}
     * bytes (the kernel stores 1; 4 gives the block size of int counts, for comparison).
     */
    public static int blockRounds(int n, int rounds, boolean parallel, int countBytes) {
        int threads = parallel ? Math.max(1, ForkJoinPool.getCommonPoolParallelism()) : 1;
        return RoundBlockKernel.lanesFor(n, rounds, threads, countBytes);
    }

    /**
     * The valued decisions of all policies, patient-major ({@code [i * k + p]}, all policies of one patient side by
     * side), checked to be DEFER or an arm.
     */
    static byte[] patientMajor(HeldOut data, List<PolicyDecisions> policies) {
        int n = data.size();
        int k = policies.size();
        int arms = data.arms();
        if (arms > Byte.MAX_VALUE) {
            throw new IllegalArgumentException("the bootstrap kernel handles at most " + Byte.MAX_VALUE + " arms, got "
                    + arms);
        }
        byte[] decisions = new byte[n * k];
        for (int p = 0; p < k; p++) {
            int[] valued = policies.get(p).valuedArms();
            PolicyValue.checkDecisions(valued, n, arms);
            for (int i = 0; i < n; i++) {
                decisions[i * k + p] = (byte) valued[i];
            }
        }
        return decisions;
    }

    /**
     * Bootstrap round {@code r}: fills {@code counts} with how often each of the n patients is drawn when n are
     * drawn with replacement, from the round's own seed {@code Seeds.derive(seed, r)}.
     */
    static void resample(int[] counts, long seed, int r) {
        int n = counts.length;
        Arrays.fill(counts, 0);
        SplittableRandom rng = new SplittableRandom(Seeds.derive(seed, r));
        for (int i = 0; i < n; i++) {
            counts[rng.nextInt(n)]++;
        }
    }

    /** Rows of each group in order of first appearance, or null when {@code groups} is null. */
    static int[][] members(int[] groups, int n) {
        if (groups == null) {
            return null;
        }
        if (groups.length != n) {
            throw new IllegalArgumentException("groups has " + groups.length + " entries for " + n + " rows");
        }
        java.util.Map<Integer, java.util.List<Integer>> rows = new java.util.LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            rows.computeIfAbsent(groups[i], g -> new java.util.ArrayList<>()).add(i);
        }
        return rows.values().stream().map(l -> l.stream().mapToInt(Integer::intValue).toArray())
                .toArray(int[][]::new);
    }

    /**
     * Round {@code r} over groups: as many groups as there are are drawn with replacement from the round's seed;
     * each row's count is how often its group was drawn. {@code members == null} is {@link #resample(int[], long,
     * int)}.
     */
    static void resample(int[] counts, long seed, int r, int[][] members) {
        if (members == null) {
            resample(counts, seed, r);
            return;
        }
        Arrays.fill(counts, 0);
        SplittableRandom rng = new SplittableRandom(Seeds.derive(seed, r));
        for (int d = 0; d < members.length; d++) {
            for (int i : members[rng.nextInt(members.length)]) {
                counts[i]++;
            }
        }
    }
}
