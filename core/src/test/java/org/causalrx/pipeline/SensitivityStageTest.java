package org.causalrx.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.causalrx.policy.HeldOut;
import org.causalrx.result.PolicyId;
import org.causalrx.study.Study;
import org.junit.jupiter.api.Test;

/** The run's E-values from its ATE, and the Λ curve of the selected policy with its largest favourable Λ. */
class SensitivityStageTest {
    private static RunResult.AteResult ate(double est, double lo, double hi) {
        return new RunResult.AteResult(est, (hi - lo) / 3.92, lo, hi, "aipw", 5, 1000);
    }

    private static double e(double rr) {
        double r = rr < 1 ? 1 / rr : rr;
        return r + Math.sqrt(r * (r - 1));
    }

    @Test
    void binaryOutcomeUsesTheRiskRatioOfTheArmMeans() {
        // risks 0.2 and 0.4: RR 2, E 3.414; limit 0.1: RR (0.2 + 0.1) / 0.2 = 1.5, E 1.5 + sqrt(0.75)
        Sensitivity.EValues v = SensitivityStage.eValues(ate(0.2, 0.1, 0.3), 0.2, 0.4, true, 0.5);
        assertEquals(2, v.riskRatio(), 1e-12);
        assertEquals(3.414213562373095, v.ate(), 1e-12);
        assertEquals(1.5 + Math.sqrt(0.75), v.ciLimit(), 1e-12);
        assertTrue(v.conversion().startsWith("risk ratio"));
        // a harmful-looking effect: risks 0.4 and 0.2, RR 0.5 inverted; limit -0.1: RR 0.75
        Sensitivity.EValues h = SensitivityStage.eValues(ate(-0.2, -0.3, -0.1), 0.4, 0.2, true, 0.5);
        assertEquals(e(2), h.ate(), 1e-12);
        assertEquals(e(0.75), h.ciLimit(), 1e-12);
        // an interval across 0 gives 1
        assertEquals(1, SensitivityStage.eValues(ate(0.2, -0.01, 0.41), 0.2, 0.4, true, 0.5).ciLimit(), 0);
    }

    @Test
    void continuousOutcomeUsesTheStandardisedDifference() {
        Sensitivity.EValues v = SensitivityStage.eValues(ate(1.0, 0.4, 1.6), 10, 11, false, 2.0);
        assertEquals(Math.exp(0.91 * 0.5), v.riskRatio(), 1e-12);
        assertEquals(e(Math.exp(0.91 * 0.5)), v.ate(), 1e-12);
        assertEquals(e(Math.exp(0.91 * 0.2)), v.ciLimit(), 1e-12);
        assertTrue(v.conversion().contains("exp(0.91 d)"), v.conversion());
        Sensitivity.EValues neg = SensitivityStage.eValues(ate(-1.0, -1.6, -0.4), 11, 10, false, 2.0);
        assertEquals(v.ate(), neg.ate(), 1e-12);
        assertEquals(v.ciLimit(), neg.ciLimit(), 1e-12);
    }

    @Test
    void theCurveStartsAtTheIpwGainFallsAndNamesItsCrossing() {
        Random r = new Random(9);
        int n = 3000;
        double[] y = new double[n];
        int[] t = new int[n];
        double[] e = new double[n];
        int[] d = new int[n];
        for (int i = 0; i < n; i++) {
            double x = r.nextGaussian();
            e[i] = 1 / (1 + Math.exp(-0.5 * x));
            t[i] = r.nextDouble() < e[i] ? 1 : 0;
            double tau = r.nextGaussian() > 0 ? 1 : -1;
            // lower is better: the policy treats those whom treatment lowers the outcome
            d[i] = tau < 0 ? 1 : 0;
            y[i] = x + (t[i] == 1 ? tau : 0) + r.nextGaussian();
        }
        HeldOut h = new HeldOut(y, t, e, new double[n], new double[n]);
        Sensitivity.Msm m = SensitivityStage.msm(PolicyId.of("t_ridge"), h, d, Study.Direction.LOWER);
        assertEquals(1, m.lambda()[0], 0);
        assertEquals(SensitivityStage.GRID_MAX, m.lambda()[m.lambda().length - 1], 1e-12);
        assertEquals("lower", m.direction());
        assertTrue(m.gainLowerBound()[0] > 0.3, "gain at 1: " + m.gainLowerBound()[0]);
        for (int l = 1; l < m.lambda().length; l++) {
            assertTrue(m.gainLowerBound()[l] <= m.gainLowerBound()[l - 1]);
        }
        assertTrue(m.largestLambda() > Sensitivity.FRAGILE_LAMBDA && !m.beyondGrid(), "" + m.largestLambda());
        assertFalse(m.fragile());
        assertEquals(String.format(java.util.Locale.ROOT, "%.2f", m.largestLambda()), m.largestLambdaText());
    }
}
