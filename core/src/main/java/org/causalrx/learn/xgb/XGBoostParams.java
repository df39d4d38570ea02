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
 * @param earlyStopping   0: always boost {@code rounds} rounds; k > 0: choose the number of rounds (at most
 *                        {@code rounds}) on a seeded 20 % internal validation split, stopping after k rounds
 *                        without improvement, then refit on all rows with that many rounds
 */
public record XGBoostParams(int rounds, int maxDepth, double eta, double subsample, double colsample,
                            double minChildWeight, double lambda, int threads, int earlyStopping) {
    public XGBoostParams {
        if (rounds < 1 || maxDepth < 1 || eta <= 0 || subsample <= 0 || subsample > 1 || colsample <= 0
                || colsample > 1 || minChildWeight < 0 || lambda < 0 || threads < 1 || earlyStopping < 0) {
            throw new IllegalArgumentException("invalid XGBoost parameters: " + this);
        }
    }

    /**
     * Depth-3 trees, learning rate 0.03, 80 % row and column subsampling; the number of rounds (at most 2,000)
     * is chosen by early stopping (patience 50) on an internal seeded validation split, then refit on all rows.
     */
    public static XGBoostParams defaults() {
        return new XGBoostParams(2000, 3, 0.03, 0.8, 0.8, 5.0, 1.0, 1, 50);
    }

    public XGBoostParams withRounds(int r) {
        return new XGBoostParams(r, maxDepth, eta, subsample, colsample, minChildWeight, lambda, threads,
                earlyStopping);
    }

    public XGBoostParams withEarlyStopping(int patience) {
        return new XGBoostParams(rounds, maxDepth, eta, subsample, colsample, minChildWeight, lambda, threads,
                patience);
    }

    public XGBoostParams withDepth(int depth) {
        return new XGBoostParams(rounds, depth, eta, subsample, colsample, minChildWeight, lambda, threads,
                earlyStopping);
    }
}
