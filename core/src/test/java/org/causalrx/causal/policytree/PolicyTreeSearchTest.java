package org.causalrx.causal.policytree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * The histogram search against an independent brute force over every split of small data, an invariance (negated
 * scores give the same partition), leaf sizes, the threshold thinning, and recovery of a depth-2 rule from noisy
 * oracle scores.
 */
class PolicyTreeSearchTest {

    @Test
    void depthTwoSearchFindsTheBruteForceOptimumOnSmallDataInEitherDirection() {
        for (int rep = 0; rep < 10; rep++) {
            SplittableRandom rnd = new SplittableRandom(100 + rep);
            int n = 60;
            double[][] x = new double[n][];
            double[] g0 = new double[n];
            double[] g1 = new double[n];
            double[] g = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = new double[] {rnd.nextGaussian(), rnd.nextInt(6), Math.round(rnd.nextDouble() * 20) / 2.0};
                g0[i] = x[i][2] + rnd.nextGaussian();
                g1[i] = g0[i] + (x[i][0] > 0.3 ? 1 : -1) * (x[i][1] < 3 ? 1 : -0.5) + 2 * rnd.nextGaussian();
                g[i] = g1[i] - g0[i];
            }
            int min = 1 + rep % 5;
            for (int depth = 1; depth <= 2; depth++) {
                PolicyTree t = PolicyTreeSearch.fit(x, g, new PolicyTreeSettings(depth, min, 1000));
                assertTrue(t.depth() <= depth);
                for (PolicyTree.Node nd : t.nodes()) {
                    assertTrue(nd.n() >= min, "leaf of " + nd.n() + " rows below min_node_size " + min);
                }
                for (int sign : new int[] {1, -1}) {
                    double best = bruteForce(x, g0, g1, depth, min, sign);
                    double found = reward(t, x, g0, g1, sign);
                    assertEquals(best, found, 1e-9 * (1 + Math.abs(best)), "rep " + rep + " depth " + depth
                            + " direction " + sign);
                }
            }
        }
    }

    @Test
    void negatedScoresGiveTheSamePartitionWithNegatedEffects() {
        SplittableRandom rnd = new SplittableRandom(7);
        int n = 500;
        double[][] x = new double[n][];
        double[] g = new double[n];
        double[] neg = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = new double[] {rnd.nextDouble(), rnd.nextDouble(), rnd.nextDouble()};
            g[i] = (x[i][1] > 0.4 ? 1.5 : -1) + rnd.nextGaussian();
            neg[i] = -g[i];
        }
        PolicyTreeSettings s = new PolicyTreeSettings(2, 10, 50);
        PolicyTree a = PolicyTreeSearch.fit(x, g, s);
        PolicyTree b = PolicyTreeSearch.fit(x, neg, s);
        assertEquals(a.nodes().size(), b.nodes().size());
        for (int k = 0; k < a.nodes().size(); k++) {
            PolicyTree.Node p = a.nodes().get(k);
            PolicyTree.Node q = b.nodes().get(k);
            assertEquals(p.feature(), q.feature());
            assertEquals(p.threshold(), q.threshold());
            assertEquals(p.n(), q.n());
            assertEquals(-p.mean(), q.mean(), 1e-12);
        }
        assertEquals(a.nodes(), PolicyTreeSearch.fit(x, g, s).nodes(), "same input, same tree");
    }

    @Test
    void aFeatureWithManyValuesIsCutAtMostMaxThresholdsTimesAtDataValues() {
        SplittableRandom rnd = new SplittableRandom(3);
        double[][] x = new double[5000][];
        for (int i = 0; i < x.length; i++) {
            x[i] = new double[] {rnd.nextGaussian(), rnd.nextInt(4)};
        }
        SplitCandidates c = SplitCandidates.of(x, 30);
        assertTrue(c.cuts()[0].length <= 30 && c.cuts()[0].length >= 25, "cuts " + c.cuts()[0].length);
        assertEquals(List.of(0.0, 1.0, 2.0), java.util.Arrays.stream(c.cuts()[1]).boxed().toList());
        for (int i = 0; i < x.length; i++) {
            int b = c.bins()[0][i];
            assertTrue(b == c.cuts()[0].length || x[i][0] <= c.cuts()[0][b]);
            assertTrue(b == 0 || x[i][0] > c.cuts()[0][b - 1]);
        }
    }

    @Test
    void noisyOracleScoresOfADepthTwoRuleRecoverItsFeaturesAndThresholds() {
        SplittableRandom rnd = new SplittableRandom(11);
        int n = 4000;
        double[][] x = new double[n][];
        double[] g = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = new double[] {2 * rnd.nextDouble() - 1, rnd.nextDouble(), rnd.nextGaussian(), rnd.nextDouble()};
            g[i] = (x[i][0] > 0 && x[i][1] < 0.5 ? 1 : -1) + 3 * rnd.nextGaussian();
        }
        PolicyTree t = PolicyTreeSearch.fit(x, g, new PolicyTreeSettings(2, 20, 200));
        List<String> splits = new ArrayList<>();
        boolean x0 = false;
        boolean x1 = false;
        for (PolicyTree.Node nd : t.nodes()) {
            if (!nd.isLeaf()) {
                splits.add(nd.feature() + "@" + nd.threshold());
                x0 |= nd.feature() == 0 && Math.abs(nd.threshold()) < 0.1;
                x1 |= nd.feature() == 1 && Math.abs(nd.threshold() - 0.5) < 0.1;
            }
        }
        assertTrue(x0 && x1, "splits " + splits);
        int wrong = 0;
        double[] eff = t.effect(x);
        for (int i = 0; i < n; i++) {
            boolean treat = x[i][0] > 0 && x[i][1] < 0.5;
            wrong += treat == eff[i] > 0 ? 0 : 1;
        }
        assertTrue(wrong < 0.05 * n, wrong + " of " + n + " patients get the wrong arm");
    }

    /**
     * The tree's policy reward in direction {@code sign} (+1: higher is better): Σ_i sign · Gamma_i(arm of the
     * leaf), with each leaf giving arm 1 when sign × its mean effect is positive.
     */
    static double reward(PolicyTree t, double[][] x, double[] g0, double[] g1, int sign) {
        double v = 0;
        for (int i = 0; i < x.length; i++) {
            boolean treat = sign * t.nodes().get(t.leaf(x[i])).mean() > 0;
            v += sign * (treat ? g1[i] : g0[i]);
        }
        return v;
    }

    /** max over all trees of Σ_leaves max(sign Σ Gamma0, sign Σ Gamma1), every split tried by direct sums. */
    private static double bruteForce(double[][] x, double[] g0, double[] g1, int depth, int min, int sign) {
        boolean[] all = new boolean[g0.length];
        java.util.Arrays.fill(all, true);
        if (depth == 1) {
            return bestOne(x, g0, g1, all, min, sign);
        }
        double best = leafReward(g0, g1, all, sign);
        for (int k = 0; k < x[0].length; k++) {
            for (double c : values(x, k)) {
                boolean[] left = new boolean[g0.length];
                boolean[] right = new boolean[g0.length];
                for (int i = 0; i < g0.length; i++) {
                    left[i] = x[i][k] <= c;
                    right[i] = !left[i];
                }
                if (count(left) >= min && count(right) >= min) {
                    best = Math.max(best, bestOne(x, g0, g1, left, min, sign) + bestOne(x, g0, g1, right, min, sign));
                }
            }
        }
        return best;
    }

    /** Best of no split and every single split of the rows in {@code in}. */
    private static double bestOne(double[][] x, double[] g0, double[] g1, boolean[] in, int min, int sign) {
        double best = leafReward(g0, g1, in, sign);
        for (int k = 0; k < x[0].length; k++) {
            for (double c : values(x, k)) {
                boolean[] a = new boolean[g0.length];
                boolean[] b = new boolean[g0.length];
                for (int i = 0; i < g0.length; i++) {
                    a[i] = in[i] && x[i][k] <= c;
                    b[i] = in[i] && x[i][k] > c;
                }
                if (count(a) >= min && count(b) >= min) {
                    best = Math.max(best, leafReward(g0, g1, a, sign) + leafReward(g0, g1, b, sign));
                }
            }
        }
        return best;
    }

    /** The better arm's summed score over the rows in {@code in}. */
    private static double leafReward(double[] g0, double[] g1, boolean[] in, int sign) {
        double s0 = 0;
        double s1 = 0;
        for (int i = 0; i < g0.length; i++) {
            s0 += in[i] ? sign * g0[i] : 0;
            s1 += in[i] ? sign * g1[i] : 0;
        }
        return Math.max(s0, s1);
    }

    private static double[] values(double[][] x, int k) {
        return java.util.Arrays.stream(x).mapToDouble(r -> r[k]).distinct().sorted().toArray();
    }

    private static int count(boolean[] b) {
        int c = 0;
        for (boolean v : b) {
            c += v ? 1 : 0;
        }
        return c;
    }
}
