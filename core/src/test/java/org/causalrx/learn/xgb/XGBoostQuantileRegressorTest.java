package org.causalrx.learn.xgb;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** Known answer: y = x0 + N(0, 1); the 0.9-quantile is x0 + 1.2816, the 0.1-quantile x0 − 1.2816. */
class XGBoostQuantileRegressorTest {
    @Test
    void recoversConditionalQuantilesAndIsSeeded() {
        SplittableRandom r = new SplittableRandom(1);
        int n = 4000;
        double[][] x = new double[n][2];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i][0] = r.nextDouble() * 4 - 2;
            x[i][1] = r.nextDouble();
            y[i] = x[i][0] + r.nextGaussian();
        }
        double[][] grid = {{-1.5, 0.5}, {0, 0.5}, {1.5, 0.5}};
        XGBoostParams p = XGBoostParams.defaults();
        double[] hi = new XGBoostQuantileRegressor(p, 0.9).fit(x, y, null, 2).predict(grid);
        double[] lo = new XGBoostQuantileRegressor(p, 0.1).fit(x, y, null, 2).predict(grid);
        for (int i = 0; i < grid.length; i++) {
            assertEquals(grid[i][0] + 1.2816, hi[i], 0.3, "0.9-quantile at " + grid[i][0]);
            assertEquals(grid[i][0] - 1.2816, lo[i], 0.3, "0.1-quantile at " + grid[i][0]);
            assertTrue(hi[i] > lo[i]);
        }
        int above = 0;
        double[] all = new XGBoostQuantileRegressor(p, 0.9).fit(x, y, null, 2).predict(x);
        for (int i = 0; i < n; i++) {
            above += y[i] > all[i] ? 1 : 0;
        }
        assertEquals(0.1, above / (double) n, 0.03, "share above the 0.9-quantile");
        assertArrayEquals(hi, new XGBoostQuantileRegressor(p, 0.9).fit(x, y, null, 2).predict(grid));
        assertThrows(IllegalArgumentException.class, () -> new XGBoostQuantileRegressor(p, 1.0));
    }
}
