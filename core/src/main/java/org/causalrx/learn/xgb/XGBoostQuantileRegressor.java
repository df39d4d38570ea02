package org.causalrx.learn.xgb;

import java.util.Map;

import org.causalrx.learn.RegressionModel;
import org.causalrx.learn.Regressor;

/**
 * Gradient-boosted conditional quantile regression: XGBoost's pinball-loss objective {@code reg:quantileerror}
 * with {@code quantile_alpha = quantile}. {@code predict} estimates the {@code quantile}-quantile of y given x.
 * Early stopping (when set in the params) scores the validation split with the same pinball loss.
 *
 * @param params   boosting settings
 * @param quantile the quantile level, 0 < quantile < 1
 */
public record XGBoostQuantileRegressor(XGBoostParams params, double quantile) implements Regressor {
    public XGBoostQuantileRegressor {
        if (!(quantile > 0 && quantile < 1)) {
            throw new IllegalArgumentException("quantile must be in (0, 1), got " + quantile);
        }
    }

    @Override
    public RegressionModel fit(double[][] x, double[] y, double[] w, long seed) {
        return new XGBoostRegressor.Model(Boosters.train(x, y, w, params, "reg:quantileerror",
                Map.of("quantile_alpha", quantile), seed));
    }

    @Override
    public String name() {
        return "xgboost_quantile";
    }
}
