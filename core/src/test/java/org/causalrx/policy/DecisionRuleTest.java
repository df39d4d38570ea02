package org.causalrx.policy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;

import org.causalrx.causal.OverlapSet;
import org.causalrx.result.PolicyId;
import org.junit.jupiter.api.Test;

/** The decision rule: margin and default arm on hand-built CATEs, and margin 0 equals the sign rule. */
class DecisionRuleTest {
    static final double[] CATE = {-3, -1.5, -0.5, 0, 0.5, 1.0, 1.5, 3};
    static final boolean[] ALL = {true, true, true, true, true, true, true, true};

    @Test
    void withAMarginOnlyPatientsWhoseBenefitExceedsItGetTheOtherArm() {
        // higher is better, default control: arm 1 exactly where tau > 1
        assertArrayEquals(new int[] {0, 0, 0, 0, 0, 0, 1, 1}, new DecisionRule(0, 1.0, +1).arms(CATE, ALL));
        // lower is better: the benefit of arm 1 is −tau, so arm 1 exactly where tau < −1
        assertArrayEquals(new int[] {1, 1, 0, 0, 0, 0, 0, 0}, new DecisionRule(0, 1.0, -1).arms(CATE, ALL));
        // default treated, higher is better: arm 0 only where its benefit −tau exceeds 1, i.e. tau < −1
        assertArrayEquals(new int[] {0, 0, 1, 1, 1, 1, 1, 1}, new DecisionRule(1, 1.0, +1).arms(CATE, ALL));
        // default treated, lower is better: arm 0 only where tau > 1
        assertArrayEquals(new int[] {1, 1, 1, 1, 1, 1, 0, 0}, new DecisionRule(1, 1.0, -1).arms(CATE, ALL));
        // outside overlap: deferred whatever the rule
        boolean[] in = ALL.clone();
        in[7] = false;
        assertEquals(PolicyDecisions.DEFER, new DecisionRule(0, 1.0, +1).arms(CATE, in)[7]);
        // a benefit exactly at the margin does not switch
        assertEquals(0, new DecisionRule(0, 1.0, +1).arm(1.0));
        assertEquals(1, new DecisionRule(1, 1.5, +1).arm(-1.5));
    }

    @Test
    void marginZeroWithTheControlDefaultIsTheSignRule() {
        SplittableRandom rng = new SplittableRandom(11);
        double[] cate = new double[500];
        boolean[] in = new boolean[cate.length];
        for (int i = 0; i < cate.length; i++) {
            cate[i] = i % 50 == 0 ? 0.0 : rng.nextGaussian();
            in[i] = rng.nextDouble() < 0.9;
        }
        for (int sign : new int[] {1, -1}) {
            int[] old = new int[cate.length];
            for (int i = 0; i < cate.length; i++) {
                old[i] = !in[i] ? PolicyDecisions.DEFER : (sign * cate[i] > 0 ? 1 : 0);
            }
            assertArrayEquals(old, new DecisionRule(0, 0.0, sign).arms(cate, in));
            assertArrayEquals(old, Policies.signRule(PolicyId.of("p"), "", cate, sign, in).arms());
            assertTrue(DecisionRule.sign(sign).isSignRule());
        }
        // ties at 0 keep the default arm, so the treated default differs from the sign rule only there
        assertEquals(1, new DecisionRule(1, 0.0, +1).arm(0.0));
        assertEquals(0, DecisionRule.sign(+1).arm(0.0));
    }

    @Test
    void intervalRuleDefersWhenTheIntervalContainsTheMarginBoundary() {
        OverlapSet ov = new OverlapSet(0.1, 0.9, "given");
        DecisionRule r = new DecisionRule(0, 1.0, +1);
        assertEquals(1, Deferral.decide(0.5, ov, 2.0, 1.2, 2.8, r).arm(), "whole interval above the margin");
        assertEquals(0, Deferral.decide(0.5, ov, 0.4, 0.1, 0.9, r).arm(), "whole interval below the margin");
        Deferral.Decision u = Deferral.decide(0.5, ov, 1.4, 0.8, 2.0, r);
        assertEquals(PolicyDecisions.DEFER, u.arm(), "contains the boundary 1");
        assertEquals("uncertain: interval [0.80, 2.00] contains 1, the boundary of the margin 1", u.reason());
        // an interval above 0 but containing the margin defers, where the sign rule recommends arm 1
        assertEquals(1, Deferral.decide(0.5, ov, 1.4, 0.8, 2.0, DecisionRule.sign(+1)).arm());
        // default treated, higher is better: arm 0 only when the whole interval is below −1
        DecisionRule t = new DecisionRule(1, 1.0, +1);
        assertEquals(-1.0, t.boundary());
        assertEquals(0, Deferral.decide(0.5, ov, -2.0, -2.5, -1.2, t).arm());
        assertEquals(1, Deferral.decide(0.5, ov, 0.0, -0.5, 0.5, t).arm(), "whole interval above −1: keep arm 1");
        assertEquals(PolicyDecisions.DEFER, Deferral.decide(0.5, ov, -1.0, -1.5, -0.5, t).arm());
        // reasons name the margin when it is not 0
        Deferral.Decision p = Deferral.decide(0.5, ov, 0.4, Double.NaN, Double.NaN, r);
        assertEquals("predicted effect 0.400: the benefit of arm 1 over the default arm 0 does not exceed the margin "
                + "1; arm 0", p.reason());
        assertTrue(Deferral.decide(0.5, ov, 2.0, 1.2, 2.8, r).reason().contains("exceeds the margin 1 throughout"));
        assertEquals("predicted effect 0.400 favours arm 1",
                Deferral.decide(0.5, ov, 0.4, Double.NaN, Double.NaN, DecisionRule.sign(+1)).reason());
    }

    @Test
    void marginZeroIntervalRuleEqualsTheSignRuleWithZeroInTheInterval() {
        OverlapSet ov = new OverlapSet(0.1, 0.9, "given");
        SplittableRandom rng = new SplittableRandom(3);
        for (int k = 0; k < 2000; k++) {
            double tau = rng.nextGaussian();
            double lo = tau - rng.nextDouble() * 2;
            double hi = tau + rng.nextDouble() * 2;
            double e = rng.nextDouble();
            for (int sign : new int[] {1, -1}) {
                int old = e < 0.1 || e > 0.9 ? PolicyDecisions.DEFER
                        : lo <= 0 && hi >= 0 ? PolicyDecisions.DEFER : (sign * tau > 0 ? 1 : 0);
                assertEquals(old, Deferral.decide(e, ov, tau, lo, hi, sign).arm());
                assertEquals(old, Deferral.decide(e, ov, tau, lo, hi, new DecisionRule(0, 0.0, sign)).arm());
            }
        }
    }

    @Test
    void consensusVotesWithTheRule() {
        double[] a = {2.0, 0.5, -2.0, 1.5};
        double[] b = {1.5, 2.0, -0.5, 0.8};
        boolean[] in = {true, true, true, true};
        // margin 1: both above → arm 1; one above → defer; both below → arm 0
        assertArrayEquals(new int[] {1, -1, 0, -1},
                Policies.consensus(PolicyId.of("c"), "", List.of(a, b), new DecisionRule(0, 1.0, +1), in).arms());
        // margin 0 with the rule equals the int form
        assertArrayEquals(Policies.consensus(PolicyId.of("c"), "", List.of(a, b), +1, in).arms(),
                Policies.consensus(PolicyId.of("c"), "", List.of(a, b), DecisionRule.sign(+1), in).arms());
    }

    @Test
    void invalidRulesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new DecisionRule(2, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new DecisionRule(0, -0.1, 1));
        assertThrows(IllegalArgumentException.class, () -> new DecisionRule(0, Double.NaN, 1));
        assertThrows(IllegalArgumentException.class, () -> new DecisionRule(0, Double.POSITIVE_INFINITY, 1));
        assertThrows(IllegalArgumentException.class, () -> new DecisionRule(0, 0, 0));
    }
}
