package org.causalrx.causal.forest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.causalrx.learn.forest.ForestSettings;
import org.junit.jupiter.api.Test;

class CausalForestInvarianceTest {
    static final ForestSettings S = ForestSettings.defaults().withNumTrees(60);
    static final CausalSim D = CausalSim.draw(400, 4, 11, 1.0, x -> 1 + x[0]);

    @Test
    void rescalingYScalesTau() {
        double[] y2 = D.y.clone();
        for (int i = 0; i < y2.length; i++) {
            y2[i] *= 2;
        }
        // nuisance forests fitted inside (yHat, wHat null) must scale along
        CausalForestModel a = new CausalForest(S).fit(D.x, D.y, D.w, null, null, 1);
        CausalForestModel b = new CausalForest(S).fit(D.x, y2, D.w, null, null, 1);
        double[] ta = a.effect(D.x);
        double[] tb = b.effect(D.x);
        Estimate ea = a.effectWithVariance(D.x);
        Estimate eb = b.effectWithVariance(D.x);
        for (int i = 0; i < ta.length; i++) {
            assertEquals(2 * ta[i], tb[i], 1e-9 * (1 + Math.abs(ta[i])));
            assertEquals(4 * ea.variance()[i], eb.variance()[i], 1e-7 * ea.variance()[i]);
        }
    }

    @Test
    void flippingTreatmentCodingFlipsTheSign() {
        double[] w1 = new double[D.w.length];
        double[] e1 = new double[D.w.length];
        for (int i = 0; i < w1.length; i++) {
            w1[i] = 1 - D.w[i];
            e1[i] = 1 - D.e[i];
        }
        double[] yHat = new double[D.y.length]; // any fixed centring; zero keeps the check exact
        CausalForestModel a = new CausalForest(S).fit(D.x, D.y, D.w, yHat, D.e, 2);
        CausalForestModel b = new CausalForest(S).fit(D.x, D.y, w1, yHat, e1, 2);
        double[] ta = a.effect(D.x);
        double[] tb = b.effect(D.x);
        for (int i = 0; i < ta.length; i++) {
            assertEquals(-ta[i], tb[i], 1e-9 * (1 + Math.abs(ta[i])));
        }
        double[] oa = a.oobEffect();
        double[] ob = b.oobEffect();
        for (int i = 0; i < oa.length; i++) {
            assertEquals(-oa[i], ob[i], 1e-9 * (1 + Math.abs(oa[i])));
        }
    }

    @Test
    void sameSeedSameForestOnOneOrTwoThreads() {
        CausalForestModel a = new CausalForest(S).fit(D.x, D.y, D.w, null, null, 3);
        CausalForestModel b = new CausalForest(S).fit(D.x, D.y, D.w, null, null, 3);
        CausalForestModel c = new CausalForest(S.withThreads(2)).fit(D.x, D.y, D.w, null, null, 3);
        double[] ta = a.effect(D.x);
        assertArrayEquals(ta, b.effect(D.x), 0.0);
        assertArrayEquals(ta, c.effect(D.x), 0.0);
        assertArrayEquals(a.effectWithVariance(D.x).variance(), c.effectWithVariance(D.x).variance(), 0.0);
        assertArrayEquals(a.oobEffect(), c.oobEffect(), 0.0);
        assertArrayEquals(a.yHat(), c.yHat(), 0.0);
        CausalForestModel d = new CausalForest(S).fit(D.x, D.y, D.w, null, null, 4);
        assertFalse(java.util.Arrays.equals(ta, d.effect(D.x)));
    }

    @Test
    void oobEffectIgnoresTheRowsOwnTrees() {
        // with fixed centring, row 0's outcome can only reach trees that drew it
        double[] yHat = new double[D.y.length];
        CausalForestModel a = new CausalForest(S).fit(D.x, D.y, D.w, yHat, D.e, 5);
        double[] y2 = D.y.clone();
        y2[0] += 1e4;
        CausalForestModel b = new CausalForest(S).fit(D.x, y2, D.w, yHat, D.e, 5);
        assertEquals(a.oobEffect()[0], b.oobEffect()[0], 0.0);
        assertFalse(a.effect(new double[][] {D.x[0]})[0] == b.effect(new double[][] {D.x[0]})[0]);
    }
}
