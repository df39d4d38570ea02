package org.causalrx.learn;

import java.util.ArrayList;
import java.util.List;

/**
 * A regression learner: a configuration, never fitted state. {@code fit} returns a new immutable model.
 */
public interface Regressor {
    /**
     * @param x    n rows × p features, row-major; not modified
     * @param y    n targets
     * @param w    n non-negative sample weights, or {@code null} for all ones
     * @param seed seed for every stochastic step of the fit
     */
    RegressionModel fit(double[][] x, double[] y, double[] w, long seed);

    /**
     * As {@link #fit(double[][], double[], double[], long)} where rows sharing an id in {@code groups} are copies of
     * one patient (a bootstrap resample): any internal split (e.g. an early-stopping validation split) keeps them
     * on one side. Learners without internal splits ignore {@code groups}; {@code groups == null} is the plain fit.
     *
     * @param groups n group ids, or null
     */
    default RegressionModel fit(double[][] x, double[] y, double[] w, int[] groups, long seed) {
        return fit(x, y, w, seed);
    }

    /**
     * One model per target of {@code ys} on the same rows, weights and seed: model k is the model
     * {@code fit(x, ys.get(k), w, seed)} gives. Learners that can share work between such fits override it (XGBoost
     * quantises x once for all of them); the default fits them one after another.
     */
    default List<RegressionModel> fitEach(double[][] x, List<double[]> ys, double[] w, long seed) {
        List<RegressionModel> out = new ArrayList<>();
        for (double[] y : ys) {
            out.add(fit(x, y, w, seed));
        }
        return out;
    }

    /** Short stable name, e.g. "xgboost", "ridge", "lasso". */
    String name();
}
