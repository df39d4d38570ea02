package org.causalrx.learn.xgb;

import java.util.HashMap;
import java.util.Map;

import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

/** Package-private glue between row-major double matrices and XGBoost4J. */
final class Boosters {
    private Boosters() {
    }

    static float[] flatten(double[][] x) {
        int n = x.length;
        int p = n == 0 ? 0 : x[0].length;
        float[] flat = new float[n * p];
        for (int i = 0; i < n; i++) {
            double[] row = x[i];
            for (int j = 0; j < p; j++) {
                flat[i * p + j] = (float) row[j];
            }
        }
        return flat;
    }

    static DMatrix matrix(double[][] x) throws XGBoostError {
        int p = x.length == 0 ? 0 : x[0].length;
        return new DMatrix(flatten(x), x.length, p, Float.NaN);
    }

    static float[] toFloat(double[] v) {
        float[] f = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            f[i] = (float) v[i];
        }
        return f;
    }

    /** Trains a booster; labels and weights as given (weights may be null). */
    static Booster train(double[][] x, double[] label, double[] w, XGBoostParams p, String objective, long seed) {
        if (x.length == 0) {
            throw new IllegalArgumentException("cannot fit XGBoost on zero rows");
        }
        DMatrix m = null;
        try {
            m = matrix(x);
            m.setLabel(toFloat(label));
            if (w != null) {
                m.setWeight(toFloat(w));
            }
            Map<String, Object> params = new HashMap<>();
            params.put("objective", objective);
            params.put("max_depth", p.maxDepth());
            params.put("eta", p.eta());
            params.put("subsample", p.subsample());
            params.put("colsample_bytree", p.colsample());
            params.put("min_child_weight", p.minChildWeight());
            params.put("lambda", p.lambda());
            params.put("nthread", p.threads());
            params.put("tree_method", "hist");
            params.put("seed", (int) (seed ^ (seed >>> 32)) & Integer.MAX_VALUE);
            params.put("verbosity", 0);
            return XGBoost.train(m, params, p.rounds(), new HashMap<>(), null, null);
        } catch (XGBoostError e) {
            throw new IllegalStateException("XGBoost training failed: " + e.getMessage(), e);
        } finally {
            if (m != null) {
                m.dispose();
            }
        }
    }

    /** Predictions (transformed by the objective: probabilities for binary:logistic). */
    static double[] predict(Booster booster, double[][] x) {
        if (x.length == 0) {
            return new double[0];
        }
        DMatrix m = null;
        try {
            m = matrix(x);
            float[][] out;
            synchronized (booster) {
                out = booster.predict(m);
            }
            double[] pred = new double[x.length];
            for (int i = 0; i < pred.length; i++) {
                pred[i] = out[i][0];
            }
            return pred;
        } catch (XGBoostError e) {
            throw new IllegalStateException("XGBoost prediction failed: " + e.getMessage(), e);
        } finally {
            if (m != null) {
                m.dispose();
            }
        }
    }

    /** SHAP contributions: n × (p + 1), the last column is the bias. */
    static double[][] contributions(Booster booster, double[][] x) {
        DMatrix m = null;
        try {
            m = matrix(x);
            float[][] out;
            synchronized (booster) {
                out = booster.predictContrib(m, 0);
            }
            double[][] res = new double[out.length][];
            for (int i = 0; i < out.length; i++) {
                res[i] = new double[out[i].length];
                for (int j = 0; j < out[i].length; j++) {
                    res[i][j] = out[i][j];
                }
            }
            return res;
        } catch (XGBoostError e) {
            throw new IllegalStateException("XGBoost SHAP failed: " + e.getMessage(), e);
        } finally {
            if (m != null) {
                m.dispose();
            }
        }
    }
}
