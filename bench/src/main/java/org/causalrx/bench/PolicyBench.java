package org.causalrx.bench;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.causalrx.cli.OutputKind;
import org.causalrx.cli.OutputTarget;
import org.causalrx.policy.Bootstrap;
import org.causalrx.policy.BootstrapEngine;
import org.causalrx.policy.HeldOut;
import org.causalrx.policy.PolicyDecisions;
import org.causalrx.policy.RankCurve;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code bench policy}: 10,000 bootstrap rounds × 15 policies × IPW and DR on 10,000 synthetic held-out rows
 * (target < 10 s), and the rank graph (51 shares) with 10,000 rounds on the same rows (target < 20 s); serial and
 * parallel in this process. The bootstrap is also timed on the row-at-a-time engine ({@code RowBootstrap}) in the
 * same process, as rounds × policies × rows per second, with a check that both give the same bits; then on
 * 1,000,000 rows ({@link BlockSizeBench}) blocks as wide as int counts allowed against the byte counts the kernel
 * stores. The exact engine is then timed against the Poisson engine ({@code bootstrap: {engine: poisson}}) in the
 * same process, 10,000 rounds × 15 policies on 10,000 and on 100,000 rows (wall and process CPU seconds, rates and
 * their ratio, and how far the Poisson rounds' SD is from the exact ones'). The load average is recorded at the start
 * and the end. Writes a JSON results file.
 */
@Command(name = "policy", mixinStandardHelpOptions = true,
        description = "Policy-evaluation speed: bootstrap of 15 policies and the 51-point rank graph on 10,000 "
                + "synthetic rows with 10,000 rounds, serial vs parallel (targets < 10 s and < 20 s).")
final class PolicyBench implements Callable<Integer> {

    @Mixin
    BenchTarget target;

    @Option(names = "--engines-only", description = "Only the exact vs Poisson bootstrap engine timings.")
    boolean enginesOnly;

    @Override
    public Integer call() throws IOException {
        OutputTarget out = target.checked("policy", OutputKind.BENCH_JSON, List.of());
        int rows = 10_000;
        int nPolicies = 15;
        int rounds = 10_000;
        HeldOut data = SyntheticPolicies.heldOut(rows, 1);
        List<PolicyDecisions> ps = SyntheticPolicies.policies(rows, nPolicies, 2);
        double[] benefit = RankCurve.randomBenefit(rows, 3);
        Bootstrap.run(data, ps, 1_000, 3, true); // warm-up
        RankCurve.compute("warm-up", data, benefit, 500, 3, true);
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("load_average_start", SyntheticPolicies.loadAverage());
        if (enginesOnly) {
            results.putAll(engines(nPolicies, rounds));
            results.put("load_average_end", SyntheticPolicies.loadAverage());
            BenchOutput.writeJson(out, "policy", results);
            System.out.println("results written to " + out.path());
            return 0;
        }
        results.put("rows", rows);
        results.put("policies", nPolicies);
        results.put("bootstrap_rounds", rounds);
        results.put("rank_points", RankCurve.shares().length);
        results.put("cores", Runtime.getRuntime().availableProcessors());
        double bootSerial = SyntheticPolicies.timeBootstrap(data, ps, false);
        double bootParallel = SyntheticPolicies.timeBootstrap(data, ps, true);
        double rowParallel = SyntheticPolicies.timeRowBootstrap(data, ps, true);
        double bootParallel2 = SyntheticPolicies.timeBootstrap(data, ps, true);
        double units = (double) rounds * nPolicies * rows;
        double best = Math.min(bootParallel, bootParallel2);
        boolean agree = SyntheticPolicies.enginesAgree(data, ps, 300);
        results.put("bootstrap_serial_seconds", bootSerial);
        results.put("bootstrap_parallel_seconds", best);
        results.put("bootstrap_parallel_speedup", bootSerial / best);
        results.put("bootstrap_rounds_policies_rows_per_second", units / best);
        results.put("row_engine_parallel_seconds", rowParallel);
        results.put("row_engine_rounds_policies_rows_per_second", units / rowParallel);
        results.put("speedup_over_row_engine", rowParallel / best);
        results.put("engines_bit_identical", agree);
        results.put("bootstrap_target_seconds", 10);
        System.out.printf(Locale.ROOT, "bootstrap %,d rounds x %d policies x IPW+DR on %,d rows: serial %.2f s, "
                + "parallel %.2f s (speed-up %.2fx; target < 10 s)%n", rounds, nPolicies, rows, bootSerial,
                best, bootSerial / best);
        System.out.printf(Locale.ROOT, "  %.3g rounds x policies x rows per second (row-at-a-time engine in this "
                + "process: %.2f s, %.3g/s; ratio %.2fx; bit-identical: %s)%n", units / best, rowParallel,
                units / rowParallel, rowParallel / best, agree);
        double rankSerial = SyntheticPolicies.timeRank(data, benefit, rounds, false);
        double rankParallel = SyntheticPolicies.timeRank(data, benefit, rounds, true);
        results.put("rank_serial_seconds", rankSerial);
        results.put("rank_parallel_seconds", rankParallel);
        results.put("rank_parallel_speedup", rankSerial / rankParallel);
        results.put("rank_target_seconds", 20);
        System.out.printf(Locale.ROOT, "rank graph 51 points x %,d rounds on %,d rows: serial %.2f s, parallel "
                + "%.2f s (speed-up %.2fx; target < 20 s)%n", rounds, rows, rankSerial, rankParallel,
                rankSerial / rankParallel);
        results.putAll(BlockSizeBench.run());
        results.putAll(engines(nPolicies, rounds));
        results.put("load_average_end", SyntheticPolicies.loadAverage());
        System.out.printf(Locale.ROOT, "load average (1 min, as uptime shows): %.2f at the start, %.2f at the end%n",
                results.get("load_average_start"), results.get("load_average_end"));
        boolean met = Math.min(bootSerial, bootParallel) < 10 && Math.min(rankSerial, rankParallel) < 20;
        results.put("targets_met", met);
        BenchOutput.writeJson(out, "policy", results);
        System.out.println("results written to " + out.path());
        return 0;
    }

    /**
     * The exact and the Poisson engine, parallel, {@code rounds} rounds × {@code k} policies on 10,000 and 100,000
     * rows: wall and process CPU seconds, rounds × policies × rows per wall second, and the mean over policies of
     * the Poisson DR rounds' SD over the exact ones'.
     */
    static Map<String, Object> engines(int k, int rounds) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("engines_vector_api", org.causalrx.policy.PoissonBootstrap.vectorAvailable());
        for (int rows : new int[] {10_000, 100_000}) {
            HeldOut data = SyntheticPolicies.heldOut(rows, 31);
            List<PolicyDecisions> ps = SyntheticPolicies.policies(rows, k, 32);
            Bootstrap.run(data, ps, 1_000, 3, true, null, BootstrapEngine.EXACT); // warm-up, both engines
            Bootstrap.run(data, ps, 2_048, 3, true, null, BootstrapEngine.POISSON);
            double units = (double) rounds * k * rows;
            double[] exact = SyntheticPolicies.timeEngine(data, ps, rounds, BootstrapEngine.EXACT);
            double[] poisson = SyntheticPolicies.timeEngine(data, ps, rounds, BootstrapEngine.POISSON);
            String key = "engines_" + rows + "_rows_";
            out.put(key + "exact_seconds", exact[0]);
            out.put(key + "exact_cpu_seconds", exact[1]);
            out.put(key + "exact_rounds_policies_rows_per_second", units / exact[0]);
            out.put(key + "poisson_seconds", poisson[0]);
            out.put(key + "poisson_cpu_seconds", poisson[1]);
            out.put(key + "poisson_rounds_policies_rows_per_second", units / poisson[0]);
            out.put(key + "poisson_over_exact_rate", exact[0] / poisson[0]);
            out.put(key + "poisson_over_exact_sd", poisson[2] / exact[2]);
            System.out.printf(Locale.ROOT, "engines, %,d rounds x %d policies x %,d rows (parallel): exact %.2f s "
                    + "(%.2f CPU s), %.3g/s; poisson %.2f s (%.2f CPU s), %.3g/s; ratio %.2fx; Poisson SD / exact SD "
                    + "%.3f%n", rounds, k, rows, exact[0], exact[1], units / exact[0], poisson[0], poisson[1],
                    units / poisson[0], exact[0] / poisson[0], poisson[2] / exact[2]);
        }
        return out;
    }
}
