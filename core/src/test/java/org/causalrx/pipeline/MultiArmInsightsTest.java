package org.causalrx.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import org.causalrx.data.Column;
import org.causalrx.data.Table;
import org.causalrx.policy.Bootstrap;
import org.causalrx.policy.GroupProfile;
import org.causalrx.policy.GroupProfiles;
import org.causalrx.policy.HeldOut;
import org.causalrx.policy.OutcomeTree;
import org.causalrx.policy.PolicyDecisions;
import org.causalrx.policy.RankCurve;
import org.causalrx.policy.WinMatrix;
import org.causalrx.result.Arms;
import org.causalrx.result.PolicyId;
import org.causalrx.util.Seeds;
import org.junit.jupiter.api.Test;

/**
 * Known answers for the K-arm policy insights: win matrix, outcome tree, rank graphs, recommended-arm profiles,
 * propensity histograms, and K = 2 through the K-arm path against the two-arm computations.
 */
class MultiArmInsightsTest {
    private static final Arms THREE = new Arms(List.of("a", "b", "c"), List.of("arm a", "arm b", "arm c"));

    /** K = 3, randomised (1/3 each); mu_0 = 0, mu_1 = 0.3, mu_2 = g·x; true mu as plug-in, true p*. */
    private static HeldOut threeArms(int n, double g, long seed, double[] xOut) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] y = new double[n];
        int[] t = new int[n];
        double[][] p = new double[n][3];
        double[][] mu = new double[n][3];
        for (int i = 0; i < n; i++) {
            double x = r.nextGaussian();
            xOut[i] = x;
            mu[i] = new double[] {0, 0.3, g * x};
            p[i] = new double[] {1 / 3.0, 1 / 3.0, 1 / 3.0};
            t[i] = r.nextInt(3);
            y[i] = mu[i][t[i]] + r.nextGaussian();
        }
        return new HeldOut(y, t, p, mu);
    }

    @Test
    void aDominatingPolicyWinsAlmostEveryRoundAgainstTheOthers() {
        int n = 800;
        double[] x = new double[n];
        HeldOut h = threeArms(n, 1.0, 11, x);
        int[] oracle = new int[n];
        for (int i = 0; i < n; i++) {
            double[] m = h.mu()[i];
            oracle[i] = m[2] > m[1] ? 2 : 1;
        }
        List<PolicyDecisions> ps = new ArrayList<>();
        ps.add(new PolicyDecisions(PolicyId.of("oracle"), "best arm", oracle));
        for (int a = 0; a < 3; a++) {
            int[] all = new int[n];
            java.util.Arrays.fill(all, a);
            ps.add(new PolicyDecisions(PolicyId.of("all_" + a), "treat all", all));
        }
        SplittableRandom r = new SplittableRandom(5);
        int[] random = new int[n];
        for (int i = 0; i < n; i++) {
            random[i] = r.nextInt(3);
        }
        ps.add(new PolicyDecisions(PolicyId.of("random"), "random", random));
        Bootstrap.Result boot = Bootstrap.run(h, ps, 400, 3, false);
        for (double[][] m : List.of(WinMatrix.shares(boot.dr(), 1), WinMatrix.shares(boot.ipw(), 1))) {
            for (int j = 1; j < ps.size(); j++) {
                assertTrue(m[0][j] >= 0.95, "oracle beats " + ps.get(j).id() + " in " + m[0][j]);
                assertTrue(m[j][0] <= 0.05, ps.get(j).id() + " beats the oracle in " + m[j][0]);
            }
            assertEquals(0.0, m[0][0], 0.0);
        }
        // lower is better: the matrix turns round
        double[][] lower = WinMatrix.shares(boot.dr(), -1);
        assertTrue(lower[0][1] <= 0.05 && lower[1][0] >= 0.95);
    }

    @Test
    void outcomeTreeOfAHandMadeThreeArmExample() {
        double[] y = {1, 2, 3, 4, 5, 6, 7};
        int[] t = {0, 0, 1, 1, 2, 2, 2};
        int d = PolicyDecisions.DEFER;
        int[] decisions = {0, 1, 1, d, 0, 2, d};
        List<RunResult.OutcomeTreeNode> tree = PolicyInsightStage.outcomeTree(y, t, decisions,
                new String[] {"A", "B", "C"});
        assertEquals(1 + 4 * 3, tree.size());
        assertEquals(new RunResult.OutcomeTreeNode("all", "all", 7, 4.0, Math.sqrt(14.0 / 3 / 7)), tree.get(0));
        // per arm: all, agree, disagree, deferred as (n, mean)
        double[][] expected = {{2, 1.5}, {1, 1}, {1, 2}, {0, Double.NaN},
                {2, 3.5}, {1, 3}, {0, Double.NaN}, {1, 4},
                {3, 6}, {1, 6}, {1, 5}, {1, 7}};
        String[] groups = {"all", "agree", "disagree", "deferred"};
        int sum = 0;
        for (int k = 0; k < expected.length; k++) {
            RunResult.OutcomeTreeNode nd = tree.get(1 + k);
            assertEquals(new String[] {"A", "B", "C"}[k / 4], nd.arm());
            assertEquals(groups[k % 4], nd.group());
            assertEquals((int) expected[k][0], nd.n(), nd.toString());
            assertEquals(expected[k][1], nd.mean(), 1e-12, nd.toString());
            sum += k % 4 == 0 ? 0 : nd.n();
        }
        assertEquals(y.length, sum, "the leaves hold every patient once");
    }

    @Test
    void rankCurveRisesForAnArmWhoseEffectIsHeterogeneous() {
        int n = 2000;
        double[] x = new double[n];
        HeldOut h = threeArms(n, 1.0, 21, x);
        double[][] tau = new double[n][];
        for (int i = 0; i < n; i++) {
            tau[i] = new double[] {0, 0.3, x[i]};
        }
        // lower is better: arm c (tau = x) helps where x < 0, arm b (tau = 0.3 everywhere) helps nobody
        List<MultiArmResult.RankGraph> graphs = MultiArmInsights.rankGraphs(THREE, h, Map.of("truth", tau), -1, 300,
                7, false);
        assertEquals(List.of("b", "c"), graphs.stream().map(MultiArmResult.RankGraph::arm).toList());
        MultiArmResult.RankGraph c = graphs.get(1);
        assertEquals(List.of("truth", "random"), c.curves().stream().map(RunResult.RankCurve::name).toList());
        double[] truth = c.curves().get(0).value();
        double[] random = c.curves().get(1).value();
        int q25 = 12;
        int q50 = 25;
        // true values: E[min(x, 0)] at q = 0.5 ≈ −0.40 against 0 at q = 0; lower is better
        assertTrue(truth[q25] < truth[0] - 0.15, "rises (falls: lower is better) to q = 0.25");
        assertTrue(truth[q50] < truth[q25], "and on to q = 0.5");
        assertTrue(truth[q50] < random[q50] - 0.25, "a true ranking beats a random one");
        assertTrue(c.curves().get(0).high()[q50] < truth[0], "the band at q = 0.5 lies below q = 0");
        double[] flat = graphs.get(0).curves().get(0).value();
        assertTrue(flat[q50] > flat[0], "arm b only harms (tau = +0.3 with lower better)");
    }

    @Test
    void twoArmsThroughTheKArmPathGiveTheTwoArmValues() {
        int n = 300;
        SplittableRandom r = new SplittableRandom(4);
        double[] y = new double[n];
        int[] t = new int[n];
        double[] p1 = new double[n];
        double[] mu0 = new double[n];
        double[] mu1 = new double[n];
        double[] cate = new double[n];
        double[][] effects = new double[n][];
        int[] decisions = new int[n];
        double[] age = new double[n];
        String[] sex = new String[n];
        double[][] xf = new double[n][2];
        for (int i = 0; i < n; i++) {
            double x = r.nextGaussian();
            p1[i] = 1 / (1 + Math.exp(-0.5 * x));
            t[i] = r.nextDouble() < p1[i] ? 1 : 0;
            mu0[i] = x;
            mu1[i] = x + 0.8 * x;
            y[i] = (t[i] == 1 ? mu1[i] : mu0[i]) + r.nextGaussian();
            cate[i] = 0.8 * x + 0.1 * r.nextGaussian();
            effects[i] = new double[] {0, cate[i]};
            decisions[i] = Math.abs(cate[i]) < 0.1 ? PolicyDecisions.DEFER : cate[i] > 0 ? 1 : 0;
            age[i] = 50 + 10 * x + r.nextGaussian();
            sex[i] = r.nextBoolean() ? "f" : "m";
            xf[i] = new double[] {x, sex[i].equals("f") ? 1 : 0};
        }
        HeldOut h = new HeldOut(y, t, p1, mu0, mu1);
        Arms two = Arms.binary("control", "treated");
        long seed = 17;
        // rank graph: arm 1 against 0 with benefit = betterSign · cate, as the two-arm stage computes it
        MultiArmResult.RankGraph g = MultiArmInsights.rankGraphs(two, h, Map.of("m", effects), 1, 200, seed, false)
                .get(0);
        RankCurve.Curve m = RankCurve.compute("m", h, cate, 200, Seeds.derive(seed, "rank-bootstrap"), false);
        RankCurve.Curve rnd = RankCurve.compute("random", h, RankCurve.randomBenefit(n,
                Seeds.derive(seed, "rank-random")), 200, Seeds.derive(seed, "rank-bootstrap"), false);
        assertArrayEquals(m.value(), g.curves().get(0).value());
        assertArrayEquals(m.low(), g.curves().get(0).low());
        assertArrayEquals(m.high(), g.curves().get(0).high());
        assertArrayEquals(rnd.value(), g.curves().get(1).value());
        // outcome tree: the two-arm tree (arms 0 and 1)
        List<RunResult.OutcomeTreeNode> tree = PolicyInsightStage.outcomeTree(y, t, decisions,
                new String[] {"control", "treated"});
        List<OutcomeTree.Node> twoArm = OutcomeTree.build(y, t, decisions);
        assertEquals(twoArm.size(), tree.size());
        for (int k = 0; k < tree.size(); k++) {
            assertEquals(twoArm.get(k).n(), tree.get(k).n());
            assertEquals(twoArm.get(k).mean(), tree.get(k).mean(), 0.0);
            assertEquals(twoArm.get(k).sem(), tree.get(k).sem(), 0.0);
        }
        // recommended arm 1: the two-arm "recommended arm" profile (same groups, same seed)
        Table raw = new Table("t", List.of(new Column.Numeric("age", age), new Column.Text("sex", sex)));
        List<String> features = List.of("x", "sex_f");
        List<MultiArmResult.RecommendedArm> rec = MultiArmInsights.recommendedArms(two, decisions, raw, Set.of(), xf,
                features, seed);
        GroupProfile twoArmProfile = GroupProfiles.describe("recommended 'treated'", "recommended 'control'", raw,
                Set.of(), xf, features, decisions, Seeds.derive(seed, "profile-arm"));
        assertEquals(twoArmProfile, rec.get(1).profile());
        int deferred = (int) java.util.Arrays.stream(decisions).filter(d -> d == PolicyDecisions.DEFER).count();
        assertEquals(n - deferred, rec.get(0).n() + rec.get(1).n());
        assertEquals(rec.get(1).profile().nB(), rec.get(0).n());
        // win matrix: the two-arm counts over the rounds
        List<PolicyDecisions> ps = List.of(new PolicyDecisions(PolicyId.of("m"), "m", decisions),
                new PolicyDecisions(PolicyId.of("all"), "all", new int[n]));
        Bootstrap.Result boot = Bootstrap.run(h, ps, 200, 2, false);
        int[][] wins = WinMatrix.wins(boot.dr(), 1);
        double[][] shares = WinMatrix.shares(boot.dr(), 1);
        assertEquals(wins[0][1] / 200.0, shares[0][1], 0.0);
        assertEquals(wins[1][0] / 200.0, shares[1][0], 0.0);
    }

    @Test
    void propensityHistogramsSplitEachArmsPropensityByObservedArm() {
        double[][] e = {{0.5, 0.3, 0.2}, {0.1, 0.1, 0.8}, {0.33, 0.33, 0.34}, {0.9, 0.05, 0.05}, {0.2, 0.6, 0.2}};
        int[] t = {0, 2, 2, 0, 1};
        int[] rows = {0, 1, 2, 3};
        List<MultiArmResult.PropensityHistogram> hs = MultiArmInsights.propensityHistograms(THREE, e, t, rows);
        assertEquals(3, hs.size());
        MultiArmResult.PropensityHistogram c = hs.get(2);
        assertEquals("c", c.arm());
        assertEquals(List.of(2, 0, 2), c.byObservedArm().stream().map(MultiArmResult.HistogramSeries::n).toList());
        double[] observedC = c.byObservedArm().get(2).share();
        assertEquals(MultiArmInsights.BINS, observedC.length);
        assertEquals(0.5, observedC[20], 1e-12, "0.8 in [0.80, 0.84)");
        assertEquals(0.5, observedC[8], 1e-12, "0.34 in [0.32, 0.36)");
        Map<String, Double> sums = new LinkedHashMap<>();
        for (MultiArmResult.HistogramSeries s : hs.get(0).byObservedArm()) {
            sums.put(s.arm(), java.util.Arrays.stream(s.share()).sum());
        }
        assertEquals(1.0, sums.get("a"), 1e-12);
        assertEquals(0.0, sums.get("b"), 0.0, "nobody observed in arm b among the rows");
    }
}
