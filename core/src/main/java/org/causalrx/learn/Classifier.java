package org.causalrx.learn;

/** A binary classification learner; {@code fit} returns a new immutable probability model. */
public interface Classifier {
    /**
     * @param x    n × p features, row-major; not modified
     * @param t    n labels in {0, 1}
     * @param w    n non-negative sample weights, or {@code null} for all ones
     * @param seed seed for every stochastic step of the fit
     */
    ProbabilityModel fit(double[][] x, int[] t, double[] w, long seed);

    /** Short stable name, e.g. "l2_logistic", "l1_logistic", "xgboost". */
    String name();
}
