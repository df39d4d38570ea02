package org.causalrx.causal;

/**
 * A CATE estimator: a configuration; {@code fit} returns a new immutable {@link CateModel}.
 * One vocabulary for every estimator (meta-learners, forests, BART, neural nets).
 */
public interface CateEstimator {
    /**
     * @param x    n × p covariates (not modified)
     * @param t    0/1 treatment
     * @param y    outcome
     * @param seed seed for every stochastic step
     */
    CateModel fit(double[][] x, int[] t, double[] y, long seed);

    /** Stable name, e.g. "t_xgboost", "x_xgboost", "causal_forest". */
    String name();
}
