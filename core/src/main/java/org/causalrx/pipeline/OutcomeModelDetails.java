package org.causalrx.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.causalrx.causal.TLearner;
import org.causalrx.learn.ClassifierRegressor;
import org.causalrx.learn.ProbabilityModel;
import org.causalrx.learn.RegressionModel;
import org.causalrx.learn.linear.LinearModel;
import org.causalrx.learn.linear.LogisticModel;
import org.causalrx.learn.linear.MultinomialModel;
import org.causalrx.util.Stats;

/**
 * Explanations of the linear models and error distributions of the outcome models:
 * standardised coefficients of every linear propensity model and of each arm of every linear T-learner, and
 * the errors (observed − predicted) of each T-learner's arm model on the patients of a split who received
 * that arm (paper Fig. S.5). Computes only; the report draws.
 */
final class OutcomeModelDetails {
    private OutcomeModelDetails() {
    }

    /**
     * Standardised coefficients, propensity models first (in the order given), then outcome models per arm.
     * Models that are not linear (XGBoost, forests) are skipped.
     */
    static List<LinearCoefficients> coefficients(Map<String, ProbabilityModel> propensity,
                                                 List<TLearner.Fitted> outcomeModels, List<String> features,
                                                 String[] armLabels) {
        List<LinearCoefficients> out = new ArrayList<>();
        propensity.forEach((name, m) -> {
            double[] c = standardized(m);
            if (c != null) {
                out.add(new LinearCoefficients("propensity (" + name + lambdaNote(m) + ")",
                        "log-odds of treatment per SD", features, c));
            }
        });
        for (TLearner.Fitted f : outcomeModels) {
            for (int arm = 0; arm <= 1; arm++) {
                RegressionModel mu = arm == 0 ? f.mu0() : f.mu1();
                double[] c = standardized(mu);
                if (c != null) {
                    out.add(new LinearCoefficients(f.name() + ", arm '" + armLabels[arm] + "'" + lambdaNote(mu),
                            mu instanceof ClassifierRegressor.Fitted ? "log-odds of the outcome per SD"
                                    : "outcome units per SD", features, c));
                }
            }
        }
        return out;
    }

    /**
     * "" when the model's penalty was chosen by cross-validation on all its training rows (or fixed), else e.g.
     * "; penalty chosen by cross-validation on a seeded subsample of 21,779 rows, rescaled to all rows".
     */
    static String lambdaNote(Object model) {
        Object m = model instanceof ClassifierRegressor.Fitted f ? f.model() : model;
        int rows = m instanceof LinearModel lin ? lin.lambdaCvRows()
                : m instanceof LogisticModel logit ? logit.lambdaCvRows()
                : m instanceof MultinomialModel multi ? multi.lambdaCvRows() : 0;
        return rows == 0 ? "" : String.format(java.util.Locale.ROOT, "; penalty chosen by cross-validation on a"
                + " seeded subsample of %,d rows, rescaled to all rows", rows);
    }

    /** Standardised coefficients of a linear or logistic model (also inside a ClassifierRegressor), else null. */
    static double[] standardized(Object model) {
        Object m = model instanceof ClassifierRegressor.Fitted f ? f.model() : model;
        if (m instanceof LinearModel l) {
            return l.standardizedCoefficients();
        }
        if (m instanceof LogisticModel l) {
            return l.standardizedCoefficients();
        }
        return null;
    }

    /** Observed minus predicted outcome per T-learner and arm on {@code rows} (e.g. the validation split). */
    static List<ModelFigures.Residuals> residuals(List<TLearner.Fitted> models, double[][] x, int[] t, double[] y,
                                                  int[] rows, String split, String[] armLabels) {
        List<ModelFigures.Residuals> out = new ArrayList<>();
        for (TLearner.Fitted f : models) {
            for (int arm = 0; arm <= 1; arm++) {
                final int a = arm;
                int[] armRows = java.util.Arrays.stream(rows).filter(i -> t[i] == a).toArray();
                if (armRows.length == 0) {
                    continue;
                }
                double[] pred = f.mu(Stats.select(x, armRows), arm);
                double[] res = new double[armRows.length];
                for (int i = 0; i < armRows.length; i++) {
                    res[i] = y[armRows[i]] - pred[i];
                }
                out.add(new ModelFigures.Residuals(f.name(), armLabels[arm], split, res));
            }
        }
        return out;
    }
}
