package org.causalrx.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The three-arm benchmark design and its scoring. */
class MultiArmBenchmarkTest {
    @Test
    void designHasEveryArmAndKnownEffects() {
        MultiArmBenchmark.Sample s = MultiArmBenchmark.simulate(3000, 7);
        int[] n = new int[MultiArmBenchmark.ARMS];
        for (int a : s.t()) {
            n[a]++;
        }
        for (int c : n) {
            assertTrue(c > 500, "every arm is given often: " + java.util.Arrays.toString(n));
        }
        double mean1 = 0;
        for (double[] m : s.mu()) {
            mean1 += (m[1] - m[0]) / s.mu().length;
        }
        assertEquals(0.5, mean1, 0.06, "tau_1 = 0.5 + x1 averages 0.5");
    }

    @Test
    void aPersonalisedPolicyBeatsTheBestSingleArm() {
        Map<String, Object> res = MultiArmBenchmark.run(List.of("t_ridge"), 1, 1500, 11);
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Double>> est = (Map<String, Map<String, Double>>) res.get("estimators");
        double regret = est.get("t_ridge").get("regret");
        double single = (Double) res.get("best_single_arm_regret");
        assertTrue(regret >= 0 && regret < 0.5 * single, "regret " + regret + " vs best single arm " + single);
        assertTrue(est.get("t_ridge").get("sqrt_pehe_arm1") < 0.8, "ridge recovers tau_1 roughly");
    }
}
