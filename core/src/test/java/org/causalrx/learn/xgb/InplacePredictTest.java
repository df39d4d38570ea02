package org.causalrx.learn.xgb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import org.junit.jupiter.api.Test;

/**
 * {@link Boosters#predict} and {@link Boosters#predictRows} predict in place from the dense rows: the same bits as
 * the prediction on a {@link DMatrix} built from them (the path before), for every objective the project uses
 * (reg:squarederror, reg:quantileerror, binary:logistic, multi:softprob), on fixed rounds, the refit after early
 * stopping and the kept early-stopping booster (which predicts with its {@link Boosters#BEST_ROUNDS}), with missing
 * values, on 1 and 3 prediction threads and from several threads at once.
 */
class InplacePredictTest {
    /** Fixed rounds, early stopping then a refit on all rows, the kept early-stopping booster. */
    private static final XGBoostParams[] PATHS = {BoostingData.FAST.withEarlyStopping(0), BoostingData.FAST,
        BoostingData.FAST.withRefitRows(1000)};

    /** n seeded rows with a missing second covariate on every 7th row and no covariate at all on every 50th. */
    private static double[][] data(int n, long seed) {
        return withMissing(BoostingData.x(n, seed));
    }

    /** x itself, with the missing values of {@link #data}. */
    private static double[][] withMissing(double[][] x) {
        int n = x.length;
        for (int i = 0; i < n; i += 7) {
            x[i][1] = Double.NaN;
        }
        for (int i = 3; i < n; i += 50) {
            java.util.Arrays.fill(x[i], Double.NaN);
        }
        return x;
    }

    /** 1,000 new rows: many of XGBoost's 64-row prediction blocks, split over several threads. */
    private static final double[][] XNEW = data(1000, 9);

    /** The prediction rows of XNEW the way they were computed before: on a {@link DMatrix}, with the round limit. */
    private static double[][] onMatrix(Booster booster) throws Exception {
        DMatrix m = Boosters.matrix(XNEW);
        try {
            return Boosters.toDouble(booster.predict(m, false, Boosters.roundLimit(booster)));
        } finally {
            m.dispose();
        }
    }

    /** Same bits, row by row, value by value; {@code single}: one value per row ({@link Boosters#predict}). */
    private static void assertSameBits(double[][] expected, Booster booster, boolean single, String what) {
        double[][] rows = Boosters.predictRows(booster, XNEW);
        assertEquals(expected.length, rows.length, what);
        // in chunks of rows, a partial one last (the large-n path): the same bits
        for (int chunk : new int[] {64, 300, 999}) {
            float[][] chunked;
            try {
                chunked = Boosters.predictDense(booster, XNEW, chunk);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
            double[][] back = Boosters.toDouble(chunked);
            for (int i = 0; i < expected.length; i++) {
                for (int j = 0; j < expected[i].length; j++) {
                    assertEquals(Double.doubleToRawLongBits(expected[i][j]), Double.doubleToRawLongBits(back[i][j]),
                            what + ", chunks of " + chunk + ", row " + i + ", value " + j);
                }
            }
        }
        double[] pred = single ? Boosters.predict(booster, XNEW) : null;
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i].length, rows[i].length, what);
            for (int j = 0; j < expected[i].length; j++) {
                assertEquals(Double.doubleToRawLongBits(expected[i][j]), Double.doubleToRawLongBits(rows[i][j]),
                        what + ", row " + i + ", value " + j);
            }
            if (single) {
                assertEquals(1, expected[i].length, what);
                assertEquals(Double.doubleToRawLongBits(expected[i][0]), Double.doubleToRawLongBits(pred[i]),
                        what + ", row " + i);
            }
        }
    }

    /** The booster of each objective on each path, checked against the matrix on 1 and 3 prediction threads. */
    @Test
    void everyObjectiveAndPathGivesTheBitsOfTheMatrixPrediction() throws Exception {
        int n = 2500;
        double[][] x = BoostingData.x(n, 1);
        double[] y = BoostingData.y(x, 2);
        double[] yb = BoostingData.y(x, 2, true);
        withMissing(x);
        int[] t = new int[n];
        int[] k = new int[n];
        for (int i = 0; i < n; i++) {
            t[i] = (int) yb[i];
            k[i] = Math.floorMod((int) Math.floor(y[i]), 3);
        }
        for (XGBoostParams p : PATHS) {
            boolean kept = p.refitRows() <= n && p.earlyStopping() > 0;
            List<Booster> boosters = new ArrayList<>();
            List<String> names = new ArrayList<>();
            boosters.add(((XGBoostRegressor.Model) new XGBoostRegressor(p).fit(x, y, null, 5)).booster());
            names.add("reg:squarederror");
            boosters.add(((XGBoostRegressor.Model) new XGBoostQuantileRegressor(p, 0.8).fit(x, y, null, 5))
                    .booster());
            names.add("reg:quantileerror");
            boosters.add(((XGBoostClassifier.Model) new XGBoostClassifier(p).fit(x, t, null, 5)).booster());
            names.add("binary:logistic");
            boosters.add(new XGBoostSoftprobClassifier(p).fit(x, k, 3, null, 5).booster());
            names.add("multi:softprob");
            for (int b = 0; b < boosters.size(); b++) {
                Booster booster = boosters.get(b);
                String what = names.get(b) + ", " + p;
                if (kept) {
                    String best = booster.getAttr(Boosters.BEST_ROUNDS);
                    assertNotNull(best, what);
                    assertTrue(Integer.parseInt(best) < booster.getNumBoostedRound(), what + ": fewer rounds");
                } else {
                    assertNull(booster.getAttr(Boosters.BEST_ROUNDS), what);
                }
                double[][] expected = onMatrix(booster);
                boolean single = !names.get(b).startsWith("multi");
                assertSameBits(expected, booster, single, what);
                for (int threads : new int[] {1, 3}) {
                    booster.setParam("nthread", threads);
                    assertSameBits(expected, booster, single, what + ", " + threads + " threads");
                }
            }
        }
    }

    /** The in-place prediction of a kept booster uses its best rounds only: not the prediction with every round. */
    @Test
    void theKeptBoosterPredictsWithItsBestRoundsOnly() throws Exception {
        int n = 2500;
        double[][] x = BoostingData.x(n, 1);
        int[] k = new int[n];
        double[] y = BoostingData.y(x, 2);
        withMissing(x);
        for (int i = 0; i < n; i++) {
            k[i] = Math.floorMod((int) Math.floor(y[i]), 3);
        }
        Booster booster = new XGBoostSoftprobClassifier(BoostingData.FAST.withRefitRows(1000)).fit(x, k, 3, null, 5)
                .booster();
        assertTrue(Integer.parseInt(booster.getAttr(Boosters.BEST_ROUNDS)) < booster.getNumBoostedRound());
        double[][] limited = Boosters.predictRows(booster, XNEW);
        DMatrix m = Boosters.matrix(XNEW);
        float[][] all = booster.predict(m, false, 0);
        m.dispose();
        boolean differs = false;
        for (int i = 0; i < all.length && !differs; i++) {
            for (int j = 0; j < all[i].length; j++) {
                differs |= limited[i][j] != all[i][j];
            }
        }
        assertTrue(differs, "the best rounds predict otherwise than every round");
    }

    /** Several threads predicting with one booster at once get the bits of one prediction alone. */
    @Test
    void concurrentPredictionsOnOneBoosterAgree() throws Exception {
        double[][] x = BoostingData.x(2500, 1);
        double[] y = BoostingData.y(x, 2);
        withMissing(x);
        Booster booster = ((XGBoostRegressor.Model) new XGBoostRegressor(BoostingData.FAST.withRefitRows(1000))
                .fit(x, y, null, 5)).booster();
        double[][] expected = onMatrix(booster);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<double[]>> futures = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                futures.add(pool.submit(() -> Boosters.predict(booster, XNEW)));
            }
            for (Future<double[]> f : futures) {
                double[] got = f.get();
                for (int i = 0; i < got.length; i++) {
                    assertEquals(Double.doubleToRawLongBits(expected[i][0]), Double.doubleToRawLongBits(got[i]));
                }
            }
        } finally {
            pool.shutdown();
        }
    }

    /** A booster loaded from its bundle bytes (the round limit travels as an attribute) predicts the same bits. */
    @Test
    void aLoadedBoosterGivesTheSameBits() throws Exception {
        double[][] x = BoostingData.x(2500, 1);
        double[] y = BoostingData.y(x, 2);
        withMissing(x);
        XGBoostRegressor.Model kept = (XGBoostRegressor.Model) new XGBoostRegressor(
                BoostingData.FAST.withRefitRows(1000)).fit(x, y, null, 5);
        XGBoostRegressor.Model loaded = BoosterFiles.loadRegressor(BoosterFiles.save(kept), "test");
        assertSameBits(onMatrix(kept.booster()), loaded.booster(), true, "loaded");
    }
}
