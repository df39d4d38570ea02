package org.causalrx.policy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;

import org.causalrx.result.PolicyId;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The Poisson bootstrap engine: deterministic for any thread count and either micro-kernel, Poisson(1) weights,
 * group weights shared by a group's rows, and intervals that cover a known policy value at about the nominal rate
 * with the exact engine's spread.
 */
class PoissonBootstrapTest {
    /**
     * x ~ U(0, 1), p*(1 | x) = 0.3 + 0.4 x, μ0(x) = x, μ1(x) = 0.5, y = μ_t(x) + N(0, 1); the plug-ins are the true
     * μ (so both estimators are consistent).
     */
    private static HeldOut simulate(int n, long seed, double[] xOut) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] y = new double[n];
        int[] t = new int[n];
        double[] p = new double[n];
        double[] m0 = new double[n];
        double[] m1 = new double[n];
        for (int i = 0; i < n; i++) {
            double x = r.nextDouble();
            xOut[i] = x;
            p[i] = 0.3 + 0.4 * x;
            t[i] = r.nextDouble() < p[i] ? 1 : 0;
            m0[i] = x;
            m1[i] = 0.5;
            y[i] = (t[i] == 1 ? m1[i] : m0[i]) + r.nextGaussian();
        }
        return new HeldOut(y, t, p, m0, m1);
    }

    /**
     * Treat when x &lt; 0.5 (true value ∫₀^½ ½ + ∫_½¹ x = 0.625); and treat below 0.4, defer on [0.4, 0.6] (valued
     * by the factual outcome, E = x + p(x)(½ − x)), control above 0.6 (true value 0.2 + 0.1 − 0.0008/3 + 0.32).
     */
    private static List<PolicyDecisions> policies(double[] x) {
        int n = x.length;
        int[] a = new int[n];
        int[] b = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = x[i] < 0.5 ? 1 : 0;
            b[i] = x[i] < 0.4 ? 1 : x[i] <= 0.6 ? PolicyDecisions.DEFER : 0;
        }
        return List.of(new PolicyDecisions(PolicyId.of("threshold"), "test", a),
                new PolicyDecisions(PolicyId.of("deferring"), "test", b));
    }

    private static final double[] TRUE_VALUES = {0.625, 0.2 + 0.1 - 0.0008 / 3 + 0.32};

    @Test
    void sameSeedSameBitsForAnyThreadCountAndEitherKernel() throws Exception {
        int n = 1_300;
        double[] x = new double[n];
        HeldOut data = simulate(n, 3, x);
        List<PolicyDecisions> ps = policies(x);
        int rounds = 150;
        Bootstrap.Result serial = PoissonBootstrap.run(data, ps, rounds, 11, false, null, false);
        Bootstrap.Result again = PoissonBootstrap.run(data, ps, rounds, 11, false, null, false);
        Bootstrap.Result parallel = PoissonBootstrap.run(data, ps, rounds, 11, true, null, false);
        Bootstrap.Result three = new ForkJoinPool(3).submit(() -> PoissonBootstrap.run(data, ps, rounds, 11, true,
                null, false)).get();
        Bootstrap.Result vector = PoissonBootstrap.run(data, ps, rounds, 11, true, null,
                PoissonBootstrap.vectorAvailable());
        for (Bootstrap.Result other : List.of(again, parallel, three, vector)) {
            assertTrue(Arrays.deepEquals(serial.dr(), other.dr()), "DR bits");
            assertTrue(Arrays.deepEquals(serial.ipw(), other.ipw()), "IPW bits");
        }
        assertEquals(BootstrapEngine.POISSON, serial.engine());
        Bootstrap.Result other = PoissonBootstrap.run(data, ps, rounds, 12, false, null, false);
        assertFalse(Arrays.equals(serial.dr()[0], other.dr()[0]), "another seed, other rounds");
        // a prefix of the rounds is the same whatever the number of rounds (rounds are drawn by their index)
        Bootstrap.Result fewer = PoissonBootstrap.run(data, ps, 70, 11, true, null, false);
        assertArrayEquals(Arrays.copyOf(serial.dr()[1], 70), fewer.dr()[1]);
    }

    @Test
    void weightsArePoissonOne() {
        long[] keys = PoissonWeights.rowKeys(5, 20_000, null);
        int[] hist = new int[PoissonWeights.MAX_WEIGHT + 1];
        int draws = 0;
        for (int r = 0; r < 10; r++) {
            long pk = PoissonWeights.pairKey(5, r / 2);
            for (long k : keys) {
                hist[PoissonWeights.weight(k, pk, r)]++;
                draws++;
            }
        }
        double pmf = Math.exp(-1);
        for (int w = 0; w <= 4; w++) {
            double expected = draws * pmf;
            assertEquals(expected, hist[w], 4 * Math.sqrt(expected) + 1, "weight " + w + ": " + Arrays.toString(hist));
            pmf /= w + 1;
        }
    }

    @Test
    void aGroupsRowsShareTheirGroupsWeight() {
        int n = 600;
        double[] x = new double[n];
        HeldOut once = simulate(n, 8, x);
        List<PolicyDecisions> ps = policies(x);
        // every patient twice, as a group of two rows with the patient's index as id: every sum doubles
        double[] y2 = new double[2 * n];
        int[] t2 = new int[2 * n];
        double[] p2 = new double[2 * n];
        double[] m02 = new double[2 * n];
        double[] m12 = new double[2 * n];
        int[] groups = new int[2 * n];
        int[][] d2 = new int[ps.size()][2 * n];
        for (int j = 0; j < 2 * n; j++) {
            int i = j % n;
            y2[j] = once.y()[i];
            t2[j] = once.t()[i];
            p2[j] = once.pStar()[i][1];
            m02[j] = once.mu()[i][0];
            m12[j] = once.mu()[i][1];
            groups[j] = i;
            for (int p = 0; p < ps.size(); p++) {
                d2[p][j] = ps.get(p).valuedArms()[i];
            }
        }
        HeldOut twice = new HeldOut(y2, t2, p2, m02, m12);
        List<PolicyDecisions> ps2 = List.of(new PolicyDecisions(PolicyId.of("a"), "test", d2[0]),
                new PolicyDecisions(PolicyId.of("b"), "test", d2[1]));
        int[] own = java.util.stream.IntStream.range(0, n).toArray();
        Bootstrap.Result a = PoissonBootstrap.run(once, ps, 40, 4, false, null, false);
        Bootstrap.Result byOwnGroup = PoissonBootstrap.run(once, ps, 40, 4, false, own, false);
        assertTrue(Arrays.deepEquals(a.dr(), byOwnGroup.dr()), "one row per group (id = row) is the row weighting");
        Bootstrap.Result b = PoissonBootstrap.run(twice, ps2, 40, 4, false, groups, false);
        Bootstrap.Result byRow = PoissonBootstrap.run(twice, ps2, 40, 4, false, null, false);
        double apart = 0;
        for (int p = 0; p < 2; p++) {
            for (int r = 0; r < 40; r++) {
                assertEquals(a.dr()[p][r], b.dr()[p][r], 1e-5, "policy " + p + " round " + r);
                assertEquals(a.ipw()[p][r], b.ipw()[p][r], 1e-5, "policy " + p + " round " + r);
                apart = Math.max(apart, Math.abs(a.dr()[p][r] - byRow.dr()[p][r]));
            }
        }
        assertTrue(apart > 1e-3, "weighting the rows apart gives other rounds");
    }

    @Test
    void autoIsExactBelowTheThresholdAndSaysWhichEngineRan() {
        int n = 500;
        double[] x = new double[n];
        HeldOut data = simulate(n, 9, x);
        List<PolicyDecisions> ps = policies(x);
        Bootstrap.Result auto = Bootstrap.run(data, ps, 30, 2, true, null, BootstrapEngine.AUTO);
        Bootstrap.Result exact = Bootstrap.run(data, ps, 30, 2, true, null);
        assertEquals(BootstrapEngine.EXACT, auto.engine());
        assertTrue(Arrays.deepEquals(exact.dr(), auto.dr()));
        assertEquals(BootstrapEngine.POISSON, Bootstrap.run(data, ps, 30, 2, true, null,
                BootstrapEngine.POISSON).engine());
        assertEquals(BootstrapEngine.POISSON, BootstrapEngine.AUTO.resolve(BootstrapEngine.AUTO_POISSON_ROWS));
        assertEquals(BootstrapEngine.EXACT, BootstrapEngine.AUTO.resolve(BootstrapEngine.AUTO_POISSON_ROWS - 1));
    }

    /** One data set: the Poisson rounds' SD is the exact engine's within 15 % (the two SDs' own noise is ~5 %). */
    @Test
    void spreadMatchesTheExactEngineOnOneDataSet() {
        int n = 2_000;
        double[] x = new double[n];
        HeldOut data = simulate(n, 77, x);
        List<PolicyDecisions> ps = policies(x);
        Bootstrap.Result poisson = PoissonBootstrap.run(data, ps, 400, 5, true, null, false);
        Bootstrap.Result exact = Bootstrap.run(data, ps, 400, 5, true, null);
        for (int p = 0; p < 2; p++) {
            assertEquals(1.0, sd(poisson.dr()[p]) / sd(exact.dr()[p]), 0.15, "DR SD ratio, policy " + p);
            assertEquals(1.0, sd(poisson.ipw()[p]) / sd(exact.ipw()[p]), 0.15, "IPW SD ratio, policy " + p);
            double point = PolicyValue.evaluate(data, ps.get(p).valuedArms(), null).dr();
            double mean = Arrays.stream(poisson.dr()[p]).average().orElseThrow();
            assertEquals(point, mean, 0.5 * sd(exact.dr()[p]), "rounds centre on the point estimate, policy " + p);
        }
    }

    /** Three arms (one deferring policy): the same bits on either kernel and thread count, the exact SD within 15 %. */
    @Test
    void threeArms() {
        SplittableRandom r = new SplittableRandom(21);
        int n = 2_000;
        double[] y = new double[n];
        int[] t = new int[n];
        double[][] pStar = new double[n][];
        double[][] mu = new double[n][];
        int[][] d = new int[2][n];
        for (int i = 0; i < n; i++) {
            double x = r.nextDouble();
            pStar[i] = new double[] {0.2 + 0.2 * x, 0.5 - 0.2 * x, 0.3};
            double u = r.nextDouble();
            t[i] = u < pStar[i][0] ? 0 : u < pStar[i][0] + pStar[i][1] ? 1 : 2;
            mu[i] = new double[] {x, 0.5, 1 - x};
            y[i] = mu[i][t[i]] + r.nextGaussian();
            d[0][i] = x < 0.5 ? 1 : 2;
            d[1][i] = x < 0.3 ? 0 : x < 0.6 ? PolicyDecisions.DEFER : 2;
        }
        HeldOut data = new HeldOut(y, t, pStar, mu);
        List<PolicyDecisions> ps = List.of(new PolicyDecisions(PolicyId.of("a"), "test", d[0]),
                new PolicyDecisions(PolicyId.of("b"), "test", d[1]));
        Bootstrap.Result plain = PoissonBootstrap.run(data, ps, 300, 6, false, null, false);
        Bootstrap.Result vector = PoissonBootstrap.run(data, ps, 300, 6, true, null,
                PoissonBootstrap.vectorAvailable());
        Bootstrap.Result exact = Bootstrap.run(data, ps, 300, 6, true, null);
        assertTrue(Arrays.deepEquals(plain.dr(), vector.dr()) && Arrays.deepEquals(plain.ipw(), vector.ipw()));
        for (int p = 0; p < 2; p++) {
            assertEquals(1.0, sd(plain.dr()[p]) / sd(exact.dr()[p]), 0.15, "DR SD ratio, policy " + p);
        }
    }

    /**
     * Known answer: over 200 simulated held-out sets of 1,000 rows the Poisson engine's 95 % percentile and normal
     * intervals (200 rounds) cover the true values at about 95 %, and its bootstrap SD is the exact engine's on the
     * same data within a few percent.
     */
    @Test
    @Tag("slow")
    void intervalsCoverTheTrueValueWithTheExactEnginesSpread() {
        int sets = 200;
        int n = 1_000;
        int rounds = 200;
        int[][] covered = new int[2][3];
        double[] sdRatio = new double[2];
        double[] x = new double[n];
        for (int s = 0; s < sets; s++) {
            HeldOut data = simulate(n, 1_000 + s, x);
            List<PolicyDecisions> ps = policies(x);
            Bootstrap.Result poisson = PoissonBootstrap.run(data, ps, rounds, s, true, null, false);
            Bootstrap.Result exact = Bootstrap.run(data, ps, rounds, s, true, null);
            for (int p = 0; p < 2; p++) {
                double est = PolicyValue.evaluate(data, ps.get(p).valuedArms(), null).dr();
                double[] v = poisson.dr()[p].clone();
                Arrays.sort(v);
                double lo = v[(int) Math.floor(0.025 * (rounds - 1))];
                double hi = v[(int) Math.ceil(0.975 * (rounds - 1))];
                double sd = sd(v);
                covered[p][0] += lo <= TRUE_VALUES[p] && TRUE_VALUES[p] <= hi ? 1 : 0;
                covered[p][1] += Math.abs(est - TRUE_VALUES[p]) <= 1.96 * sd ? 1 : 0;
                double ipwEst = PolicyValue.evaluate(data, ps.get(p).valuedArms(), null).ipw();
                covered[p][2] += Math.abs(ipwEst - TRUE_VALUES[p]) <= 1.96 * sd(poisson.ipw()[p]) ? 1 : 0;
                sdRatio[p] += sd / sd(exact.dr()[p]) / sets;
            }
        }
        for (int p = 0; p < 2; p++) {
            for (int kind = 0; kind < 3; kind++) {
                double rate = covered[p][kind] / (double) sets;
                assertTrue(rate >= 0.90 && rate <= 0.99, "policy " + p + " interval " + kind + " covered " + rate);
            }
            assertEquals(1.0, sdRatio[p], 0.04, "policy " + p + ": Poisson SD / exact SD");
        }
        System.out.printf("Poisson bootstrap coverage (%d sets, n %d, %d rounds): threshold DR percentile %.3f, "
                + "normal %.3f, IPW normal %.3f, SD ratio %.3f; deferring %.3f, %.3f, %.3f, SD ratio %.3f%n",
                sets, n, rounds, covered[0][0] / (double) sets, covered[0][1] / (double) sets,
                covered[0][2] / (double) sets, sdRatio[0], covered[1][0] / (double) sets,
                covered[1][1] / (double) sets, covered[1][2] / (double) sets, sdRatio[1]);
    }

    private static double sd(double[] v) {
        double m = Arrays.stream(v).average().orElseThrow();
        double ss = 0;
        for (double d : v) {
            ss += (d - m) * (d - m);
        }
        return Math.sqrt(ss / (v.length - 1));
    }
}
