package org.causalrx.causal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** E-values against hand-computed values (VanderWeele &amp; Ding 2017). */
class EValueTest {
    @Test
    void riskRatiosGiveTheirHandComputedEValuesAndRatiosBelowOneAreInverted() {
        assertEquals(2 + Math.sqrt(2), EValue.ofRiskRatio(2), 1e-12);
        assertEquals(3.414213562373095, EValue.ofRiskRatio(0.5), 1e-12);
        assertEquals(1, EValue.ofRiskRatio(1), 1e-12);
        // RR 3.9: 3.9 + sqrt(3.9 * 2.9) = 7.2631...
        assertEquals(7.263, EValue.ofRiskRatio(3.9), 1e-3);
        assertTrue(Double.isNaN(EValue.ofRiskRatio(0)));
        assertTrue(Double.isNaN(EValue.ofRiskRatio(-1)));
    }

    @Test
    void aStandardisedDifferenceConvertsByExpOf091D() {
        assertEquals(Math.exp(0.455), EValue.riskRatioOfSmd(0.5), 1e-12);
        assertEquals(1, EValue.riskRatioOfSmd(0), 0);
        assertEquals(EValue.ofRiskRatio(EValue.riskRatioOfSmd(0.3)), EValue.ofRiskRatio(EValue.riskRatioOfSmd(-0.3)),
                1e-12);
    }
}
