package org.causalrx.verdict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.causalrx.pipeline.Sensitivity;
import org.causalrx.result.ExitStatus;
import org.causalrx.result.PolicyId;
import org.junit.jupiter.api.Test;

/** A gain that vanishes below the fragility threshold of Λ is a warning; a robust one is fine; none, no point. */
class HiddenConfoundingExitTest {
    private static Sensitivity of(double largest, boolean beyond, boolean fragile) {
        return new Sensitivity(new Sensitivity.EValues(2.5, 1.3, 1.8, 1.2, "test"),
                new Sensitivity.Msm(PolicyId.of("t_ridge"), "higher", 100, 1, new double[] {1, 2},
                        new double[] {0.4, beyond ? 0.1 : -0.1}, largest, beyond, Double.toString(largest),
                        Sensitivity.FRAGILE_LAMBDA, fragile, "test"));
    }

    @Test
    void aFragileGainWarnsAndARobustOneDoesNot() {
        ExitPoints.ExitPoint weak = ExitPoints.hiddenConfounding(of(1.1, false, true));
        assertEquals(ExitStatus.WARNING, weak.status());
        assertTrue(weak.finding().contains("could explain the gain away"), weak.finding());
        assertEquals(ExitStatus.OK, ExitPoints.hiddenConfounding(of(1.8, false, false)).status());
        assertEquals(ExitStatus.OK, ExitPoints.hiddenConfounding(of(2, true, false)).status());
        ExitPoints.ExitPoint none = ExitPoints.hiddenConfounding(of(Double.NaN, false, true));
        assertEquals(ExitStatus.WARNING, none.status());
        assertTrue(none.finding().contains("not positive even without hidden confounding"), none.finding());
        assertTrue(!none.finding().contains("NaN") && !none.finding().contains("could explain"), none.finding());
        assertNull(ExitPoints.hiddenConfounding(null));
        assertNull(ExitPoints.hiddenConfounding(new Sensitivity(new Sensitivity.EValues(1, 1, 1, 1, "t"), null)));
    }
}
