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

    /**
     * As {@link #fit(double[][], int[], double[], long)} where rows sharing an id in {@code groups} are copies of one
     * patient: any internal split keeps them on one side. Learners without internal splits ignore {@code groups};
     * {@code groups == null} is the plain fit.
     *
     * @param groups n group ids, or null
     */
    default ProbabilityModel fit(double[][] x, int[] t, double[] w, int[] groups, long seed) {
        return fit(x, t, w, seed);
    }

    /** Short stable name, e.g. "l2_logistic", "l1_logistic", "xgboost". */
    String name();
}
