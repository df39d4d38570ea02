package org.causalrx.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ModelFigureChartsTest {
    @Test
    void aShortCurveIsDrawnAsItIs() {
        double[] x = {0, 0.5, 1};
        double[] y = {0, 0.7, 1};
        double[][] t = ModelFigureCharts.thinned(x, y, 1_000);
        assertSame(x, t[0]);
        assertSame(y, t[1]);
    }

    @Test
    void aLongCurveKeepsItsEndsAndStaysWithinAThousandthOfTheFullOne() {
        int n = 300_001;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i / (n - 1.0);
            y[i] = Math.sqrt(x[i]);
        }
        double[][] t = ModelFigureCharts.thinned(x, y, ModelFigureCharts.MAX_CURVE_POINTS);
        assertEquals(ModelFigureCharts.MAX_CURVE_POINTS, t[0].length);
        assertEquals(0.0, t[0][0]);
        assertEquals(1.0, t[0][t[0].length - 1]);
        assertEquals(1.0, t[1][t[1].length - 1]);
        for (int k = 1; k < t[0].length; k++) {
            assertTrue(t[0][k] > t[0][k - 1], "points stay in order");
            assertTrue(t[0][k] - t[0][k - 1] <= 1.01 / (t[0].length - 1), "no gap wider than one step");
        }
    }
}
