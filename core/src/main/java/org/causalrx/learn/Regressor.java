package org.causalrx.learn;

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

    /** Short stable name, e.g. "xgboost", "ridge", "lasso". */
    String name();
}
