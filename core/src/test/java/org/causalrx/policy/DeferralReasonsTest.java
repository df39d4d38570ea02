package org.causalrx.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.causalrx.causal.EffectIntervals;
import org.causalrx.causal.OverlapSet;
import org.junit.jupiter.api.Test;

class DeferralReasonsTest {
    @Test
    void handBuiltPatientsAreCountedByReason() {
        OverlapSet overlap = new OverlapSet(0.1, 0.9, "given");
        double[] e = {0.05, 0.95, 0.5, 0.5, 0.5, 0.5, 0.5};
        // patient 2: statistical interval contains 0; 3: only the joint interval does; 4, 5: sign known; 6: stat
        // interval [0, 1] touches 0
        EffectIntervals stat = new EffectIntervals(new double[] {-1, -1, -0.2, 0.1, 0.3, -0.9, 0},
                new double[] {1, 1, 0.4, 0.5, 0.8, -0.2, 1});
        EffectIntervals joint = new EffectIntervals(new double[] {-2, -2, -0.5, -0.1, 0.2, -1.2, -0.1},
                new double[] {2, 2, 0.6, 0.7, 1.0, -0.1, 1.1});
        DeferralReasons.Counts c = DeferralReasons.count(e, overlap, stat, joint);
        assertEquals(new DeferralReasons.Counts(7, 2, 2, 1, 2), c);
        assertEquals(5, c.deferred());
        int deferredByDecide = 0;
        for (int i = 0; i < e.length; i++) {
            if (Deferral.decide(e[i], overlap, 0.5, joint.lo()[i], joint.hi()[i], 1).arm() == PolicyDecisions.DEFER) {
                deferredByDecide++;
            }
        }
        assertEquals(deferredByDecide, c.deferred());
        assertEquals(new DeferralReasons.Counts(7, 2, 0, 0, 5), DeferralReasons.count(e, overlap, null, null));
    }
}
