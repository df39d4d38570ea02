package org.causalrx.learn.xgb;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Random;

import org.causalrx.learn.RegressionModel;
import org.junit.jupiter.api.Test;

/**
 * {@link XGBoostRegressor#fitEach}: several targets on the same rows, weights and seed, boosted on training matrices
 * built (and quantised) once, give the same boosters, byte for byte, as separate fits — on every path of a fit:
 * fixed rounds, early stopping then a refit on all rows, and the kept early-stopping booster; with and without
 * weights and missing values.
 */
class SharedMatrixTest {
    @Test
    void eachTargetGetsTheBoosterOfASeparateFit() {
        int n = 2500;
        double[][] x = BoostingData.x(n, 4);
        List<double[]> ys = List.of(BoostingData.y(x, 5), BoostingData.y(x, 6), shifted(BoostingData.y(x, 7)));
        for (int i = 0; i < n; i += 9) {
            x[i][1] = Double.NaN;
        }
        Random r = new Random(3);
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            w[i] = 0.5 + r.nextDouble();
        }
        double[][] xNew = BoostingData.x(300, 8);
        XGBoostParams[] paths = {BoostingData.FAST.withEarlyStopping(0), BoostingData.FAST,
            BoostingData.FAST.withRefitRows(1000)};
        for (XGBoostParams p : paths) {
            for (double[] weights : new double[][] {null, w}) {
                XGBoostRegressor learner = new XGBoostRegressor(p);
                List<RegressionModel> each = learner.fitEach(x, ys, weights, 17);
                assertEquals(ys.size(), each.size());
                for (int k = 0; k < ys.size(); k++) {
                    XGBoostRegressor.Model alone = (XGBoostRegressor.Model) learner.fit(x, ys.get(k), weights, 17);
                    XGBoostRegressor.Model shared = (XGBoostRegressor.Model) each.get(k);
                    String what = p + ", target " + k + (weights == null ? "" : ", weighted");
                    assertArrayEquals(BoosterFiles.save(alone), BoosterFiles.save(shared), what);
                    assertArrayEquals(alone.predict(xNew), shared.predict(xNew), what);
                }
            }
        }
    }

    private static double[] shifted(double[] y) {
        double[] out = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            out[i] = 3 - 2 * y[i];
        }
        return out;
    }
}
