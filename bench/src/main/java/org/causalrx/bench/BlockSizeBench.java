package org.causalrx.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.causalrx.policy.Bootstrap;
import org.causalrx.policy.HeldOut;
import org.causalrx.policy.PolicyDecisions;
import org.causalrx.policy.RowBootstrap;

/**
 * The bootstrap on a large held-out set (1,000,000 synthetic rows × 15 policies, 64 rounds, one thread), where the
 * round-block kernel's blocks are narrowed to keep a block's count table within 32 MiB: blocks as wide as int counts
 * allowed (4 bytes per count) against the byte counts the kernel stores, and the row-at-a-time engine on 16 rounds.
 * Timed by the thread's CPU time (rounds × policies × rows per CPU second), which the machine's load disturbs less
 * than wall time.
 */
final class BlockSizeBench {
    static final int ROWS = 1_000_000;
    static final int POLICIES = 15;
    static final int ROUNDS = 64;
    static final int ROW_ENGINE_ROUNDS = 16;

    private BlockSizeBench() {
    }

    /** Runs the three timings, prints one line each and returns the figures under snake_case keys. */
    static Map<String, Object> run() {
        HeldOut data = SyntheticPolicies.heldOut(ROWS, 21);
        List<PolicyDecisions> ps = SyntheticPolicies.policies(ROWS, POLICIES, 22);
        int intLanes = Bootstrap.blockRounds(ROWS, ROUNDS, false, 4);
        int byteLanes = Bootstrap.blockRounds(ROWS, ROUNDS, false, 1);
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        long t0 = cpu.getCurrentThreadCpuTime();
        Bootstrap.Result narrow = Bootstrap.run(data, ps, ROUNDS, 5, false, null, intLanes);
        long t1 = cpu.getCurrentThreadCpuTime();
        Bootstrap.Result wide = Bootstrap.run(data, ps, ROUNDS, 5, false, null, byteLanes);
        long t2 = cpu.getCurrentThreadCpuTime();
        Bootstrap.Result row = RowBootstrap.run(data, ps, ROW_ENGINE_ROUNDS, 5, false, null);
        long t3 = cpu.getCurrentThreadCpuTime();
        boolean same = Arrays.deepEquals(narrow.dr(), wide.dr()) && Arrays.deepEquals(narrow.ipw(), wide.ipw());
        for (int p = 0; p < POLICIES; p++) {
            same &= Arrays.equals(row.dr()[p], Arrays.copyOf(wide.dr()[p], ROW_ENGINE_ROUNDS))
                    && Arrays.equals(row.ipw()[p], Arrays.copyOf(wide.ipw()[p], ROW_ENGINE_ROUNDS));
        }
        double units = (double) ROUNDS * POLICIES * ROWS;
        double narrowRate = units / ((t1 - t0) / 1e9);
        double wideRate = units / ((t2 - t1) / 1e9);
        double rowRate = (double) ROW_ENGINE_ROUNDS * POLICIES * ROWS / ((t3 - t2) / 1e9);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("large_rows", ROWS);
        out.put("large_policies", POLICIES);
        out.put("large_rounds", ROUNDS);
        out.put("large_int_count_block_rounds", intLanes);
        out.put("large_int_count_blocks_rounds_policies_rows_per_cpu_second", narrowRate);
        out.put("large_byte_count_block_rounds", byteLanes);
        out.put("large_byte_count_blocks_rounds_policies_rows_per_cpu_second", wideRate);
        out.put("large_row_engine_rounds_policies_rows_per_cpu_second", rowRate);
        out.put("large_byte_over_int_blocks", wideRate / narrowRate);
        out.put("large_engines_bit_identical", same);
        System.out.printf(Locale.ROOT, "bootstrap on %,d rows x %d policies, %d rounds, one thread (CPU time): "
                + "blocks of %d rounds (int counts) %.3g/s, blocks of %d rounds (byte counts) %.3g/s, ratio "
                + "%.2fx; row engine (%d rounds) %.3g/s; bit-identical: %s%n", ROWS, POLICIES, ROUNDS, intLanes,
                narrowRate, byteLanes, wideRate, wideRate / narrowRate, ROW_ENGINE_ROUNDS, rowRate, same);
        return out;
    }
}
