package org.causalrx.simulate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;

import org.causalrx.causal.OverlapSet;
import org.causalrx.policy.DecisionRule;
import org.causalrx.study.Study;
import org.causalrx.study.StudyLoader;
import org.junit.jupiter.api.Test;

/** The simulation's Optimal policy applies the study's decision rule (default arm, margin) to the true effect. */
class FeasibilityOptimalTest {
    @Test
    void optimalGivesTheOtherArmOnlyWhereTheTrueBenefitExceedsTheMargin() {
        double[] cate = {-2.0, -0.6, -0.4, 0.0, 0.4, 0.6, 2.0, 9.0};
        int[] rows = {7, 0, 1, 2, 3, 4, 5, 6};
        double[] e = {0.99, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5};
        OverlapSet ov = new OverlapSet(0.1, 0.9, "given");
        // higher is better, default control, margin 0.5: arm 1 where true tau > 0.5
        assertArrayEquals(new int[] {-1, 0, 0, 0, 0, 0, 1, 1},
                FeasibilityStudy.optimal(new DecisionRule(0, 0.5, 1), ov, e, rows, cate));
        // lower is better, default treated, margin 0.5: arm 0 where −(−tau) = tau > 0.5
        assertArrayEquals(new int[] {-1, 1, 1, 1, 1, 1, 0, 0},
                FeasibilityStudy.optimal(new DecisionRule(1, 0.5, -1), ov, e, rows, cate));
        // the sign rule: arm 1 where tau > 0
        assertArrayEquals(new int[] {-1, 0, 0, 0, 0, 1, 1, 1},
                FeasibilityStudy.optimal(DecisionRule.sign(1), ov, e, rows, cate));
    }

    @Test
    void theSimulatedStudyKeepsTheDecisionRule() {
        Study s = StudyLoader.load(Path.of("examples", "nhefs", "weight.yaml")).withPolicy(new Study.Policy(1, 1.5));
        assertEquals(new Study.Policy(1, 1.5), FeasibilityStudy.simulatedStudy(s).policy());
    }
}
