package org.causalrx.pipeline;

import java.util.ArrayList;
import java.util.List;

import org.causalrx.causal.TLearner;
import org.causalrx.learn.ClassifierRegressor;
import org.causalrx.learn.ProbabilityModel;
import org.causalrx.learn.RegressionModel;
import org.causalrx.learn.xgb.XGBoostClassifier;
import org.causalrx.learn.xgb.XGBoostRegressor;

/**
 * Feature importance of the tree models (TRS §3.4, §3.7): mean |SHAP| per feature from XGBoost's exact tree
 * SHAP values ({@code predictContrib}) on the given rows. Linear models are not explained here.
 */
final class Explanations {
    private Explanations() {
    }

    /** SHAP matrix (n × (p + 1), bias last) of a model when it is an XGBoost model, else null. */
    static double[][] shap(Object model, double[][] x) {
        Object m = model instanceof ClassifierRegressor.Fitted f ? f.model() : model;
        if (m instanceof XGBoostRegressor.Model r) {
            return r.shap(x);
        }
        if (m instanceof XGBoostClassifier.Model c) {
            return c.shap(x);
        }
        return null;
    }

    static RunResult.FeatureImportance importance(String model, String scale, double[][] shap, List<String> features) {
        int p = features.size();
        double[] mean = new double[p];
        for (double[] row : shap) {
            for (int j = 0; j < p; j++) {
                mean[j] += Math.abs(row[j]) / shap.length;
            }
        }
        return new RunResult.FeatureImportance(model, scale, features, mean, shap.length);
    }

    /**
     * One explained model's SHAP matrix.
     *
     * @param model the model, as in {@link RunResult.FeatureImportance#model()}
     * @param scale unit of the SHAP values
     * @param shap  n × (p + 1) SHAP values on the explained rows, bias last
     */
    record Explained(String model, String scale, double[][] shap) {
    }

    /**
     * SHAP matrices of the selected propensity model (log-odds) and of each arm model of the XGBoost T-learner on
     * the rows {@code x}, each computed once for both {@link #importances} and {@link #details}.
     */
    static List<Explained> explain(String propensityName, ProbabilityModel propensity,
                                   List<TLearner.Fitted> outcomeModels, double[][] x, String[] armLabels) {
        List<Explained> out = new ArrayList<>();
        double[][] s = shap(propensity, x);
        if (s != null) {
            out.add(new Explained("propensity (" + propensityName + ")", "log-odds of treatment", s));
        }
        for (TLearner.Fitted f : outcomeModels) {
            for (int arm = 0; arm <= 1; arm++) {
                RegressionModel mu = arm == 0 ? f.mu0() : f.mu1();
                double[][] sa = shap(mu, x);
                if (sa != null) {
                    out.add(new Explained(f.name() + ", arm '" + armLabels[arm] + "'",
                            mu instanceof ClassifierRegressor.Fitted ? "log-odds of the outcome" : "outcome units",
                            sa));
                }
            }
        }
        return out;
    }

    /** Mean |SHAP| per feature of each explained model. */
    static List<RunResult.FeatureImportance> importances(List<Explained> explained, List<String> features) {
        return explained.stream().map(e -> importance(e.model(), e.scale(), e.shap(), features)).toList();
    }

    /**
     * Per-patient SHAP values and feature values of the {@code top} features by mean |SHAP| (beeswarm data) of each
     * explained model, on the first {@code rows} rows of {@code x} (the rows the models were explained on); the
     * features are ranked on all explained rows.
     */
    static List<AnalysisFigures.ShapDetail> details(List<Explained> explained, double[][] x, int testPatients,
                                                   List<String> features, int top, int rows) {
        return explained.stream().map(e -> detail(e.model(), e.scale(), e.shap(), x, testPatients, features, top,
                rows)).toList();
    }

    static AnalysisFigures.ShapDetail detail(String model, String scale, double[][] shap, double[][] x,
                                             int testPatients, List<String> features, int top, int rows) {
        double[] mean = importance(model, scale, shap, features).meanAbsShap();
        Integer[] order = new Integer[mean.length];
        for (int j = 0; j < order.length; j++) {
            order[j] = j;
        }
        java.util.Arrays.sort(order, (a, b) -> mean[a] != mean[b] ? Double.compare(mean[b], mean[a])
                : Integer.compare(a, b));
        int k = Math.min(top, order.length);
        List<String> names = new ArrayList<>();
        int n = Math.min(rows, x.length);
        double[][] sv = new double[k][n];
        double[][] fv = new double[k][n];
        for (int r = 0; r < k; r++) {
            int j = order[r];
            names.add(features.get(j));
            for (int i = 0; i < n; i++) {
                sv[r][i] = shap[i][j];
                fv[r][i] = x[i][j];
            }
        }
        return new AnalysisFigures.ShapDetail(model, scale, names, sv, fv, testPatients);
    }
}
