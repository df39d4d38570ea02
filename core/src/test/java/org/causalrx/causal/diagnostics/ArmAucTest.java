package org.causalrx.causal.diagnostics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.causalrx.causal.ArmOutcomeModel;
import org.junit.jupiter.api.Test;

class ArmAucTest {
    @Test
    void perfectRankerIsOneConstantIsHalf() {
        int[] y = {0, 0, 1, 0, 1, 1};
        double[] perfect = {0.1, 0.2, 0.8, 0.3, 0.9, 0.7};
        ArmAuc.Result p = ArmAuc.compute(y, perfect, 1L, 200);
        assertEquals(1.0, p.auc(), 1e-12);
        assertEquals(1.0, p.ciLow(), 1e-12);
        assertEquals(3, p.positives());
        ArmAuc.Result c = ArmAuc.compute(y, new double[6], 1L, 200);
        assertEquals(0.5, c.auc(), 1e-12);
        assertEquals(0.5, c.ciLow(), 1e-12);
        assertEquals(0.5, c.ciHigh(), 1e-12);
        // reversed ranking
        double[] reversed = java.util.Arrays.stream(perfect).map(v -> -v).toArray();
        assertEquals(0.0, ArmAuc.compute(y, reversed, 1L, 0).auc(), 1e-12);
    }

    @Test
    void handComputedAucAndRoc() {
        // positives at scores 0.9, 0.4; negatives at 0.6, 0.2: pairs (0.9>0.6, 0.9>0.2, 0.4<0.6, 0.4>0.2) -> 3/4
        int[] y = {1, 0, 1, 0};
        double[] s = {0.9, 0.6, 0.4, 0.2};
        assertEquals(0.75, ArmAuc.compute(y, s, 1L, 0).auc(), 1e-12);
        ArmAuc.Roc roc = ArmAuc.roc(y, s);
        assertArrayEquals(new double[] {0, 0, 0.5, 0.5, 1}, roc.fpr(), 1e-12);
        assertArrayEquals(new double[] {0, 0.5, 0.5, 1, 1}, roc.tpr(), 1e-12);
        // trapezoidal area under the curve equals the AUC
        double area = 0;
        for (int i = 1; i < roc.fpr().length; i++) {
            area += (roc.fpr()[i] - roc.fpr()[i - 1]) * (roc.tpr()[i] + roc.tpr()[i - 1]) / 2;
        }
        assertEquals(0.75, area, 1e-12);
        assertEquals(0, ArmAuc.roc(new int[] {1, 1}, new double[] {0.2, 0.3}).fpr().length);
    }

    @Test
    void perClassIsOneVersusRest() {
        int[] y = {0, 1, 2, 0, 1, 2};
        // class 0 perfectly ranked, class 1 reversed, class 2 constant
        double[][] p = {{0.9, 0.1, 0.3}, {0.1, 0.0, 0.3}, {0.2, 0.5, 0.3}, {0.8, 0.2, 0.3}, {0.3, 0.05, 0.3},
            {0.1, 0.6, 0.3}};
        java.util.List<ArmAuc.Result> r = ArmAuc.perClass(y, p, 3, 2L, 0);
        assertEquals(1.0, r.get(0).auc(), 1e-12);
        assertEquals(0.0, r.get(1).auc(), 1e-12);
        assertEquals(0.5, r.get(2).auc(), 1e-12);
        assertEquals(2, r.get(1).positives());
    }

    @Test
    void perArmUsesOnlyPatientsOfThatArmAndCiContainsPoint() {
        Random rng = new Random(4);
        int n = 600;
        double[][] x = new double[n][1];
        int[] t = new int[n];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            x[i][0] = rng.nextGaussian();
            t[i] = i % 2;
            // arm 1: outcome follows x; arm 0: outcome is pure noise
            double p = t[i] == 1 ? 1 / (1 + Math.exp(-3 * x[i][0])) : 0.5;
            y[i] = rng.nextDouble() < p ? 1 : 0;
        }
        ArmOutcomeModel model = (xs, arm) -> java.util.Arrays.stream(xs).mapToDouble(r -> r[0]).toArray();
        ArmAuc.Result a1 = ArmAuc.perArm(model, x, t, y, 1, 7L, 300);
        ArmAuc.Result a0 = ArmAuc.perArm(model, x, t, y, 0, 7L, 300);
        assertEquals(300, a1.n());
        assertTrue(a1.auc() > 0.8, "informative arm: " + a1.auc());
        assertTrue(Math.abs(a0.auc() - 0.5) < 0.1, "noise arm: " + a0.auc());
        for (ArmAuc.Result r : new ArmAuc.Result[] {a0, a1}) {
            assertTrue(r.ciLow() <= r.auc() && r.auc() <= r.ciHigh(), r.toString());
            assertTrue(r.ciHigh() - r.ciLow() < 0.2, r.toString());
        }
        assertTrue(a0.ciHigh() < a1.ciLow());
        assertEquals(a1, ArmAuc.perArm(model, x, t, y, 1, 7L, 300));
    }
}
