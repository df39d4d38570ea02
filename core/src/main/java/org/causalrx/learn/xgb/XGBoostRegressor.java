package org.causalrx.learn.xgb;

import java.util.List;

import ml.dmlc.xgboost4j.java.Booster;
import org.causalrx.learn.RegressionModel;
import org.causalrx.learn.Regressor;

/** Gradient-boosted regression trees (squared error). */
public record XGBoostRegressor(XGBoostParams params) implements Regressor {
    public XGBoostRegressor() {
        this(XGBoostParams.defaults());
    }

    @Override
    public RegressionModel fit(double[][] x, double[] y, double[] w, long seed) {
        return fit(x, y, w, null, seed);
    }

    /** The early-stopping validation split keeps rows of one group together ({@code groups} may be null). */
    @Override
    public RegressionModel fit(double[][] x, double[] y, double[] w, int[] groups, long seed) {
        return new Model(Boosters.train(x, y, w, groups, params, "reg:squarederror", java.util.Map.of(), seed));
    }

    /** As {@link Regressor#fitEach}: the same boosters as separate fits, on training matrices built once. */
    @Override
    public List<RegressionModel> fitEach(double[][] x, List<double[]> ys, double[] w, long seed) {
        return Boosters.trainEach(x, ys, w, null, params, "reg:squarederror", java.util.Map.of(), seed).stream()
                .map(b -> (RegressionModel) new Model(b)).toList();
    }

    @Override
    public String name() {
        return "xgboost";
    }

    /** A fitted booster; predictions are read-only uses of it. */
    public static final class Model implements RegressionModel {
        private final Booster booster;

        Model(Booster booster) {
            this.booster = booster;
        }

        /** The booster, for {@link BoosterFiles}. */
        Booster booster() {
            return booster;
        }

        @Override
        public double[] predict(double[][] x) {
            return Boosters.predict(booster, x);
        }

        /** SHAP contributions n × (p + 1); the last column is the bias term. */
        public double[][] shap(double[][] x) {
            return Boosters.contributions(booster, x);
        }
    }
}
