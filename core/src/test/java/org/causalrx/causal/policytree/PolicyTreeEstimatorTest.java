package org.causalrx.causal.policytree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.causalrx.causal.CateEstimator;
import org.causalrx.estimators.EstimatorRegistry;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * policy_tree from the registry on confounded simulated data whose optimal rule is the depth-2 tree "treat iff
 * x1 &gt; 0 and x2 &lt; 0.5": the fitted tree splits on x1 near 0 and x2 near 0.5, its policy's regret against the
 * oracle on fresh patients is small, and a second fit with the same seed gives the same tree.
 */
@Tag("slow")
class PolicyTreeEstimatorTest {

    @Test
    void recoversADepthTwoRuleFromConfoundedDataWithSmallRegret() {
        SplittableRandom rnd = new SplittableRandom(2024);
        int n = 4000;
        double[][] x = new double[n][];
        int[] t = new int[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = draw(rnd);
            double e = 1 / (1 + Math.exp(-(0.8 * x[i][2] + 0.5 * x[i][0])));
            t[i] = rnd.nextDouble() < e ? 1 : 0;
            y[i] = x[i][2] + 0.5 * x[i][3] + t[i] * tau(x[i]) + rnd.nextGaussian();
        }
        CateEstimator est = EstimatorRegistry.load().create("policy_tree");
        PolicyTree tree = (PolicyTree) est.fit(x, t, y, 77L);

        List<String> splits = new ArrayList<>();
        boolean x1 = false;
        boolean x2 = false;
        for (PolicyTree.Node nd : tree.nodes()) {
            if (!nd.isLeaf()) {
                splits.add("x" + (nd.feature() + 1) + " <= " + nd.threshold());
                x1 |= nd.feature() == 0 && Math.abs(nd.threshold()) < 0.1;
                x2 |= nd.feature() == 1 && Math.abs(nd.threshold() - 0.5) < 0.1;
            }
        }
        assertTrue(x1 && x2, "expected splits x1 <= ~0 and x2 <= ~0.5, got " + splits);

        SplittableRandom fresh = new SplittableRandom(99);
        double regret = 0;
        int m = 20000;
        for (int i = 0; i < m; i++) {
            double[] xi = draw(fresh);
            double cate = tau(xi);
            boolean treat = tree.effect(new double[][] {xi})[0] > 0;
            regret += Math.max(0, cate) - (treat ? cate : 0);
        }
        regret /= m;
        // the oracle gains mean max(0, tau) = 0.25 over treating no one; a wrong arm costs 1
        assertTrue(regret < 0.03, "regret " + regret + " (splits " + splits + ")");

        assertEquals(tree.nodes(), ((PolicyTree) est.fit(x, t, y, 77L)).nodes(), "same seed, same tree");
    }

    private static double[] draw(SplittableRandom rnd) {
        return new double[] {2 * rnd.nextDouble() - 1, rnd.nextDouble(), rnd.nextGaussian(), rnd.nextGaussian(),
            rnd.nextDouble()};
    }

    /** +1 where the rule treats, −1 elsewhere. */
    private static double tau(double[] x) {
        return x[0] > 0 && x[1] < 0.5 ? 1 : -1;
    }
}
