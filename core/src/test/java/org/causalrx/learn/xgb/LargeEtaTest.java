package org.causalrx.learn.xgb;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * The large-data learning rate ({@link XGBoostParams#largeRows}, {@link XGBoostParams#forRows}): from the gate on a
 * fit boosts with the larger learning rate, below it with the settings' own, the same bytes as without the rule.
 */
class LargeEtaTest {
    private static final XGBoostParams FAST = BoostingData.FAST;

    private static XGBoostParams eta(XGBoostParams p, double eta) {
        return new XGBoostParams(p.rounds(), p.maxDepth(), eta, p.subsample(), p.colsample(), p.minChildWeight(),
                p.lambda(), p.threads(), p.earlyStopping(), p.refitRows(), Integer.MAX_VALUE, p.largeEta());
    }

    @Test
    void theRuleIsOffByDefaultAndAppliesFromItsGateOn() {
        XGBoostParams d = XGBoostParams.defaults();
        assertEquals(Integer.MAX_VALUE, d.largeRows());
        assertSame(d, d.forRows(1_000_000, 1), "off by default: eta 0.03 at every size");
        XGBoostParams on = d.withLargeEta(100_000, XGBoostParams.DEFAULT_LARGE_ETA);
        assertSame(on, on.forRows(99_999, 1), "below the gate: the settings themselves");
        assertEquals(0.03, on.forRows(99_999, 1).eta());
        assertEquals(0.1, on.forRows(100_000, 1).eta());
        assertEquals(0.1, on.forRows(1_000_000, 1).eta());
        assertEquals(eta(d, 0.1).withLargeEta(100_000, 0.1), on.forRows(100_000, 1), "only the learning rate changes");
        assertEquals(0.3, eta(d, 0.3).withLargeEta(100_000, 0.1).forRows(1_000_000, 1).eta(), "never lowered");
    }

    @Test
    void fromTheGateOnAFitBoostsWithTheLargerLearningRateAndBelowItAsBefore() {
        double[][] x = BoostingData.x(400, 1);
        double[] y = BoostingData.y(x, 2);
        double[][] xNew = BoostingData.x(100, 3);
        XGBoostRegressor.Model at = (XGBoostRegressor.Model) new XGBoostRegressor(FAST.withLargeEta(400, 0.1))
                .fit(x, y, null, 7);
        XGBoostRegressor.Model direct = (XGBoostRegressor.Model) new XGBoostRegressor(eta(FAST, 0.1))
                .fit(x, y, null, 7);
        assertArrayEquals(BoosterFiles.save(direct), BoosterFiles.save(at), "at the gate: the fit with eta 0.1");
        XGBoostRegressor.Model below = (XGBoostRegressor.Model) new XGBoostRegressor(FAST.withLargeEta(401, 0.1))
                .fit(x, y, null, 7);
        XGBoostRegressor.Model off = (XGBoostRegressor.Model) new XGBoostRegressor(
                FAST.withLargeEta(Integer.MAX_VALUE, 0.1)).fit(x, y, null, 7);
        assertArrayEquals(BoosterFiles.save(off), BoosterFiles.save(below), "below the gate: the same bytes");
        assertFalse(Arrays.equals(below.predict(xNew), at.predict(xNew)), "the gate changes the fit");
        // the fit from the gate on travels with the bundle (its booster and best round)
        XGBoostRegressor.Model loaded = BoosterFiles.loadRegressor(BoosterFiles.save(at), "test");
        assertArrayEquals(at.predict(xNew), loaded.predict(xNew));
    }

    @Test
    void theClassifierFollowsTheSameRule() {
        double[][] x = BoostingData.x(500, 4);
        int[] t = new int[x.length];
        Random r = new Random(5);
        for (int i = 0; i < x.length; i++) {
            t[i] = r.nextDouble() < 1 / (1 + Math.exp(-x[i][0])) ? 1 : 0;
        }
        double[][] xNew = BoostingData.x(50, 6);
        double[] at = new XGBoostClassifier(FAST.withLargeEta(500, 0.1)).fit(x, t, null, 9).predictProba(xNew);
        double[] direct = new XGBoostClassifier(eta(FAST, 0.1)).fit(x, t, null, 9).predictProba(xNew);
        double[] below = new XGBoostClassifier(FAST.withLargeEta(501, 0.1)).fit(x, t, null, 9).predictProba(xNew);
        double[] off = new XGBoostClassifier(FAST.withLargeEta(Integer.MAX_VALUE, 0.1)).fit(x, t, null, 9)
                .predictProba(xNew);
        assertArrayEquals(direct, at);
        assertArrayEquals(off, below);
        assertFalse(Arrays.equals(below, at));
    }
}
