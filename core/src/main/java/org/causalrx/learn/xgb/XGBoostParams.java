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
 * @param threads         native threads below {@link #THREAD_ROWS} training rows (from there on every core:
 *                        {@link #forRows}); XGBoost's hist trees, predictions and validation metrics are the same
 *                        bits on any thread count (XGBoostThreadsTest), so this sets speed only
 * @param earlyStopping   0: always boost {@code rounds} rounds; k > 0: choose the number of rounds (at most
 *                        {@code rounds}) on a seeded 20 % internal validation split, stopping after k rounds
 *                        without improvement, then refit on all rows with that many rounds (below
 *                        {@code refitRows} training rows)
 * @param refitRows       with early stopping, training sets of n ≥ refitRows rows keep the booster of the
 *                        early-stopping pass, cut at its best round, instead of refitting on all rows (the refit
 *                        costs as much again as the pass); that pass validates on min(n/5, 10,000) rows and boosts
 *                        on the rest (90 % at 100,000 rows, 99 % at 10⁶); smaller training sets refit as before
 *                        (default {@link #DEFAULT_REFIT_ROWS}; {@code Integer.MAX_VALUE}: always refit)
 * @param largeRows       training sets of n ≥ largeRows rows boost with the learning rate max(eta, largeEta)
 *                        instead of eta ({@link #forRows}); smaller ones with eta, exactly as before (default
 *                        {@link #DEFAULT_LARGE_ROWS}; {@code Integer.MAX_VALUE}: eta at every size)
 * @param largeEta        the learning rate from {@code largeRows} training rows on, at least (default
 *                        {@link #DEFAULT_LARGE_ETA})
 */
public record XGBoostParams(int rounds, int maxDepth, double eta, double subsample, double colsample,
                            double minChildWeight, double lambda, int threads, int earlyStopping, int refitRows,
                            int largeRows, double largeEta) {
    /**
     * Training rows from which an early-stopped fit keeps its early-stopping booster: 100,000, so the kept booster
     * has been boosted on at least 90 % of the rows (its validation side is 10,000 rows). On the synthetic scale
     * design the kept booster's CATE error was 5.6 % above the refit's with 82 % of the rows (arms of 55,000) and
     * 1 % above with 93 % (arms of 150,000), for half the CPU time (docs/BENCHMARKS.md, scale section). Every study
     * of a few thousand patients, the NHEFS demo and the deferral's subsample refits are fit exactly as before.
     */
    public static final int DEFAULT_REFIT_ROWS = 100_000;

    /**
     * Training rows from which a fit boosts with a larger learning rate: none ({@code Integer.MAX_VALUE}), the rule
     * is off by default and every fit boosts with {@code eta}. Measured for issue 19 on the synthetic scale design
     * (docs/BENCHMARKS.md, scale section, "Learning rate at large n"): eta 0.1 instead of 0.03 cut the XGBoost
     * T-learner's CPU time 2.2–2.7× with arms of 50,000–150,000 rows, but raised its CATE RMSE by 14–19 %
     * (dr_xgboost at 300,000 rows: 1.2× less CPU, +5.9 %); eta 0.045–0.06 cut it 1.4–1.9× for +0.6 % to +8 % (eta
     * 0.045: mean +4 % over 4 data sets). That is not "the same accuracy", so the default keeps 0.03;
     * {@link #withLargeEta}(100_000, {@link #DEFAULT_LARGE_ETA}) turns the measured candidate on.
     */
    public static final int DEFAULT_LARGE_ROWS = Integer.MAX_VALUE;

    /**
     * Training rows from which a fit boosts on every core of the machine ({@link #forRows}), whatever
     * {@code threads} says: a fit on that many rows often runs alone at the end of a parallel step (a final stage, the
     * last cross-fitting fold), leaving the other cores idle. Measured on 2 cores (docs/BENCHMARKS.md, "10⁶ × 200"):
     * one fit on 200,000 × 100 rows 1.9–2.0× faster on 2 threads, two such fits at once on 2 threads each as fast as
     * on 1 each; below, on 2,000–20,000 rows, two concurrent fits on 2 threads each were up to 1.5× slower, so smaller
     * fits keep {@code threads}. The model is the same bits either way.
     */
    public static final int THREAD_ROWS = 100_000;

    /** The large-data learning rate measured (used from {@code largeRows} training rows on, see {@link #forRows}). */
    public static final double DEFAULT_LARGE_ETA = 0.1;

    /** As the canonical constructor with {@link #DEFAULT_REFIT_ROWS} and the large-data rule off. */
    public XGBoostParams(int rounds, int maxDepth, double eta, double subsample, double colsample,
                         double minChildWeight, double lambda, int threads, int earlyStopping) {
        this(rounds, maxDepth, eta, subsample, colsample, minChildWeight, lambda, threads, earlyStopping,
                DEFAULT_REFIT_ROWS);
    }

    /** As the canonical constructor with the large-data rule off ({@link #DEFAULT_LARGE_ROWS}). */
    public XGBoostParams(int rounds, int maxDepth, double eta, double subsample, double colsample,
                         double minChildWeight, double lambda, int threads, int earlyStopping, int refitRows) {
        this(rounds, maxDepth, eta, subsample, colsample, minChildWeight, lambda, threads, earlyStopping, refitRows,
                DEFAULT_LARGE_ROWS, DEFAULT_LARGE_ETA);
    }

    public XGBoostParams {
        check(rounds >= 1, "rounds must be at least 1, got " + rounds);
        check(maxDepth >= 1, "max_depth must be at least 1, got " + maxDepth);
        check(eta > 0 && eta <= 1, "eta (learning rate) must be in (0, 1], got " + eta);
        check(subsample > 0 && subsample <= 1, "subsample must be in (0, 1], got " + subsample);
        check(colsample > 0 && colsample <= 1, "colsample must be in (0, 1], got " + colsample);
        check(minChildWeight >= 0, "min_child_weight must be >= 0, got " + minChildWeight);
        check(lambda >= 0, "lambda must be >= 0, got " + lambda);
        check(threads >= 1, "threads must be at least 1, got " + threads);
        check(earlyStopping >= 0, "early_stopping must be >= 0, got " + earlyStopping);
        check(refitRows >= 1, "refit rows must be at least 1, got " + refitRows);
        check(largeRows >= 1, "large rows must be at least 1, got " + largeRows);
        check(largeEta > 0 && largeEta <= 1, "large-data eta must be in (0, 1], got " + largeEta);
    }

    /**
     * The settings a fit on {@code n} training rows boosts with: these, with the learning rate raised to
     * {@code largeEta} when n ≥ {@code largeRows} (never lowered: a larger eta stays), and on every core from
     * {@link #THREAD_ROWS} rows on (the same model); below the gates these settings themselves, so every smaller fit
     * is the same bytes as without the rules.
     */
    public XGBoostParams forRows(int n) {
        return forRows(n, Runtime.getRuntime().availableProcessors());
    }

    /**
     * As {@link #forRows(int)} on a machine with {@code cores} cores: also on max(threads, cores) native threads from
     * {@link #THREAD_ROWS} rows on (the same model, sooner).
     */
    XGBoostParams forRows(int n, int cores) {
        XGBoostParams p = this;
        if (n >= largeRows && eta < largeEta) {
            p = new XGBoostParams(rounds, maxDepth, largeEta, subsample, colsample, minChildWeight, lambda, threads,
                    earlyStopping, refitRows, largeRows, largeEta);
        }
        if (n >= THREAD_ROWS && cores > threads) {
            p = p.withThreads(cores);
        }
        return p;
    }

    /** The same settings on {@code t} native threads. */
    public XGBoostParams withThreads(int t) {
        return new XGBoostParams(rounds, maxDepth, eta, subsample, colsample, minChildWeight, lambda, t,
                earlyStopping, refitRows, largeRows, largeEta);
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException("invalid XGBoost parameters: " + message);
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
                earlyStopping, refitRows, largeRows, largeEta);
    }

    public XGBoostParams withEarlyStopping(int patience) {
        return new XGBoostParams(rounds, maxDepth, eta, subsample, colsample, minChildWeight, lambda, threads,
                patience, refitRows, largeRows, largeEta);
    }

    /** The same settings, keeping the early-stopping booster from {@code rows} training rows on. */
    public XGBoostParams withRefitRows(int rows) {
        return new XGBoostParams(rounds, maxDepth, eta, subsample, colsample, minChildWeight, lambda, threads,
                earlyStopping, rows, largeRows, largeEta);
    }

    /**
     * The same settings, boosting with a learning rate of at least {@code largeEta} from {@code rows} training rows
     * on ({@code Integer.MAX_VALUE}: {@code eta} at every size).
     */
    public XGBoostParams withLargeEta(int rows, double largeEta) {
        return new XGBoostParams(rounds, maxDepth, eta, subsample, colsample, minChildWeight, lambda, threads,
                earlyStopping, refitRows, rows, largeEta);
    }

    public XGBoostParams withDepth(int depth) {
        return new XGBoostParams(rounds, depth, eta, subsample, colsample, minChildWeight, lambda, threads,
                earlyStopping, refitRows, largeRows, largeEta);
    }
}
