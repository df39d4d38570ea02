package org.causalrx.learn;

/**
 * A K-class classification learner (K ≥ 2), e.g. the generalized propensity model P(T = a | x) of a study with K
 * treatment arms; {@code fit} returns a new immutable {@link MultiProbabilityModel}.
 */
public interface MultiClassifier {
    /**
     * @param x    n × p features, row-major; not modified
     * @param t    n labels in {0, …, k − 1}
     * @param k    number of classes K ≥ 2 (a class may be absent from {@code t} only if the learner says so)
     * @param w    n non-negative sample weights, or {@code null} for all ones
     * @param seed seed for every stochastic step of the fit
     */
    MultiProbabilityModel fit(double[][] x, int[] t, int k, double[] w, long seed);

    /** Short stable name, e.g. "multinomial_l2", "xgboost_softprob". */
    String name();
}
