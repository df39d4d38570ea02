package org.causalrx.learn.xgb;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * Thread-count invariance of the XGBoost fits (grf's rule: results must not depend on the thread count), which lets
 * a fit on {@link XGBoostParams#THREAD_ROWS} rows or more boost on every core: the same model bytes and predictions on
 * 1 and 3 native threads, for every objective the project uses, with weights, missing values, row and column
 * subsampling and early stopping (both the refit and the kept early-stopping booster, whose validation metric is
 * read every round).
 */
class XGBoostThreadsTest {
    private static double[][] data(int n, long seed) {
        double[][] x = BoostingData.x(n, seed);
        for (int i = 0; i < n; i += 7) {
            x[i][2] = Double.NaN;
        }
        return x;
    }

    private static double[] weights(int n) {
        Random r = new Random(11);
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            w[i] = 0.5 + r.nextDouble();
        }
        return w;
    }

    @Test
    void everyObjectiveGivesTheSameBitsOnAnyThreadCount() {
        int n = 3000;
        double[][] x = data(n, 1);
        double[] y = BoostingData.y(x, 2);
        double[] yb = BoostingData.y(x, 2, true);
        int[] k = new int[n];
        for (int i = 0; i < n; i++) {
            k[i] = Math.floorMod((int) Math.floor(y[i]), 3);
        }
        double[] w = weights(n);
        double[][] xNew = data(500, 3);
        // the refit after early stopping, and the kept early-stopping booster (refit rows below n)
        for (XGBoostParams base : new XGBoostParams[] {BoostingData.FAST, BoostingData.FAST.withRefitRows(1000)}) {
            XGBoostParams one = base.withThreads(1);
            XGBoostParams three = base.withThreads(3);
            XGBoostRegressor.Model r1 = (XGBoostRegressor.Model) new XGBoostRegressor(one).fit(x, y, w, 5);
            XGBoostRegressor.Model r3 = (XGBoostRegressor.Model) new XGBoostRegressor(three).fit(x, y, w, 5);
            assertArrayEquals(BoosterFiles.save(r1), BoosterFiles.save(r3), "squared error");
            assertArrayEquals(r1.predict(xNew), r3.predict(xNew));
            XGBoostRegressor.Model q1 = (XGBoostRegressor.Model) new XGBoostQuantileRegressor(one, 0.8)
                    .fit(x, y, w, 5);
            XGBoostRegressor.Model q3 = (XGBoostRegressor.Model) new XGBoostQuantileRegressor(three, 0.8)
                    .fit(x, y, w, 5);
            assertArrayEquals(BoosterFiles.save(q1), BoosterFiles.save(q3), "quantile");
            int[] t = new int[n];
            for (int i = 0; i < n; i++) {
                t[i] = (int) yb[i];
            }
            XGBoostClassifier.Model c1 = (XGBoostClassifier.Model) new XGBoostClassifier(one).fit(x, t, w, 5);
            XGBoostClassifier.Model c3 = (XGBoostClassifier.Model) new XGBoostClassifier(three).fit(x, t, w, 5);
            assertArrayEquals(BoosterFiles.save(c1), BoosterFiles.save(c3), "logistic");
            assertArrayEquals(c1.predictProba(xNew), c3.predictProba(xNew));
            XGBoostSoftprobClassifier.Model s1 = new XGBoostSoftprobClassifier(one).fit(x, k, 3, w, 5);
            XGBoostSoftprobClassifier.Model s3 = new XGBoostSoftprobClassifier(three).fit(x, k, 3, w, 5);
            assertArrayEquals(BoosterFiles.save(s1), BoosterFiles.save(s3), "softprob");
            double[][] p1 = s1.predictProba(xNew);
            double[][] p3 = s3.predictProba(xNew);
            for (int i = 0; i < p1.length; i++) {
                assertArrayEquals(p1[i], p3[i]);
            }
        }
    }

    /**
     * On enough rows for many of XGBoost's row blocks per thread (whose partial histograms are summed across threads)
     * the model is still the same bytes on 1, 2 and 3 threads.
     */
    @Test
    void aFitOnManyRowBlocksGivesTheSameBitsOnOneTwoAndThreeThreads() {
        int n = 30_000;
        double[][] x = data(n, 7);
        double[] y = BoostingData.y(x, 8);
        double[] w = weights(n);
        XGBoostParams base = XGBoostParams.defaults().withRounds(40).withEarlyStopping(5).withRefitRows(n / 2);
        byte[] one = BoosterFiles.save((XGBoostRegressor.Model) new XGBoostRegressor(base.withThreads(1))
                .fit(x, y, w, 5));
        for (int threads : new int[] {2, 3}) {
            byte[] many = BoosterFiles.save((XGBoostRegressor.Model) new XGBoostRegressor(base.withThreads(threads))
                    .fit(x, y, w, 5));
            assertArrayEquals(one, many, threads + " threads");
        }
    }

    @Test
    void fromTheGateOnAFitUsesEveryCoreAndBelowItItsOwnThreads() {
        XGBoostParams d = XGBoostParams.defaults();
        assertSame(d, d.forRows(XGBoostParams.THREAD_ROWS - 1, 8), "below the gate: the settings themselves");
        assertEquals(8, d.forRows(XGBoostParams.THREAD_ROWS, 8).threads());
        assertEquals(d.withThreads(8), d.forRows(XGBoostParams.THREAD_ROWS, 8), "only the thread count changes");
        assertSame(d, d.forRows(1_000_000, 1), "one core: unchanged");
        assertEquals(4, d.withThreads(4).forRows(1_000_000, 2).threads(), "never fewer than asked");
        XGBoostParams both = d.withLargeEta(100_000, 0.1).forRows(200_000, 2);
        assertEquals(0.1, both.eta());
        assertEquals(2, both.threads());
    }
}
