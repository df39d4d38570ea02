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
}
