package org.causalrx.causal.diagnostics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;

import org.causalrx.learn.linear.LinearSettings;
import org.causalrx.learn.linear.LogisticRegression;
import org.junit.jupiter.api.Test;

/** Known answers for {@link Balance}: a hand-computed example, equal weights, and IPW balancing confounders. */
class BalanceTest {

    @Test
    void smdAndWeightsOfATinyExampleMatchTheHandComputation() {
        // control x = 0, 2 (mean 1, var 2); treated x = 1, 3, 5 (mean 3, var 4); pooled SD sqrt(3)
        double[][] x = {{0}, {2}, {1}, {3}, {5}};
        int[] t = {0, 0, 1, 1, 1};
        double[] e = {0.5, 0.75, 0.5, 0.25, 0.5};
        Balance.Result r = Balance.compute(x, t, e, List.of("x"), 0, 0.1);
        Balance.FeatureBalance f = r.features().get(0);
        assertEquals(1.0, f.meanControl(), 1e-12);
        assertEquals(3.0, f.meanTreated(), 1e-12);
        assertEquals(2 / Math.sqrt(3), f.smdUnweighted(), 1e-12);
        // weights: control 2, 4 -> weighted mean (0*2 + 2*4)/6 = 4/3; treated 2, 4, 2 -> (2 + 12 + 10)/8 = 3
        assertEquals((3 - 4.0 / 3) / Math.sqrt(3), f.smdWeighted(), 1e-12);
        Balance.WeightSummary c = r.weights().get(0);
        assertEquals(0, c.arm());
        assertEquals(2, c.n());
        assertEquals(2, c.min(), 1e-12);
        assertEquals(3, c.median(), 1e-12);
        assertEquals(4, c.max(), 1e-12);
        assertEquals(36.0 / 20, c.ess(), 1e-12);
        Balance.WeightSummary tr = r.weights().get(1);
        assertEquals(2, tr.q1(), 1e-12);
        assertEquals(3, tr.q3(), 1e-12);
        assertEquals(64.0 / 24, tr.ess(), 1e-12);
        assertEquals(List.of("x"), r.imbalanced());
        assertTrue(r.flagged());
    }

    @Test
    void equalWeightsGiveAnEffectiveSampleSizeOfN() {
        assertEquals(7, Balance.effectiveSampleSize(new double[] {2, 2, 2, 2, 2, 2, 2}), 1e-12);
        assertEquals(1, Balance.effectiveSampleSize(new double[] {5}), 1e-12);
        assertTrue(Balance.effectiveSampleSize(new double[] {1, 1, 10}) < 3);
        // e = 1/2 everywhere: weights all 2, SMD unchanged by weighting, ESS = n per arm
        double[][] x = {{1}, {2}, {3}, {4}, {6}, {8}};
        int[] t = {0, 0, 0, 1, 1, 1};
        double[] e = {0.5, 0.5, 0.5, 0.5, 0.5, 0.5};
        Balance.Result r = Balance.compute(x, t, e, List.of("x"), 0, 0.1);
        assertEquals(r.features().get(0).smdUnweighted(), r.features().get(0).smdWeighted(), 1e-12);
        assertEquals(3, r.weights().get(0).ess(), 1e-12);
        assertEquals(3, r.weights().get(1).ess(), 1e-12);
    }

    @Test
    void aConstantFeatureHasSmdZeroAndClippingBoundsTheWeights() {
        double[][] x = {{1, 0}, {1, 1}, {1, 2}, {1, 3}};
        int[] t = {0, 1, 0, 1};
        double[] e = {0.0, 1.0, 0.5, 0.5};
        Balance.Result r = Balance.compute(x, t, e, List.of("const", "x"), 0.01, 0.1);
        assertEquals(0, r.features().get(0).smdUnweighted());
        assertEquals(0, r.features().get(0).smdWeighted());
        assertEquals(1 / 0.99, r.weights().get(0).min(), 1e-12);
        assertEquals(2, r.weights().get(0).max(), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> Balance.compute(x, new int[] {0, 0, 0, 0}, e,
                List.of("const", "x"), 0.01, 0.1));
    }

    @Test
    void weightingByACorrectLogisticPropensityRemovesConfounderImbalance() {
        int n = 5000;
        SplittableRandom rnd = new SplittableRandom(20240501L);
        double[][] x = new double[n][4];
        int[] t = new int[n];
        for (int i = 0; i < n; i++) {
            x[i][0] = rnd.nextGaussian();
            x[i][1] = rnd.nextGaussian();
            x[i][2] = rnd.nextDouble() < 0.4 ? 1 : 0;
            x[i][3] = rnd.nextGaussian();
            double logit = 0.8 * x[i][0] - 0.6 * x[i][1] + 0.7 * x[i][2] - 0.3;
            t[i] = rnd.nextDouble() < 1 / (1 + Math.exp(-logit)) ? 1 : 0;
        }
        double[] e = LogisticRegression.l2(LinearSettings.nearlyUnpenalized()).fit(x, t, null, 7).predictProba(x);
        Balance.Result r = Balance.compute(x, t, e, List.of("a", "b", "c", "noise"), 0.01, Balance.THRESHOLD);
        for (int j = 0; j < 3; j++) {
            Balance.FeatureBalance f = r.features().get(j);
            assertTrue(Math.abs(f.smdUnweighted()) > 0.2, f + ": a confounder is imbalanced before weighting");
            assertTrue(Math.abs(f.smdWeighted()) < 0.05, f + ": weighting balances it");
        }
        assertTrue(Math.abs(r.features().get(3).smdWeighted()) < 0.05, r.features().get(3).toString());
        assertTrue(r.maxAbsUnweighted() > 0.3, "max |SMD| before " + r.maxAbsUnweighted());
        assertTrue(r.maxAbsWeighted() < 0.05, "max |SMD| after " + r.maxAbsWeighted());
        assertFalse(r.flagged(), "imbalanced " + r.imbalanced());
        for (Balance.WeightSummary w : r.weights()) {
            assertTrue(w.ess() < w.n() && w.ess() > 0.3 * w.n(), w.toString());
            assertTrue(w.min() >= 1 && w.min() <= w.q1() && w.q1() <= w.median() && w.median() <= w.q3()
                    && w.q3() <= w.max(), w.toString());
        }
    }

    @Test
    void weightingByAPropensityThatIgnoresTheConfounderLeavesItImbalancedAndFlagged() {
        int n = 3000;
        SplittableRandom rnd = new SplittableRandom(99);
        double[][] x = new double[n][1];
        int[] t = new int[n];
        for (int i = 0; i < n; i++) {
            x[i][0] = rnd.nextGaussian();
            t[i] = rnd.nextDouble() < 1 / (1 + Math.exp(-x[i][0])) ? 1 : 0;
        }
        double share = java.util.Arrays.stream(t).average().orElseThrow();
        double[] e = new double[n];
        java.util.Arrays.fill(e, share);
        Balance.Result r = Balance.compute(x, t, e, List.of("a"), 0.01, Balance.THRESHOLD);
        assertTrue(Math.abs(r.features().get(0).smdWeighted()) > 0.5, r.features().toString());
        assertEquals(List.of("a"), r.imbalanced());
    }
}
