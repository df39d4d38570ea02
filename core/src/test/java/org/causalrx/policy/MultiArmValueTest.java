package org.causalrx.policy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.causalrx.util.Stats;
import org.causalrx.result.PolicyId;
import org.junit.jupiter.api.Test;

/**
 * K-arm value estimators: with two arms they give bit-identical values to the two-arm formulas (copied here as the
 * reference), and with three arms the fast bootstrap kernels equal the straightforward evaluation bit for bit.
 */
class MultiArmValueTest {

    /** The two-arm estimator as it was written for arms {0, 1}: the reference the K-arm code must reproduce. */
    static PolicyValue.Values twoArmFormula(double[] y, int[] t, double[] p1Raw, double[] mu0, double[] mu1,
            int[] decisions, int[] counts) {
        double nTot = 0;
        double sumDeferred = 0;
        double nRec = 0;
        double sumW = 0;
        double sumWy = 0;
        double sumWres = 0;
        double sumPlug = 0;
        for (int i = 0; i < y.length; i++) {
            int c = counts == null ? 1 : counts[i];
            if (c == 0) {
                continue;
            }
            nTot += c;
            int d = decisions[i];
            if (d == PolicyDecisions.DEFER) {
                sumDeferred += c * y[i];
                continue;
            }
            nRec += c;
            double plug = d == 1 ? mu1[i] : mu0[i];
            sumPlug += c * plug;
            if (t[i] == d) {
                double p = Math.min(Math.max(p1Raw[i], HeldOut.CLIP), 1 - HeldOut.CLIP);
                double w = c / (t[i] == 1 ? p : 1 - p);
                sumW += w;
                sumWy += w * y[i];
                sumWres += w * (y[i] - plug);
            }
        }
        return PolicyValue.finish(nTot, sumDeferred, nRec, sumW, sumWy, sumWres, sumPlug);
    }

    /** Random K-arm held-out data with some propensities outside the clip range. */
    static HeldOut data(int n, int k, long seed) {
        Random r = new Random(seed);
        double[] y = new double[n];
        int[] t = new int[n];
        double[][] p = new double[n][k];
        double[][] mu = new double[n][k];
        for (int i = 0; i < n; i++) {
            double[] w = new double[k];
            double s = 0;
            for (int a = 0; a < k; a++) {
                w[a] = Math.exp(2 * r.nextGaussian());
                s += w[a];
            }
            double u = r.nextDouble() * s;
            t[i] = k - 1;
            for (int a = 0; a < k; a++) {
                p[i][a] = w[a] / s;
                mu[i][a] = r.nextGaussian() * 3;
                u -= w[a];
                if (u < 0 && t[i] == k - 1) {
                    t[i] = a;
                }
            }
            y[i] = mu[i][t[i]] + r.nextGaussian();
        }
        return new HeldOut(y, t, p, mu);
    }

    static int[] decisions(int n, int k, double deferShare, Random r) {
        int[] d = new int[n];
        for (int i = 0; i < n; i++) {
            d[i] = r.nextDouble() < deferShare ? PolicyDecisions.DEFER : r.nextInt(k);
        }
        return d;
    }

    @Test
    void twoArmValuesAreBitIdenticalToTheTwoArmFormula() {
        Random r = new Random(5);
        for (int n : new int[] {1, 13, 400}) {
            double[] y = new double[n];
            int[] t = new int[n];
            double[] p1 = new double[n];
            double[] mu0 = new double[n];
            double[] mu1 = new double[n];
            for (int i = 0; i < n; i++) {
                p1[i] = r.nextDouble() * 1.1 - 0.05;
                t[i] = r.nextDouble() < p1[i] ? 1 : 0;
                mu0[i] = r.nextGaussian() * 2;
                mu1[i] = mu0[i] + r.nextGaussian();
                y[i] = (t[i] == 1 ? mu1[i] : mu0[i]) + r.nextGaussian();
            }
            HeldOut binary = new HeldOut(y, t, p1, mu0, mu1);
            double[][] pStar = new double[n][];
            double[][] mu = new double[n][];
            for (int i = 0; i < n; i++) {
                double p = Math.min(Math.max(p1[i], HeldOut.CLIP), 1 - HeldOut.CLIP);
                pStar[i] = new double[] {1 - p, p};
                mu[i] = new double[] {mu0[i], mu1[i]};
            }
            HeldOut matrix = new HeldOut(y, t, pStar, mu);
            for (int trial = 0; trial < 20; trial++) {
                int[] d = decisions(n, 2, 0.1 * (trial % 5), r);
                int[] counts = trial % 2 == 0 ? null : resample(n, r);
                PolicyValue.Values old = twoArmFormula(y, t, p1, mu0, mu1, d, counts);
                assertEquals(old, PolicyValue.evaluate(binary, d, counts));
                assertEquals(old, PolicyValue.evaluate(matrix, d, counts));
            }
            assertArrayEquals(mu1, binary.mu1());
            assertArrayEquals(mu0, binary.mu(0));
        }
    }

    private static int[] resample(int n, Random r) {
        int[] c = new int[n];
        for (int i = 0; i < n; i++) {
            c[r.nextInt(n)]++;
        }
        return c;
    }

    @Test
    void twoArmAipwScoresAreBitIdenticalToTheTwoArmFormula() {
        Random r = new Random(8);
        int n = 300;
        double clip = 0.02;
        double[] y = new double[n];
        int[] t = new int[n];
        double[] e1 = new double[n];
        double[] mu0 = new double[n];
        double[] mu1 = new double[n];
        double[][] e = new double[n][];
        double[][] mu = new double[n][];
        for (int i = 0; i < n; i++) {
            e1[i] = r.nextDouble();
            t[i] = r.nextDouble() < e1[i] ? 1 : 0;
            mu0[i] = r.nextGaussian();
            mu1[i] = r.nextGaussian();
            y[i] = r.nextGaussian();
            e[i] = new double[] {1 - e1[i], e1[i]};
            mu[i] = new double[] {mu0[i], mu1[i]};
        }
        AipwScores s = AipwScores.of(y, t, e1, mu0, mu1, clip);
        int[] d = decisions(n, 2, 0.2, r);
        double[] old = new double[n];
        for (int i = 0; i < n; i++) {
            double ei = Math.min(Math.max(e1[i], clip), 1 - clip);
            double g0 = mu0[i] + (t[i] == 0 ? (y[i] - mu0[i]) / (1 - ei) : 0);
            double g1 = mu1[i] + (t[i] == 1 ? (y[i] - mu1[i]) / ei : 0);
            old[i] = d[i] == PolicyDecisions.DEFER ? y[i] : d[i] == 1 ? g1 : g0;
        }
        assertArrayEquals(old, s.scores(d));
        // the K-arm factory with e_0 = 1 − e_1 agrees up to rounding of the clipped complement
        double[] multi = AipwScores.multiArm(y, t, e, mu, clip).scores(d);
        for (int i = 0; i < n; i++) {
            assertEquals(old[i], multi[i], 1e-9 * (1 + Math.abs(old[i])));
        }
    }

    @Test
    void threeArmBootstrapMatchesPolicyByPolicyEvaluationBitForBit() {
        int k = 3;
        for (int n : new int[] {1, 9, 257}) {
            HeldOut h = data(n, k, n);
            Random r = new Random(n + 3);
            List<PolicyDecisions> ps = new ArrayList<>();
            for (int a = 0; a < k; a++) {
                int[] all = new int[n];
                Arrays.fill(all, a);
                ps.add(new PolicyDecisions(PolicyId.of("all" + a), "", all));
            }
            for (int p = 0; p < 5; p++) {
                ps.add(new PolicyDecisions(PolicyId.of("p" + p), "", decisions(n, k, 0.1 * p, r)));
            }
            ps.add(Policies.doctors(h.t()));
            int rounds = 400;
            Bootstrap.Result fast = Bootstrap.run(h, ps, rounds, 17, true);
            for (int p = 0; p < ps.size(); p++) {
                for (int b = 0; b < rounds; b++) {
                    PolicyValue.Values v = PolicyValue.evaluate(h, ps.get(p).valuedArms(),
                            BootstrapKernelTest.counts(n, 17, b));
                    assertEquals(v.dr(), fast.dr()[p][b], "DR, n=" + n + ", policy " + p + ", round " + b);
                    assertEquals(v.ipw(), fast.ipw()[p][b], "IPW, n=" + n + ", policy " + p + ", round " + b);
                }
            }
        }
    }

    @Test
    void rankCurveOfANonReferenceArmMatchesShareByShareEvaluation() {
        int n = 157;
        HeldOut h = data(n, 3, 21);
        Random r = new Random(4);
        double[] benefit = new double[n];
        for (int i = 0; i < n; i++) {
            benefit[i] = Math.floor(r.nextGaussian() * 3);
        }
        int rounds = 200;
        RankCurve.Curve c = RankCurve.compute("arm2", h, 2, benefit, rounds, 3, true);
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> benefit[a] != benefit[b] ? Double.compare(benefit[b], benefit[a])
                : Integer.compare(a, b));
        double[] q = RankCurve.shares();
        for (int s = 0; s < q.length; s++) {
            int top = (int) Math.round(q[s] * n);
            int[] d = new int[n];
            for (int j = 0; j < n; j++) {
                d[order[j]] = j < top ? 2 : 0;
            }
            assertEquals(PolicyValue.evaluate(h, d, null).dr(), c.value()[s]);
            double[] boot = new double[rounds];
            for (int b = 0; b < rounds; b++) {
                boot[b] = PolicyValue.evaluate(h, d, BootstrapKernelTest.counts(n, 3, b)).dr();
            }
            assertEquals(Stats.quantile(boot, 0.025), c.low()[s], "share " + q[s]);
            assertEquals(Stats.quantile(boot, 0.975), c.high()[s], "share " + q[s]);
        }
        assertThrows(IllegalArgumentException.class, () -> RankCurve.compute("x", h, 3, benefit, 10, 1, false));
    }

    @Test
    void decisionsAreCheckedAgainstTheNumberOfArmsAndSharesAddUp() {
        HeldOut h = data(6, 3, 2);
        int[] bad = {0, 1, 2, 3, 0, 0};
        assertThrows(IllegalArgumentException.class, () -> PolicyValue.evaluate(h, bad, null));
        assertThrows(IllegalArgumentException.class,
                () -> Bootstrap.run(h, List.of(new PolicyDecisions(PolicyId.of("bad"), "", bad)), 5, 1, false));
        assertThrows(IllegalArgumentException.class, () -> new PolicyDecisions(PolicyId.of("x"), "", new int[] {-2}));
        PolicyDecisions p = new PolicyDecisions(PolicyId.of("p"), "", new int[] {0, 2, 2, 1, PolicyDecisions.DEFER, 2});
        assertArrayEquals(new double[] {1 / 6.0, 1 / 6.0, 3 / 6.0}, p.armShares(3));
        assertEquals(4 / 6.0, p.treatedShare(), 1e-15);
        assertEquals(3 / 6.0, p.armShare(2), 1e-15);
        PolicyDecisions two = new PolicyDecisions(PolicyId.of("q"), "", new int[] {0, 1, 1, PolicyDecisions.DEFER});
        assertEquals(two.armShare(1), two.treatedShare());
    }
}
