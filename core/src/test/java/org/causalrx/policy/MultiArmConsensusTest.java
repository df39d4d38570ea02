package org.causalrx.policy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.causalrx.result.Arms;
import org.causalrx.result.PolicyId;
import org.junit.jupiter.api.Test;

/**
 * The K-arm consensus policy on hand-made effects: where every member picks the same arm it is recommended; where
 * they disagree the patient is deferred and the reason names each arm picked and its members; outside overlap every
 * patient is deferred; with two arms it decides as the two-arm consensus.
 */
class MultiArmConsensusTest {
    private static final Arms ARMS = new Arms(List.of("b", "a", "c"), List.of("arm b", "arm a", "arm c"));
    /** Lower outcome is better: the arm with the most negative effect wins (0 for the reference). */
    private static final MultiArmRule RULE = MultiArmRule.best(3, -1);

    @Test
    void agreementGivesThatArmAndDisagreementDefersNamingTheArms() {
        double[][] m1 = {{0, -1, 0.5}, {0, 0.4, 0.3}, {0, -1, -2}, {0, -1, 0.5}};
        double[][] m2 = {{0, -2, -0.1}, {0, 0.1, 0.9}, {0, -1.5, -0.5}, {0, -1, 0.5}};
        double[][] m3 = {{0, -0.5, 0}, {0, 1, 2}, {0, -3, -1}, {0, -1, 0.5}};
        boolean[] in = {true, true, true, false};
        MultiArmConsensus c = new MultiArmConsensus(RULE);
        List<MultiArmConsensus.Decision> d = c.decide(List.of(m1, m2, m3), in);
        assertEquals(1, d.get(0).arm(), "all pick arm a");
        assertEquals(0, d.get(1).arm(), "all pick the reference");
        assertEquals(PolicyDecisions.DEFER, d.get(2).arm());
        assertTrue(d.get(2).disagree());
        assertFalse(d.get(2).outsideOverlap());
        assertArrayEquals(new int[] {2, 1, 1}, d.get(2).memberArms());
        assertEquals("members disagree: 'arm c' (t_ridge) vs 'arm a' (x_xgboost, causal_forest)",
                MultiArmConsensus.disagreement(d.get(2), ARMS, List.of("t_ridge", "x_xgboost", "causal_forest")));
        assertEquals(PolicyDecisions.DEFER, d.get(3).arm(), "agreeing members, but outside overlap");
        assertTrue(d.get(3).outsideOverlap());
        PolicyDecisions p = c.policy(PolicyId.of("consensus"), "consensus", List.of(m1, m2, m3), in);
        assertArrayEquals(new int[] {1, 0, PolicyDecisions.DEFER, PolicyDecisions.DEFER}, p.arms());
        assertEquals(org.causalrx.result.PolicyKind.CONSENSUS, p.id().kind());
    }

    @Test
    void theMarginKeepsTheDefaultArmForEveryMember() {
        MultiArmRule rule = new MultiArmRule(3, 0, 0.5, -1);
        MultiArmConsensus.Decision d = new MultiArmConsensus(rule).decide(List.of(new double[] {0, -0.4, 0.2},
                new double[] {0, -0.45, -0.3}), true);
        assertEquals(0, d.arm(), "no member's arm beats the default by more than the margin");
        MultiArmConsensus.Decision e = new MultiArmConsensus(rule).decide(List.of(new double[] {0, -0.4, 0.2},
                new double[] {0, -0.6, -0.3}), true);
        assertEquals(PolicyDecisions.DEFER, e.arm(), "one member's arm a clears the margin, the other's does not");
    }

    @Test
    void withTwoArmsItDecidesAsTheTwoArmConsensus() {
        SplittableRandom r = new SplittableRandom(9);
        int n = 400;
        List<double[]> cates = new ArrayList<>();
        List<double[][]> effects = new ArrayList<>();
        for (int m = 0; m < 3; m++) {
            double[] tau = new double[n];
            double[][] eff = new double[n][2];
            for (int i = 0; i < n; i++) {
                tau[i] = r.nextGaussian();
                eff[i][1] = tau[i];
            }
            cates.add(tau);
            effects.add(eff);
        }
        boolean[] in = new boolean[n];
        for (int i = 0; i < n; i++) {
            in[i] = r.nextDouble() > 0.1;
        }
        DecisionRule two = new DecisionRule(1, 0.3, 1);
        PolicyDecisions want = Policies.consensus(PolicyId.of("consensus"), "", cates, two, in);
        PolicyDecisions got = new MultiArmConsensus(MultiArmRule.of(two)).policy(PolicyId.of("consensus"), "",
                effects, in);
        assertArrayEquals(want.arms(), got.arms());
        long deferred = java.util.Arrays.stream(got.arms()).filter(a -> a == PolicyDecisions.DEFER).count();
        assertTrue(deferred > n / 10 && deferred < n, deferred + " deferred");
    }
}
