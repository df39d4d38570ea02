package org.causalrx.learn.xgb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

/** Tree SHAP values add up to the prediction and put the weight on the features the truth uses. */
class ShapTest {
    @Test
    void shapRowsSumToThePredictionAndFindTheRelevantFeature() {
        Random r = new Random(4);
        int n = 800;
        double[][] x = new double[n][4];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < 4; j++) {
                x[i][j] = r.nextGaussian();
            }
            y[i] = 3 * x[i][2] + 0.3 * r.nextGaussian();
        }
        XGBoostRegressor.Model m = (XGBoostRegressor.Model) new XGBoostRegressor().fit(x, y, null, 1);
        double[][] shap = m.shap(x);
        double[] pred = m.predict(x);
        double[] meanAbs = new double[4];
        for (int i = 0; i < n; i++) {
            double sum = 0;
            for (double v : shap[i]) {
                sum += v;
            }
            assertEquals(pred[i], sum, 1e-3, "SHAP values plus bias equal the prediction");
            for (int j = 0; j < 4; j++) {
                meanAbs[j] += Math.abs(shap[i][j]) / n;
            }
        }
        for (int j : new int[] {0, 1, 3}) {
            assertTrue(meanAbs[2] > 10 * meanAbs[j], "feature 2 dominates: " + java.util.Arrays.toString(meanAbs));
        }
    }
}
