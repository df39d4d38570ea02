package org.causalrx.policy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import org.causalrx.result.PolicyId;

class PoliciesTest {
    @Test
    void signRuleFollowsTheOutcomeDirectionAndDefersOutsideOverlap() {
        double[] cate = {-1, 2, 0.5, -0.2};
        boolean[] in = {true, true, false, true};
        assertArrayEquals(new int[] {0, 1, -1, 0}, Policies.signRule(PolicyId.of("p"), "", cate, +1, in).arms());
        assertArrayEquals(new int[] {1, 0, -1, 1}, Policies.signRule(PolicyId.of("p"), "", cate, -1, in).arms());
    }

    @Test
    void randomKeepsTheCliniciansTreatedShareAndIsSeeded() {
        int n = 1000;
        int[] t = new int[n];
        boolean[] in = new boolean[n];
        for (int i = 0; i < n; i++) {
            t[i] = i % 4 == 0 ? 1 : 0;
            in[i] = true;
        }
        PolicyDecisions a = Policies.random(t, in, 5);
        assertEquals(0.25, a.treatedShare(), 1e-9);
        assertArrayEquals(a.arms(), Policies.random(t, in, 5).arms());
        assertEquals(0.0, a.deferredShare());
    }

    @Test
    void treatAllAndPropensity() {
        boolean[] in = {true, false, true};
        assertArrayEquals(new int[] {1, -1, 1}, Policies.treatAll(1, "1", "quit", in).arms());
        assertEquals("treat_all_1", Policies.treatAll(1, "1", "quit", in).id().name());
        assertArrayEquals(new int[] {1, -1, 0}, Policies.propensity(new double[] {0.7, 0.99, 0.2}, in).arms());
    }

    @Test
    void consensusRecommendsOnlyWhereAllMembersAgree() {
        double[] a = {1, -1, 1, -2};
        double[] b = {2, -3, -1, -1};
        boolean[] in = {true, true, true, false};
        PolicyDecisions d = Policies.consensus(PolicyId.of("consensus"), "", java.util.List.of(a, b), +1, in);
        assertArrayEquals(new int[] {1, 0, -1, -1}, d.arms());
        // lower is better: the same agreement, opposite recommendation
        assertArrayEquals(new int[] {0, 1, -1, -1},
                Policies.consensus(PolicyId.of("c"), "", java.util.List.of(a, b), -1, in).arms());
    }
}
