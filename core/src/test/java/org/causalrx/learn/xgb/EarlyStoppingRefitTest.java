package org.causalrx.learn.xgb;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import org.junit.jupiter.api.Test;

/**
 * The large-n gate of early stopping ({@link XGBoostParams#refitRows}): below it an early-stopped fit is the refit on
 * all rows, exactly as before; from it on the fit is the booster of the early-stopping pass, trained on the rows
 * outside a validation side of min(20 %, 10,000) rows and predicting with its best rounds (a booster trained on those
 * rows for exactly that many rounds).
 */
class EarlyStoppingRefitTest {
    private static final XGBoostParams FAST = BoostingData.FAST;

    @Test
    void belowTheGateTheFitIsTheRefitOnAllRows() throws Exception {
        double[][] x = BoostingData.x(400, 1);
        double[] y = BoostingData.y(x, 2);
        double[][] xNew = BoostingData.x(100, 3);
        XGBoostRegressor.Model gated = (XGBoostRegressor.Model) new XGBoostRegressor(FAST).fit(x, y, null, 7);
        XGBoostRegressor.Model always = (XGBoostRegressor.Model) new XGBoostRegressor(
                FAST.withRefitRows(Integer.MAX_VALUE)).fit(x, y, null, 7);
        assertArrayEquals(always.predict(xNew), gated.predict(xNew));
        assertNull(gated.booster().getAttr(Boosters.BEST_ROUNDS));
        assertArrayEquals(BoosterFiles.save(always), BoosterFiles.save(gated), "same model bytes below the gate");
    }

    @Test
    void fromTheGateOnTheFitIsTheEarlyStoppingBoosterAtItsBestRound() throws Exception {
        double[][] x = BoostingData.x(400, 1);
        double[] y = BoostingData.y(x, 2);
        double[][] xNew = BoostingData.x(100, 3);
        XGBoostRegressor.Model kept = (XGBoostRegressor.Model) new XGBoostRegressor(FAST.withRefitRows(400))
                .fit(x, y, null, 7);
        XGBoostRegressor.Model refit = (XGBoostRegressor.Model) new XGBoostRegressor(FAST.withRefitRows(401))
                .fit(x, y, null, 7);
        String best = kept.booster().getAttr(Boosters.BEST_ROUNDS);
        assertNotNull(best, "the kept booster records its best round");
        int rounds = Integer.parseInt(best);
        assertTrue(kept.booster().getNumBoostedRound() > rounds, "boosted past the best round (patience)");
        // the booster trained on the 80 % side of the split for exactly the best rounds predicts the same
        int[] tr = Boosters.validationSplit(x.length, 7, Boosters.KEPT_VALIDATION_ROWS)[1];
        double[][] xTr = new double[tr.length][];
        float[] yTr = new float[tr.length];
        for (int i = 0; i < tr.length; i++) {
            xTr[i] = x[tr[i]];
            yTr[i] = (float) y[tr[i]];
        }
        DMatrix d = Boosters.matrix(xTr);
        d.setLabel(yTr);
        Booster direct = XGBoost.train(d, Boosters.params(FAST, "reg:squarederror", Map.of(), 7), rounds,
                new HashMap<>(), null, null);
        d.dispose();
        double[] expected = new XGBoostRegressor.Model(direct).predict(xNew);
        assertArrayEquals(expected, kept.predict(xNew));
        assertFalse(java.util.Arrays.equals(refit.predict(xNew), kept.predict(xNew)), "not the refit on all rows");
        // SHAP values use the same rounds: they add up to the prediction
        double[][] shap = kept.shap(xNew);
        double[] pred = kept.predict(xNew);
        for (int i = 0; i < xNew.length; i++) {
            double s = 0;
            for (double v : shap[i]) {
                s += v;
            }
            assertEquals(pred[i], s, 1e-4);
        }
        // the round limit travels with the bundle
        XGBoostRegressor.Model loaded = BoosterFiles.loadRegressor(BoosterFiles.save(kept), "test");
        assertArrayEquals(pred, loaded.predict(xNew));
    }

    @Test
    void aKeptBoosterValidatesOnAtMostTenThousandRows() {
        int n = 80_000;
        int[][] capped = Boosters.validationSplit(n, 3, Boosters.KEPT_VALIDATION_ROWS);
        int[][] full = Boosters.validationSplit(n, 3);
        assertEquals(10_000, capped[0].length);
        assertEquals(70_000, capped[1].length);
        assertEquals(16_000, full[0].length);
        assertArrayEquals(java.util.Arrays.copyOf(full[0], 10_000), capped[0], "a prefix of the same shuffle");
        int[] groups = new int[n];
        for (int i = 0; i < n; i++) {
            groups[i] = i / 2;
        }
        int[][] g = EarlyStoppingSplit.grouped(groups, 3, Boosters.KEPT_VALIDATION_ROWS);
        assertEquals(10_000, g[0].length);
        assertEquals(16_000, EarlyStoppingSplit.grouped(groups, 3)[0].length);
    }

    @Test
    void theSoftprobBoosterPredictsWithItsBestRoundsToo() throws Exception {
        double[][] x = BoostingData.x(600, 4);
        int[] t = new int[x.length];
        Random r = new Random(8);
        for (int i = 0; i < x.length; i++) {
            t[i] = r.nextDouble() < 0.4 ? r.nextInt(3) : x[i][0] > 0.5 ? 2 : x[i][1] > 0 ? 1 : 0;
        }
        XGBoostParams p = FAST.withRefitRows(600);
        XGBoostSoftprobClassifier.Model kept = (XGBoostSoftprobClassifier.Model) new XGBoostSoftprobClassifier(p)
                .fit(x, t, 3, null, null, 5);
        int rounds = Integer.parseInt(kept.booster().getAttr(Boosters.BEST_ROUNDS));
        assertTrue(kept.booster().getNumBoostedRound() > rounds,
                kept.booster().getNumBoostedRound() + " rounds boosted, best " + rounds);
        int[] tr = Boosters.validationSplit(x.length, 5, Boosters.KEPT_VALIDATION_ROWS)[1];
        double[][] xTr = new double[tr.length][];
        float[] lTr = new float[tr.length];
        for (int i = 0; i < tr.length; i++) {
            xTr[i] = x[tr[i]];
            lTr[i] = t[tr[i]];
        }
        DMatrix d = Boosters.matrix(xTr);
        d.setLabel(lTr);
        Booster direct = XGBoost.train(d, Boosters.params(p, "multi:softprob", Map.of("num_class", 3), 5), rounds,
                new HashMap<>(), null, null);
        d.dispose();
        double[][] xNew = BoostingData.x(50, 6);
        double[][] expected = new XGBoostSoftprobClassifier.Model(direct, 3).predictProba(xNew);
        double[][] got = kept.predictProba(xNew);
        for (int i = 0; i < xNew.length; i++) {
            assertArrayEquals(expected[i], got[i]);
        }
    }
}
