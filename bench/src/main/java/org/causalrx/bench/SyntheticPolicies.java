package org.causalrx.bench;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.causalrx.policy.Bootstrap;
import org.causalrx.policy.BootstrapEngine;
import org.causalrx.policy.HeldOut;
import org.causalrx.policy.PolicyDecisions;
import org.causalrx.policy.RowBootstrap;
import org.causalrx.result.PolicyId;
import org.causalrx.policy.RankCurve;

/**
 * Synthetic held-out rows and policies for the speed benchmarks, and the timed bootstrap and rank-graph calls
 * (wall seconds).
 */
final class SyntheticPolicies {
    private SyntheticPolicies() {
    }

    /** {@code n} rows: propensity in [0.2, 0.8], outcome N(0, 1) plus 0.5 when treated plus N(0, 1) noise. */
    static HeldOut heldOut(int n, long seed) {
        Random r = new Random(seed);
        double[] y = new double[n];
        int[] t = new int[n];
        double[] p = new double[n];
        double[] m0 = new double[n];
        double[] m1 = new double[n];
        for (int i = 0; i < n; i++) {
            p[i] = 0.2 + 0.6 * r.nextDouble();
            t[i] = r.nextDouble() < p[i] ? 1 : 0;
            m0[i] = r.nextGaussian();
            m1[i] = m0[i] + 0.5;
            y[i] = (t[i] == 1 ? m1[i] : m0[i]) + r.nextGaussian();
        }
        return new HeldOut(y, t, p, m0, m1);
    }

    /** {@code k} policies over {@code n} rows: 5 % deferred, the rest arm 1 or 0 with equal chance. */
    static List<PolicyDecisions> policies(int n, int k, long seed) {
        Random r = new Random(seed);
        List<PolicyDecisions> out = new ArrayList<>();
        for (int p = 0; p < k; p++) {
            int[] d = new int[n];
            for (int i = 0; i < n; i++) {
                double u = r.nextDouble();
                d[i] = u < 0.05 ? PolicyDecisions.DEFER : (u < 0.5 ? 1 : 0);
            }
            out.add(new PolicyDecisions(PolicyId.of("p" + p), "synthetic", d));
        }
        return out;
    }

    /** Seconds for 10,000 bootstrap rounds of {@code ps} on {@code data}. */
    static double timeBootstrap(HeldOut data, List<PolicyDecisions> ps, boolean parallel) {
        long t0 = System.nanoTime();
        Bootstrap.run(data, ps, 10_000, 7, parallel);
        return (System.nanoTime() - t0) / 1e9;
    }

    /** Seconds for the same 10,000 rounds on the row-at-a-time engine ({@link RowBootstrap}, the baseline). */
    static double timeRowBootstrap(HeldOut data, List<PolicyDecisions> ps, boolean parallel) {
        long t0 = System.nanoTime();
        RowBootstrap.run(data, ps, 10_000, 7, parallel, null);
        return (System.nanoTime() - t0) / 1e9;
    }

    /**
     * Wall and process CPU seconds for {@code rounds} parallel rounds of {@code ps} on {@code engine}, and (third)
     * the DR rounds' SD averaged over policies, for comparing engines.
     */
    static double[] timeEngine(HeldOut data, List<PolicyDecisions> ps, int rounds, BootstrapEngine engine) {
        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
                ManagementFactory.getOperatingSystemMXBean();
        long c0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        Bootstrap.Result r = Bootstrap.run(data, ps, rounds, 7, true, null, engine);
        double wall = (System.nanoTime() - t0) / 1e9;
        double cpu = (os.getProcessCpuTime() - c0) / 1e9;
        if (r.engine() != engine) {
            throw new IllegalStateException("asked for " + engine + ", ran " + r.engine());
        }
        double sd = 0;
        for (double[] v : r.dr()) {
            double m = Arrays.stream(v).average().orElseThrow();
            sd += Math.sqrt(Arrays.stream(v).map(d -> (d - m) * (d - m)).sum() / (v.length - 1)) / ps.size();
        }
        return new double[] {wall, cpu, sd};
    }

    /** Whether both engines give the same bits for every policy and round ({@code rounds} rounds, seed 5). */
    static boolean enginesAgree(HeldOut data, List<PolicyDecisions> ps, int rounds) {
        Bootstrap.Result a = Bootstrap.run(data, ps, rounds, 5, true);
        Bootstrap.Result b = RowBootstrap.run(data, ps, rounds, 5, true, null);
        return Arrays.deepEquals(a.dr(), b.dr()) && Arrays.deepEquals(a.ipw(), b.ipw());
    }

    /** The system load average over the last minute (as {@code uptime} shows it), or −1 where unavailable. */
    static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    /** Seconds for the rank graph with {@code rounds} bootstrap rounds. */
    static double timeRank(HeldOut data, double[] benefit, int rounds, boolean parallel) {
        long t0 = System.nanoTime();
        RankCurve.compute("bench", data, benefit, rounds, 11, parallel);
        return (System.nanoTime() - t0) / 1e9;
    }
}
