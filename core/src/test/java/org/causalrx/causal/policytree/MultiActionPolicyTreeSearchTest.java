package org.causalrx.causal.policytree;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * The K-action search: against an independent brute force over every tree on small 3-arm data, the same tree as the
 * two-arm search when K = 2, and recovery of a depth-2 rule over three actions from noisy oracle scores.
 */
class MultiActionPolicyTreeSearchTest {

    @Test
    void threeActionSearchFindsTheBruteForceOptimumOnSmallDataInEitherDirection() {
        for (int rep = 0; rep < 8; rep++) {
            SplittableRandom rnd = new SplittableRandom(300 + rep);
            int n = 50;
            double[][] x = new double[n][];
            double[][] g = new double[n][];
            for (int i = 0; i < n; i++) {
                x[i] = new double[] {rnd.nextGaussian(), rnd.nextInt(5), Math.round(rnd.nextDouble() * 10) / 2.0};
                g[i] = new double[] {0, (x[i][0] > 0 ? 1 : -1) + 2 * rnd.nextGaussian(),
                    (x[i][1] < 2 ? 1.5 : -1) + 2 * rnd.nextGaussian()};
            }
            int min = 1 + rep % 4;
            for (int depth = 1; depth <= 2; depth++) {
                for (int sign : new int[] {1, -1}) {
                    MultiArmPolicyTree t = PolicyTreeSearch.fitActions(x, g, sign,
                            new PolicyTreeSettings(depth, min, 1000));
                    assertTrue(t.tree().depth() <= depth);
                    t.tree().nodes().forEach(nd -> assertTrue(nd.n() >= min, "node of " + nd.n() + " rows"));
                    double best = bruteForce(x, g, depth, min, sign);
                    int[] act = t.actions(x);
                    double found = 0;
                    for (int i = 0; i < n; i++) {
                        found += sign * g[i][act[i]];
                    }
                    assertEquals(best, found, 1e-9 * (1 + Math.abs(best)), "rep " + rep + " depth " + depth
                            + " direction " + sign);
                }
            }
        }
    }

    @Test
    void twoActionsGiveTheTwoArmSearchsTree() {
        for (int rep = 0; rep < 20; rep++) {
            SplittableRandom rnd = new SplittableRandom(500 + rep);
            int n = 400;
            double[][] x = new double[n][];
            double[] delta = new double[n];
            double[][] g = new double[n][];
            for (int i = 0; i < n; i++) {
                x[i] = new double[] {rnd.nextGaussian(), rnd.nextInt(7), rnd.nextDouble()};
                delta[i] = (x[i][0] > 0.2 ^ x[i][2] < 0.4 ? 1 : -0.7) + 2 * rnd.nextGaussian();
                g[i] = new double[] {0, delta[i]};
            }
            PolicyTreeSettings s = new PolicyTreeSettings(1 + rep % 2, 1 + rep % 15, 40);
            PolicyTree two = PolicyTreeSearch.fit(x, delta, s);
            for (int sign : new int[] {1, -1}) {
                MultiArmPolicyTree k = PolicyTreeSearch.fitActions(x, g, sign, s);
                assertEquals(two.nodes().size(), k.tree().nodes().size(), "rep " + rep);
                for (int j = 0; j < two.nodes().size(); j++) {
                    PolicyTree.Node a = two.nodes().get(j);
                    PolicyTree.Node b = k.tree().nodes().get(j);
                    assertEquals(a.feature(), b.feature());
                    assertEquals(a.threshold(), b.threshold());
                    assertEquals(List.of(a.left(), a.right(), a.n()), List.of(b.left(), b.right(), b.n()));
                    MultiArmPolicyTree.NodeEffects e = k.nodes().get(j);
                    assertEquals(a.mean(), e.mean().get(1), 0.0);
                    assertEquals(a.se(), e.se().get(1), 0.0);
                    assertEquals(sign * a.mean() > 0 ? 1 : 0, e.action());
                }
            }
        }
    }

    @Test
    void noisyOracleScoresOfADepthTwoRuleOverThreeActionsRecoverIt() {
        SplittableRandom rnd = new SplittableRandom(17);
        int n = 3000;
        double[][] x = new double[n][];
        double[][] g = new double[n][];
        for (int i = 0; i < n; i++) {
            x[i] = draw(rnd);
            double[] mu = means(x[i]);
            g[i] = new double[] {0, mu[1] + 2 * rnd.nextGaussian(), mu[2] + 2 * rnd.nextGaussian()};
        }
        MultiArmPolicyTree t = PolicyTreeSearch.fitActions(x, g, 1, new PolicyTreeSettings(2, 20, 200));
        List<String> splits = new ArrayList<>();
        for (PolicyTree.Node nd : t.tree().nodes()) {
            if (!nd.isLeaf()) {
                splits.add("x" + nd.feature() + " <= " + nd.threshold());
            }
        }
        PolicyTree.Node root = t.tree().nodes().get(0);
        assertEquals(0, root.feature(), "root " + splits);
        assertEquals(0.0, root.threshold(), 0.1, "root " + splits);
        assertEquals(3, splits.size(), "splits " + splits);
        int wrong = 0;
        double regret = 0;
        SplittableRandom fresh = new SplittableRandom(18);
        int m = 20000;
        for (int i = 0; i < m; i++) {
            double[] xi = draw(fresh);
            double[] mu = means(xi);
            int a = t.actions(new double[][] {xi})[0];
            int best = oracle(xi);
            wrong += a == best ? 0 : 1;
            regret += mu[best] - mu[a];
        }
        assertTrue(wrong < 0.05 * m, wrong + " of " + m + " fresh patients get a non-optimal arm; splits " + splits);
        assertTrue(regret / m < 0.05, "regret " + regret / m + "; splits " + splits);
        assertArrayEquals(t.effects(x)[5], PolicyTreeSearch.fitActions(x, g, 1, new PolicyTreeSettings(2, 20, 200))
                .effects(x)[5], "same input, same tree");
    }

    static double[] draw(SplittableRandom rnd) {
        return new double[] {2 * rnd.nextDouble() - 1, rnd.nextDouble(), rnd.nextGaussian(), rnd.nextDouble()};
    }

    /**
     * Mean contrasts of arms 1 and 2 against arm 0 under the depth-2 rule: x0 ≤ 0 and x1 ≤ 0.5 → arm 1, x0 ≤ 0 and
     * x1 &gt; 0.5 → arm 0, x0 &gt; 0 and x3 ≤ 0.6 → arm 2, x0 &gt; 0 and x3 &gt; 0.6 → arm 1; the best arm beats the
     * next by 1.
     */
    static double[] means(double[] x) {
        int best = oracle(x);
        double[] mu = {0, -1, -1};
        if (best != 0) {
            mu = new double[] {0, best == 1 ? 1 : 0, best == 2 ? 1 : 0};
        }
        return mu;
    }

    static int oracle(double[] x) {
        if (x[0] <= 0) {
            return x[1] <= 0.5 ? 1 : 0;
        }
        return x[3] <= 0.6 ? 2 : 1;
    }

    /** max over all trees of Σ_leaves max_a sign Σ Gamma_a, every split tried by direct sums. */
    private static double bruteForce(double[][] x, double[][] g, int depth, int min, int sign) {
        boolean[] all = new boolean[g.length];
        Arrays.fill(all, true);
        if (depth == 1) {
            return bestOne(x, g, all, min, sign);
        }
        double best = leaf(g, all, sign);
        for (int k = 0; k < x[0].length; k++) {
            for (double c : values(x, k)) {
                boolean[] l = new boolean[g.length];
                boolean[] r = new boolean[g.length];
                for (int i = 0; i < g.length; i++) {
                    l[i] = x[i][k] <= c;
                    r[i] = !l[i];
                }
                if (count(l) >= min && count(r) >= min) {
                    best = Math.max(best, bestOne(x, g, l, min, sign) + bestOne(x, g, r, min, sign));
                }
            }
        }
        return best;
    }

    private static double bestOne(double[][] x, double[][] g, boolean[] in, int min, int sign) {
        double best = leaf(g, in, sign);
        for (int k = 0; k < x[0].length; k++) {
            for (double c : values(x, k)) {
                boolean[] a = new boolean[g.length];
                boolean[] b = new boolean[g.length];
                for (int i = 0; i < g.length; i++) {
                    a[i] = in[i] && x[i][k] <= c;
                    b[i] = in[i] && x[i][k] > c;
                }
                if (count(a) >= min && count(b) >= min) {
                    best = Math.max(best, leaf(g, a, sign) + leaf(g, b, sign));
                }
            }
        }
        return best;
    }

    /** The best action's summed score over the rows in {@code in}. */
    private static double leaf(double[][] g, boolean[] in, int sign) {
        double best = Double.NEGATIVE_INFINITY;
        for (int a = 0; a < g[0].length; a++) {
            double s = 0;
            for (int i = 0; i < g.length; i++) {
                s += in[i] ? sign * g[i][a] : 0;
            }
            best = Math.max(best, s);
        }
        return best;
    }

    private static double[] values(double[][] x, int k) {
        return Arrays.stream(x).mapToDouble(r -> r[k]).distinct().sorted().toArray();
    }

    private static int count(boolean[] b) {
        int c = 0;
        for (boolean v : b) {
            c += v ? 1 : 0;
        }
        return c;
    }
}
