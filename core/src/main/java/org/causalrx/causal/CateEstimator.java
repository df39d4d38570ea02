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

    /**
     * As {@link #fit(double[][], int[], double[], long)} on a bootstrap resample: rows sharing an id in
     * {@code groups} are copies of one patient (the id is the patient's original row), and every internal split
     * (cross-fitting folds, early-stopping validation splits) keeps them on one side, so no patient is used to
     * fit and to judge the same nuisance model. Estimators without internal splits ignore {@code groups};
     * {@code groups == null} is the plain fit.
     *
     * @param groups n group ids, or null
     */
    default CateModel fit(double[][] x, int[] t, double[] y, int[] groups, long seed) {
        return fit(x, t, y, seed);
    }

    /** Stable name, e.g. "t_xgboost", "x_xgboost", "causal_forest". */
    String name();
}
