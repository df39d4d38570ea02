package org.causalrx.causal.uncertainty;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.causalrx.causal.EffectIntervals;
import org.causalrx.causal.IntervalCateModel;
import org.junit.jupiter.api.Test;

/** The widened interval is c ± f·h of the inner one, contains it, and keeps the inner point estimate. */
class ScaledIntervalModelTest {
    /** Inner intervals [x0 − 1, x0 + 3 + x1²] with point x0 (asymmetric around the point). */
    static final IntervalCateModel INNER = new IntervalCateModel() {
        @Override
        public double[] effect(double[][] x) {
            double[] e = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                e[i] = x[i][0];
            }
            return e;
        }

        @Override
        public EffectIntervals effectInterval(double[][] x, double alpha) {
            double[] lo = new double[x.length];
            double[] hi = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                lo[i] = x[i][0] - 1;
                hi[i] = x[i][0] + 3 + x[i][1] * x[i][1];
            }
            return new EffectIntervals(lo, hi);
        }
    };

    static final double[][] X = {{0.3, 0.0}, {-1.7, 2.5}, {12.25, -0.1}, {1e-3, 7}};

    @Test
    void intervalIsCentrePlusMinusFactorTimesHalfWidthAndContainsTheInner() {
        double f = 1.37;
        ScaledIntervalModel m = new ScaledIntervalModel(INNER, f);
        EffectIntervals in = INNER.effectInterval(X, 0.05);
        EffectIntervals out = m.effectInterval(X, 0.05);
        assertArrayEquals(INNER.effect(X), m.effect(X), 0.0);
        for (int i = 0; i < X.length; i++) {
            double c = (in.lo()[i] + in.hi()[i]) / 2;
            double h = (in.hi()[i] - in.lo()[i]) / 2;
            assertEquals(c - f * h, out.lo()[i], 0.0, "row " + i);
            assertEquals(c + f * h, out.hi()[i], 0.0, "row " + i);
            assertTrue(out.lo()[i] <= in.lo()[i] && in.hi()[i] <= out.hi()[i], "row " + i);
            assertTrue(out.lo()[i] <= m.effect(X)[i] && m.effect(X)[i] <= out.hi()[i], "row " + i);
        }
    }

    @Test
    void factorOneKeepsTheInnerIntervalsAndBadFactorsAreRefused() {
        EffectIntervals in = INNER.effectInterval(X, 0.1);
        EffectIntervals out = new ScaledIntervalModel(INNER, 1).effectInterval(X, 0.1);
        assertArrayEquals(in.lo(), out.lo(), 0.0);
        assertArrayEquals(in.hi(), out.hi(), 0.0);
        assertThrows(IllegalArgumentException.class, () -> new ScaledIntervalModel(INNER, 0.9));
        assertThrows(IllegalArgumentException.class, () -> new ScaledIntervalModel(INNER, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> new ScaledIntervalModel(INNER, Double.POSITIVE_INFINITY));
    }

    @Test
    void calibrationFactorIsTheMeanScaleAtLeastOne() {
        IntervalCalibration c = IntervalCalibration.fromScales(Map.of("a", List.of(1.2, 1.6), "b", List.of(0.5, 0.7),
                "c", List.of(2.0, Double.POSITIVE_INFINITY)), "test");
        assertEquals(1.4, c.factor("a"), 1e-12);
        assertEquals(1.0, c.factor("b"), 0.0);
        assertEquals(1.0, c.factor("c"), 0.0);
        assertEquals(1.0, c.factor("unknown"), 0.0);
        assertSame(INNER, c.apply("b", INNER));
        assertEquals(1.4, ((ScaledIntervalModel) c.apply("a", INNER)).factor(), 1e-12);
    }
}
