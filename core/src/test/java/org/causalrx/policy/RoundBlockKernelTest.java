package org.causalrx.policy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.causalrx.result.PolicyId;
import org.junit.jupiter.api.Test;

/**
 * The round-block bootstrap engine gives the row-at-a-time engine's values bit for bit: for any rounds per block, any
 * split of rounds into ranges, two and three arms, rows or groups resampled; and data it cannot take (non-finite
 * outcomes) go to the row engine.
 */
class RoundBlockKernelTest {
    private static final int ROUNDS = 300;

    @Test
    void everyBlockWidthGivesTheRowEnginesValuesBitForBit() {
        for (int n : new int[] {1, 7, 301, 2000}) {
            HeldOut h = BootstrapKernelTest.data(n, n);
            List<PolicyDecisions> ps = BootstrapKernelTest.policies(n, n + 1);
            Bootstrap.Result row = RowBootstrap.run(h, ps, ROUNDS, 42, false, null);
            for (int lanes : new int[] {1, 3, 64, RoundBlockKernel.MAX_LANES}) {
                assertSame(row, blocks(h, ps, null, lanes, 42), "n=" + n + ", lanes=" + lanes);
            }
            assertSame(row, Bootstrap.run(h, ps, ROUNDS, 42, true), "Bootstrap.run, n=" + n);
        }
    }

    @Test
    void threeArmsAndGroupResamplingMatchTheRowEngine() {
        int n = 500;
        Random r = new Random(3);
        double[] y = new double[n];
        int[] t = new int[n];
        double[][] p = new double[n][];
        double[][] mu = new double[n][];
        int[] groups = new int[n];
        for (int i = 0; i < n; i++) {
            t[i] = r.nextInt(3);
            p[i] = new double[] {0.2 + 0.1 * r.nextDouble(), 0.3, 0.5 - 0.1 * r.nextDouble()};
            mu[i] = new double[] {r.nextGaussian(), r.nextGaussian() + 1, r.nextGaussian() - 1};
            y[i] = mu[i][t[i]] + r.nextGaussian();
            groups[i] = r.nextInt(120);
        }
        HeldOut h = new HeldOut(y, t, p, mu);
        List<PolicyDecisions> ps = new ArrayList<>();
        for (int q = 0; q < 5; q++) {
            int[] d = new int[n];
            for (int i = 0; i < n; i++) {
                d[i] = r.nextDouble() < 0.1 * q ? PolicyDecisions.DEFER : r.nextInt(3);
            }
            ps.add(new PolicyDecisions(PolicyId.of("q" + q), "", d));
        }
        assertSame(RowBootstrap.run(h, ps, ROUNDS, 8, false, null), blocks(h, ps, null, 37, 8), "three arms, rows");
        Bootstrap.Result byGroup = RowBootstrap.run(h, ps, ROUNDS, 8, false, groups);
        assertSame(byGroup, blocks(h, ps, groups, 37, 8), "three arms, groups");
        assertSame(byGroup, Bootstrap.run(h, ps, ROUNDS, 8, true, groups), "Bootstrap.run, groups");
        int[][] members = Bootstrap.members(groups, n);
        int[] counts = new int[n];
        for (int round : new int[] {0, 17, ROUNDS - 1}) {
            Bootstrap.resample(counts, 8, round, members);
            for (int q = 0; q < ps.size(); q++) {
                PolicyValue.Values v = PolicyValue.evaluate(h, ps.get(q).arms(), counts);
                assertEquals(v.dr(), byGroup.dr()[q][round], 1e-12, "round " + round + ": the resampled rows' mean");
                assertEquals(v.ipw(), byGroup.ipw()[q][round], 1e-12, "round " + round + ": IPW");
            }
        }
    }

    @Test
    void nonFiniteOutcomesGoToTheRowEngine() {
        int n = 40;
        HeldOut clean = BootstrapKernelTest.data(n, 5);
        double[] y = clean.y().clone();
        y[7] = Double.NaN;
        HeldOut h = new HeldOut(y, clean.t(), clean.pStar(), clean.mu());
        List<PolicyDecisions> ps = BootstrapKernelTest.policies(n, 6);
        assertTrue(RoundBlockKernel.applies(PolicyValue.Prepared.of(clean)));
        assertFalse(RoundBlockKernel.applies(PolicyValue.Prepared.of(h)));
        assertSame(RowBootstrap.run(h, ps, 50, 1, false, null), Bootstrap.run(h, ps, 50, 1, true), "NaN outcome");
    }

    @Test
    void blockWidthRespectsItsBounds() {
        assertEquals(RoundBlockKernel.MAX_LANES, RoundBlockKernel.lanesFor(10_000, 10_000, 2));
        assertEquals(25, RoundBlockKernel.lanesFor(10_000, 50, 2));
        assertEquals(1, RoundBlockKernel.lanesFor(100_000_000, 10_000, 1));
        assertEquals(33, RoundBlockKernel.lanesFor(1_000_000, 10_000, 1), "byte counts: 32 MiB hold 33 rounds");
        assertEquals(8, RoundBlockKernel.lanesFor(1_000_000, 10_000, 1, 4), "int counts would hold 8");
        assertEquals(RoundBlockKernel.lanesFor(200_000, 1_000, 2), Bootstrap.blockRounds(200_000, 1_000, false, 1));
    }

    @Test
    void blocksWithCountsPastTheLimitGoToTheRowEngine() {
        int n = 60;
        HeldOut h = BootstrapKernelTest.data(n, 9);
        List<PolicyDecisions> ps = BootstrapKernelTest.policies(n, 10);
        int[] groups = new int[n];
        for (int i = 0; i < n; i++) {
            groups[i] = i % 3;
        }
        for (int[] g : new int[][] {null, groups}) {
            Bootstrap.Result row = RowBootstrap.run(h, ps, ROUNDS, 4, false, g);
            for (int limit : new int[] {1, 2, 3}) {
                RoundBlockKernel kernel = new RoundBlockKernel(PolicyValue.Prepared.of(h),
                        Bootstrap.patientMajor(h, ps), ps.size(), Bootstrap.members(g, n), 16, limit);
                double[][] dr = new double[ps.size()][ROUNDS];
                double[][] ipw = new double[ps.size()][ROUNDS];
                kernel.run(4, 0, ROUNDS, dr, ipw);
                assertSame(row, new Bootstrap.Result(row.policies(), dr, ipw), "limit " + limit + ", groups "
                        + (g != null));
            }
        }
    }

    /** The kernel run directly, rounds split into two ranges (as threads would take them). */
    private static Bootstrap.Result blocks(HeldOut h, List<PolicyDecisions> ps, int[] groups, int lanes,
            long seed) {
        RoundBlockKernel kernel = new RoundBlockKernel(PolicyValue.Prepared.of(h), Bootstrap.patientMajor(h, ps),
                ps.size(), Bootstrap.members(groups, h.size()), lanes);
        double[][] dr = new double[ps.size()][ROUNDS];
        double[][] ipw = new double[ps.size()][ROUNDS];
        kernel.run(seed, 0, 101, dr, ipw);
        kernel.run(seed, 101, ROUNDS, dr, ipw);
        return new Bootstrap.Result(ps.stream().map(PolicyDecisions::id).toList(), dr, ipw);
    }

    private static void assertSame(Bootstrap.Result expected, Bootstrap.Result actual, String what) {
        for (int p = 0; p < expected.dr().length; p++) {
            assertArrayEquals(expected.dr()[p], actual.dr()[p], "DR, " + what + ", policy " + p);
            assertArrayEquals(expected.ipw()[p], actual.ipw()[p], "IPW, " + what + ", policy " + p);
        }
    }
}
