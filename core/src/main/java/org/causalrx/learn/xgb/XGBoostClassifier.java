package org.causalrx.learn.xgb;

import ml.dmlc.xgboost4j.java.Booster;
import org.causalrx.learn.Classifier;
import org.causalrx.learn.ProbabilityModel;

/** Gradient-boosted trees for a binary label (logistic loss). */
public record XGBoostClassifier(XGBoostParams params) implements Classifier {
    public XGBoostClassifier() {
        this(XGBoostParams.defaults());
    }

    @Override
    public ProbabilityModel fit(double[][] x, int[] t, double[] w, long seed) {
        return fit(x, t, w, null, seed);
    }

    /** The early-stopping validation split keeps rows of one group together ({@code groups} may be null). */
    @Override
    public ProbabilityModel fit(double[][] x, int[] t, double[] w, int[] groups, long seed) {
        double[] label = new double[t.length];
        for (int i = 0; i < t.length; i++) {
            if (t[i] != 0 && t[i] != 1) {
                throw new IllegalArgumentException("label must be 0 or 1, row " + i + " has " + t[i]);
            }
            label[i] = t[i];
        }
        return new Model(Boosters.train(x, label, w, groups, params, "binary:logistic",
                java.util.Map.of(), seed));
    }

    @Override
    public String name() {
        return "xgboost";
    }

    /** A fitted booster returning P(t = 1 | x). */
    public static final class Model implements ProbabilityModel {
        private final Booster booster;

        Model(Booster booster) {
            this.booster = booster;
        }

        /** The booster, for {@link BoosterFiles}. */
        Booster booster() {
            return booster;
        }

        @Override
        public double[] predictProba(double[][] x) {
            return Boosters.predict(booster, x);
        }

        /** SHAP contributions on the log-odds scale, n × (p + 1); the last column is the bias term. */
        public double[][] shap(double[][] x) {
            return Boosters.contributions(booster, x);
        }
    }
}
