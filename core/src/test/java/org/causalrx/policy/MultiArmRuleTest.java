package org.causalrx.policy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;

import org.causalrx.causal.OverlapSet;
import org.junit.jupiter.api.Test;

/**
 * The K-arm decision rule: with two arms it decides exactly as {@link DecisionRule} / {@link Deferral}; with three
 * arms it recommends the best arm, keeps the default within the margin, and defers on the best-versus-second contrast.
 */
class MultiArmRuleTest {

    @Test
    void twoArmsReproduceTheTwoArmRuleAndDeferral() {
        SplittableRandom rng = new SplittableRandom(3);
        OverlapSet ov = new OverlapSet(0.1, 0.9, "given");
        int n = 2000;
        double[] tau = new double[n];
        double[] lo = new double[n];
        double[] hi = new double[n];
        double[] e = new double[n];
        boolean[] in = new boolean[n];
        double[][] effects = new double[n][];
        for (int i = 0; i < n; i++) {
            tau[i] = i % 97 == 0 ? 0.0 : i % 89 == 0 ? 0.5 : rng.nextGaussian();
            double w = Math.abs(rng.nextGaussian());
            // intervals that mostly contain the point, sometimes exactly touching the margin boundary 0.5
            lo[i] = i % 53 == 0 ? 0.5 : tau[i] - w * rng.nextDouble();
            hi[i] = Math.max(lo[i], tau[i] + w * rng.nextDouble());
            e[i] = rng.nextDouble();
            in[i] = ov.contains(e[i]);
            effects[i] = new double[] {0.0, tau[i]};
        }
        for (int def = 0; def <= 1; def++) {
            for (double margin : new double[] {0.0, 0.5}) {
                for (int sign : new int[] {1, -1}) {
                    DecisionRule two = new DecisionRule(def, margin, sign);
                    MultiArmRule k = MultiArmRule.of(two);
                    assertArrayEquals(two.arms(tau, in), k.arms(effects, in), two.toString());
                    ContrastIntervals ci = ContrastIntervals.twoArm(k, tau, lo, hi);
                    int[] conservative = MultiArmRule.armsOf(k.decide(effects, ci, in));
                    int[] inclusive = MultiArmRule.armsOf(k.decide(effects,
                            new ContrastIntervals(ci.pairs(), nan(n), nan(n)), in));
                    for (int i = 0; i < n; i++) {
                        assertEquals(Deferral.decide(e[i], ov, tau[i], lo[i], hi[i], two).arm(), conservative[i],
                                two + ", patient " + i);
                        assertEquals(Deferral.decide(e[i], ov, tau[i], Double.NaN, Double.NaN, two).arm(),
                                inclusive[i], two + ", patient " + i);
                    }
                }
            }
        }
    }

    private static double[] nan(int n) {
        double[] v = new double[n];
        java.util.Arrays.fill(v, Double.NaN);
        return v;
    }

    @Test
    void threeArmsRecommendTheBestArmAndKeepTheDefaultWithinTheMargin() {
        MultiArmRule higher = MultiArmRule.best(3, +1);
        assertEquals(2, higher.arm(new double[] {0, 1, 2}));
        assertEquals(1, higher.arm(new double[] {0, 1, -2}));
        assertEquals(0, higher.arm(new double[] {0, -1, -2}));
        assertEquals(0, higher.arm(new double[] {0, 0, 0}), "ties keep the default arm");
        assertEquals(1, higher.arm(new double[] {0, 1, 1}), "ties among the others: lowest index");
        MultiArmRule lower = MultiArmRule.best(3, -1);
        assertEquals(0, lower.arm(new double[] {0, 1, 2}));
        assertEquals(2, lower.arm(new double[] {0, 1, -2}));
        // default arm 1, margin 0.5, higher is better: another arm must beat arm 1 by more than 0.5
        MultiArmRule m = new MultiArmRule(3, 1, 0.5, +1);
        assertEquals(1, m.arm(new double[] {0, -0.4, 0}), "arm 0 beats arm 1 by 0.4 only");
        assertEquals(0, m.arm(new double[] {0, -0.6, -0.2}), "arm 0 beats arm 1 by 0.6");
        assertEquals(2, m.arm(new double[] {0, -0.6, 0.1}));
        assertEquals(new ArmPair(1, 2), m.pair(new double[] {0, 0, 0.3}));
        assertEquals(-0.5, m.boundary(new ArmPair(1, 2)));
        assertEquals(0.5, m.boundary(new ArmPair(2, 1)));
        assertEquals(0.0, m.boundary(new ArmPair(2, 0)));
        assertThrows(IllegalArgumentException.class, () -> m.arm(new double[] {0, 1}));
        assertThrows(IllegalArgumentException.class, () -> new MultiArmRule(3, 3, 0, 1));
    }

    @Test
    void threeArmsDeferWhenTheBestVersusSecondContrastIsUncertainAndNameTheArms() {
        MultiArmRule r = MultiArmRule.best(3, +1);
        double[] tau = {0, 1.0, 1.3};   // best 2, second 1
        ArmChoice u = r.decide(tau, true, -0.1, 0.7);
        assertEquals(PolicyDecisions.DEFER, u.arm());
        assertEquals(ArmChoice.Reason.UNCERTAIN, u.reason());
        assertEquals(new ArmPair(2, 1), u.pair());
        ArmChoice c = r.decide(tau, true, 0.1, 0.7);
        assertEquals(2, c.arm());
        assertEquals(ArmChoice.Reason.INTERVAL, c.reason());
        // arm 2 is clearly better than the reference, but not than arm 1: still deferred (the pair decides)
        assertTrue(r.decide(tau, true, -0.05, 0.6).deferred());
        ArmChoice out = r.decide(tau, false, 0.1, 0.7);
        assertEquals(ArmChoice.Reason.OUTSIDE_OVERLAP, out.reason());
        assertEquals(ArmChoice.Reason.POINT, r.decide(tau, true, Double.NaN, Double.NaN).reason());
        // with a margin and the reference as default: best 1 over default 0 needs its interval above 0.5
        MultiArmRule m = new MultiArmRule(3, 0, 0.5, +1);
        double[] t2 = {0, 0.9, -1};
        assertEquals(new ArmPair(1, 0), m.pair(t2));
        assertTrue(m.decide(t2, true, 0.4, 1.4).deferred());
        assertEquals(1, m.decide(t2, true, 0.6, 1.4).arm());
    }

    @Test
    void contrastIntervalsComeFromBootstrapDrawsOfTheBestVersusSecondContrast() {
        MultiArmRule r = MultiArmRule.best(3, +1);
        double[][] effects = {{0, 1.0, 2.0}, {0, -1.0, -3.0}};
        int rounds = 101;
        double[][][] draws = new double[rounds][2][3];
        for (int b = 0; b < rounds; b++) {
            double u = (b - 50) / 50.0;           // −1 .. 1 evenly
            draws[b][0] = new double[] {0, 1.0, 2.0 + 2 * u};     // contrast 2 − 1: 1 + 2u
            draws[b][1] = new double[] {0, -1.0 + 0.1 * u, -3.0}; // contrast 0 − 1: 1 − 0.1u
        }
        ContrastIntervals ci = ContrastIntervals.fromDraws(r, effects, draws, 0.1);
        assertEquals(new ArmPair(2, 1), ci.pair(0));
        assertEquals(new ArmPair(0, 1), ci.pair(1));
        // quantiles 0.05 / 0.95 of 1 + 2u over u evenly on [−1, 1]: 1 ∓ 1.8
        assertEquals(-0.8, ci.low(0), 1e-12);
        assertEquals(2.8, ci.high(0), 1e-12);
        assertEquals(0.91, ci.low(1), 1e-12);
        assertEquals(1.09, ci.high(1), 1e-12);
        List<ArmChoice> ch = r.decide(effects, ci, new boolean[] {true, true});
        assertTrue(ch.get(0).deferred());
        assertEquals(0, ch.get(1).arm());
        // an interval that misses the point contrast is widened to contain it
        double[][][] shifted = new double[rounds][][];
        for (int b = 0; b < rounds; b++) {
            shifted[b] = new double[][] {{0, 1.0, 5.0 + 0.01 * b}, {0, -1, -3}};
        }
        ContrastIntervals w = ContrastIntervals.fromDraws(r, effects, shifted, 0.1);
        assertEquals(1.0, w.low(0), 1e-12);
    }
}
