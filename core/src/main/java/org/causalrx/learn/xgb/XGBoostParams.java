package org.causalrx.learn.xgb;

/**
 * Gradient-boosting settings (XGBoost names). Defaults are conservative for cohorts of a few thousand rows.
 *
 * @param rounds          boosting rounds
 * @param maxDepth        tree depth
 * @param eta             learning rate
 * @param subsample       row subsample per tree
 * @param colsample       column subsample per tree
 * @param minChildWeight  minimum hessian weight in a leaf
 * @param lambda          L2 penalty on leaf values
 * @param threads         native threads (1 keeps runs byte-identical and cheap on small data)
 */
public record XGBoostParams(int rounds, int maxDepth, double eta, double subsample, double colsample,
                            double minChildWeight, double lambda, int threads) {
    public XGBoostParams {
        if (rounds < 1 || maxDepth < 1 || eta <= 0 || subsample <= 0 || subsample > 1 || colsample <= 0
                || colsample > 1 || minChildWeight < 0 || lambda < 0 || threads < 1) {
            throw new IllegalArgumentException("invalid XGBoost parameters: " + this);
        }
    }

    /** 300 rounds of depth-3 trees, learning rate 0.03, 80 % row and column subsampling. */
    public static XGBoostParams defaults() {
        return new XGBoostParams(300, 3, 0.03, 0.8, 0.8, 5.0, 1.0, 1);
    }

    public XGBoostParams withRounds(int r) {
        return new XGBoostParams(r, maxDepth, eta, subsample, colsample, minChildWeight, lambda, threads);
    }
}
