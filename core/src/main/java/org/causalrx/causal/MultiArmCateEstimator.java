package org.causalrx.causal;

/**
 * A CATE estimator for K ≥ 2 treatment arms: a configuration; {@code fit} returns a new immutable
 * {@link MultiArmCateModel}. Arm 0 is the reference (the study's first arm).
 */
public interface MultiArmCateEstimator {
    /**
     * @param x    n × p covariates (not modified)
     * @param t    n arms in {0, …, k − 1}; every arm must occur
     * @param k    number of arms K ≥ 2
     * @param y    n outcomes
     * @param seed seed for every stochastic step
     */
    MultiArmCateModel fit(double[][] x, int[] t, int k, double[] y, long seed);

    /** Stable name, e.g. "t_xgboost", "causal_forest". */
    String name();
}
