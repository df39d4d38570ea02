package org.causalrx.policy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;

import org.causalrx.result.PolicyId;
import org.causalrx.util.Seeds;
import org.causalrx.util.Stats;
import org.junit.jupiter.api.Test;

/**
 * The fast bootstrap kernels ({@link Bootstrap#run}, {@link RankCurve#compute}) give bit-identical values to the
 * straightforward definition: per round, resample, then {@link PolicyValue#evaluate} each policy on its own.
 */
class BootstrapKernelTest {
    static HeldOut data(int n, long seed) {
        Random r = new Random(seed);
        double[] y = new double[n];
        int[] t = new int[n];
        double[] p = new double[n];
        double[] m0 = new double[n];
        double[] m1 = new double[n];
        for (int i = 0; i < n; i++) {
            p[i] = r.nextDouble() * 1.02 - 0.01; // some clipped
            t[i] = r.nextDouble() < p[i] ? 1 : 0;
            m0[i] = r.nextGaussian() * 3;
            m1[i] = m0[i] + r.nextGaussian();
            y[i] = (t[i] == 1 ? m1[i] : m0[i]) + r.nextGaussian() * 2;
        }
        return new HeldOut(y, t, p, m0, m1);
    }

    static List<PolicyDecisions> policies(int n, long seed) {
        Random r = new Random(seed);
        List<PolicyDecisions> out = new ArrayList<>();
        int[] all1 = new int[n];
        Arrays.fill(all1, 1);
        int[] allDefer = new int[n];
        Arrays.fill(allDefer, PolicyDecisions.DEFER);
        out.add(new PolicyDecisions(PolicyId.of("all1"), "", all1));
        out.add(new PolicyDecisions(PolicyId.of("none"), "", new int[n]));
        out.add(new PolicyDecisions(PolicyId.of("defer"), "", allDefer));
        for (int p = 0; p < 6; p++) {
            int[] d = new int[n];
            double deferShare = 0.1 * p;
            for (int i = 0; i < n; i++) {
                double u = r.nextDouble();
                d[i] = u < deferShare ? PolicyDecisions.DEFER : (r.nextBoolean() ? 1 : 0);
            }
            out.add(new PolicyDecisions(PolicyId.of("p" + p), "", d));
        }
        return out;
    }

    static int[] counts(int n, long seed, int r) {
        int[] counts = new int[n];
        SplittableRandom rng = new SplittableRandom(Seeds.derive(seed, r));
        for (int i = 0; i < n; i++) {
            counts[rng.nextInt(n)]++;
        }
        return counts;
    }

    @Test
    void bootstrapMatchesPolicyByPolicyEvaluationBitForBit() {
        for (int n : new int[] {1, 7, 301}) {
            HeldOut h = data(n, n);
            List<PolicyDecisions> ps = policies(n, n + 1);
            int rounds = 600;
            Bootstrap.Result fast = Bootstrap.run(h, ps, rounds, 42, true);
            Bootstrap.Result serial = Bootstrap.run(h, ps, rounds, 42, false);
            for (int p = 0; p < ps.size(); p++) {
                double[] dr = new double[rounds];
                double[] ipw = new double[rounds];
                for (int r = 0; r < rounds; r++) {
                    PolicyValue.Values v = PolicyValue.evaluate(h, ps.get(p).arms(), counts(n, 42, r));
                    dr[r] = v.dr();
                    ipw[r] = v.ipw();
                }
                assertArrayEquals(dr, fast.dr()[p], "DR, n=" + n + ", policy " + p);
                assertArrayEquals(ipw, fast.ipw()[p], "IPW, n=" + n + ", policy " + p);
                assertArrayEquals(dr, serial.dr()[p], "DR serial, n=" + n + ", policy " + p);
                assertArrayEquals(ipw, serial.ipw()[p], "IPW serial, n=" + n + ", policy " + p);
            }
        }
    }

    @Test
    void rankCurveMatchesShareByShareEvaluationBitForBit() {
        for (int n : new int[] {1, 9, 257}) {
            HeldOut h = data(n, n + 5);
            Random r = new Random(n);
            double[] benefit = new double[n];
            for (int i = 0; i < n; i++) {
                benefit[i] = Math.floor(r.nextGaussian() * 3); // ties
            }
            int rounds = 300;
            RankCurve.Curve fast = RankCurve.compute("x", h, benefit, rounds, 9, true);
            Integer[] order = new Integer[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> benefit[a] != benefit[b] ? Double.compare(benefit[b], benefit[a])
                    : Integer.compare(a, b));
            double[] q = RankCurve.shares();
            double[] lo = new double[q.length];
            double[] hi = new double[q.length];
            for (int k = 0; k < q.length; k++) {
                int top = (int) Math.round(q[k] * n);
                int[] d = new int[n];
                for (int j = 0; j < n; j++) {
                    d[order[j]] = j < top ? 1 : 0;
                }
                double[] boot = new double[rounds];
                for (int b = 0; b < rounds; b++) {
                    boot[b] = PolicyValue.evaluate(h, d, counts(n, 9, b)).dr();
                }
                lo[k] = Stats.quantile(boot, 0.025);
                hi[k] = Stats.quantile(boot, 0.975);
            }
            assertArrayEquals(lo, fast.low(), "low band, n=" + n);
            assertArrayEquals(hi, fast.high(), "high band, n=" + n);
            assertArrayEquals(fast.high(), RankCurve.compute("x", h, benefit, rounds, 9, false).high());
        }
    }

    @Test
    void bucketedRankCurveAgreesWithTheRunningSumsToRounding() {
        int n = 3001;
        HeldOut h = data(n, 17);
        Random r = new Random(3);
        double[] benefit = new double[n];
        for (int i = 0; i < n; i++) {
            benefit[i] = Math.floor(r.nextGaussian() * 4); // ties
        }
        int rounds = 200;
        RankCurve.Curve exact = RankCurve.compute("x", h, 1, benefit, rounds, 11, false, false);
        RankCurve.Curve buckets = RankCurve.compute("x", h, 1, benefit, rounds, 11, true, true);
        assertArrayEquals(exact.value(), buckets.value(), "point values do not use the bootstrap");
        for (int k = 0; k < exact.low().length; k++) {
            double scale = 1e-9 * Math.max(1, Math.abs(exact.low()[k]));
            org.junit.jupiter.api.Assertions.assertEquals(exact.low()[k], buckets.low()[k], scale, "low " + k);
            org.junit.jupiter.api.Assertions.assertEquals(exact.high()[k], buckets.high()[k], scale, "high " + k);
        }
        // below the gate the public entry point keeps the running sums, bit for bit
        RankCurve.Curve gated = RankCurve.compute("x", h, 1, benefit, rounds, 11, true);
        assertArrayEquals(exact.low(), gated.low());
        assertArrayEquals(exact.high(), gated.high());
    }

    @Test
    void rankCurvesOnSharedResamplesEqualTheCurvesOneByOne() {
        int n = 701;
        HeldOut h = data(n, 23);
        double[] a = RankCurve.randomBenefit(n, 1);
        double[] b = RankCurve.randomBenefit(n, 2);
        for (boolean buckets : new boolean[] {false, true}) {
            List<RankCurve.Curve> all = RankCurve.computeAll(List.of("a", "b"), h, 1, List.of(a, b), 120, 5, true,
                    buckets);
            RankCurve.Curve one = RankCurve.compute("b", h, 1, b, 120, 5, false, buckets);
            org.junit.jupiter.api.Assertions.assertEquals("b", all.get(1).name());
            assertArrayEquals(one.value(), all.get(1).value());
            assertArrayEquals(one.low(), all.get(1).low());
            assertArrayEquals(one.high(), all.get(1).high());
            assertArrayEquals(RankCurve.compute("a", h, 1, a, 120, 5, false, buckets).high(), all.get(0).high());
        }
    }
    @Test
    void bucketedRankCurvesOfAnotherArmAgreeWithTheRunningSums() {
        // three arms, the curves of arm 2: patients treated with arm 1 add no weighted terms on either side of
        // their cut; several curves on the same resamples, bucketed and running sums alike
        HeldOut h = MultiArmValueTest.data(2_001, 3, 19);
        double[] a = RankCurve.randomBenefit(2_001, 4);
        double[] b = RankCurve.randomBenefit(2_001, 5);
        List<RankCurve.Curve> exact = RankCurve.computeAll(List.of("a", "b"), h, 2, List.of(a, b), 150, 13, false,
                false);
        List<RankCurve.Curve> buckets = RankCurve.computeAll(List.of("a", "b"), h, 2, List.of(a, b), 150, 13, true,
                true);
        for (int c = 0; c < 2; c++) {
            assertArrayEquals(exact.get(c).value(), buckets.get(c).value());
            for (int k = 0; k < exact.get(c).low().length; k++) {
                double scale = 1e-9 * Math.max(1, Math.abs(exact.get(c).low()[k]));
                org.junit.jupiter.api.Assertions.assertEquals(exact.get(c).low()[k], buckets.get(c).low()[k], scale,
                        "curve " + c + ", low " + k);
                org.junit.jupiter.api.Assertions.assertEquals(exact.get(c).high()[k], buckets.get(c).high()[k],
                        scale, "curve " + c + ", high " + k);
            }
        }
    }
}
