package org.causalrx.learn.linear;


import org.causalrx.util.CausalRxException;
import org.causalrx.util.Seeds;

/**
 * Fits a penalised linear model: λ path from λ_max, warm starts, k-fold cross-validation (weighted mean squared
 * error or weighted binomial deviance on the held-out rows) to pick λ, the path extended downwards while the CV
 * minimum sits at its end ({@link PathCv}), and the all-data solution at that λ.
 *
 * <p>Large n: when the rows number at least twice {@link #cvRows} m = max(20,000, ⌈n^0.75⌉) (the subsample rule of
 * the deferral's refits), λ is chosen by the same path and cross-validation on a seeded subsample of m rows
 * without replacement, then rescaled to n by {@code λ_n = λ_m · (m/n)^(1 − α/2)} (the penalty is on the mean loss:
 * a ridge penalty that stays fixed against the summed loss scales like 1/n, a lasso penalty at the usual
 * √(log p / n) rate like 1/√n; the elastic net interpolates), and the model is fitted on all n rows at that λ
 * (warm-started along a {@value LogisticRegression#FIXED_PATH_POINTS}-point path from λ_max). Below the gate the
 * fit is unchanged.
 */
final class PenalizedPath {
    /** Designs of at least this many cells (rows × columns) fit their CV folds on several threads. */
    static final long PARALLEL_CELLS = 1_000_000L;
    /** Smallest cross-validation subsample of the large-n rule, in rows. */
    static final int CV_ROWS_FLOOR = 20_000;
    /** {@code cvRows} setting that never subsamples (the full path on all rows at every n). */
    static final int CV_ALL_ROWS = Integer.MAX_VALUE;

    /** Response family. */
    enum Family { GAUSSIAN, BINOMIAL }

    /**
     * Fitted coefficients on the original scale.
     *
     * @param cvRows     rows the cross-validation that chose λ ran on: n for the full path, m for the large-n
     *                   subsample, 0 for a fixed λ
     * @param pathPoints λ values the cross-validation evaluated (the path with its extension; 0 for a fixed λ)
     * @param chosen     index of the chosen λ among them (0 for a fixed λ)
     */
    record Result(double intercept, double[] coefficients, double[] featureSd, double lambda, int cvRows,
                  int pathPoints, int chosen) {
    }

    /** Rows of the large-n cross-validation subsample for n rows: max(20,000, ⌈n^0.75⌉). */
    static int cvRows(int n) {
        return Math.max(CV_ROWS_FLOOR, (int) Math.ceil(Math.pow(n, 0.75)));
    }

    /** Whether λ is chosen on a subsample of m of n rows: n ≥ 2m. */
    static boolean subsamples(int m, int n) {
        return m >= 1 && n >= 2L * m;
    }

    /** The subsample's λ carried to n rows: {@code λ_m · (m/n)^(1 − α/2)}. */
    static double rescale(double lambdaM, int m, int n, double alpha) {
        return lambdaM * Math.pow((double) m / n, 1 - alpha / 2);
    }

    private PenalizedPath() {
    }

    /** Fits; x, y (0/1 for BINOMIAL) and w (positive sum) are already validated. */
    static Result fit(Family family, double[][] x, double[] y, double[] w, long seed, double alpha,
                      LinearSettings s) {
        return fit(family, x, y, w, null, seed, alpha, s);
    }

    /** As above; cross-validation folds keep rows sharing an id in {@code groups} (may be null) together. */
    static Result fit(Family family, double[][] x, double[] y, double[] w, int[] groups, long seed, double alpha,
                      LinearSettings s) {
        return fit(family, x, y, w, groups, seed, alpha, s, Design.preferredLayout(x));
    }

    /**
     * As above with the design layout given: DENSE fits by covariance updates, SPARSE by residual updates that
     * skip the zeros of mostly-zero columns. Both minimise the same convex objective.
     */
    static Result fit(Family family, double[][] x, double[] y, double[] w, int[] groups, long seed, double alpha,
                      LinearSettings s, Design.Layout layout) {
        return fit(family, x, y, w, groups, seed, alpha, s, layout,
                x.length * (long) x[0].length >= PARALLEL_CELLS);
    }

    /** As above; {@code parallelFolds} fits the CV folds on several threads (same result either way). */
    static Result fit(Family family, double[][] x, double[] y, double[] w, int[] groups, long seed, double alpha,
                      LinearSettings s, Design.Layout layout, boolean parallelFolds) {
        return fit(family, x, y, w, groups, seed, alpha, s, layout, parallelFolds, 0);
    }

    /**
     * As above; {@code cvRowsSetting} is the subsample size m of the large-n rule (0: {@link #cvRows}(n);
     * {@link #CV_ALL_ROWS}: never subsample).
     */
    static Result fit(Family family, double[][] x, double[] y, double[] w, int[] groups, long seed, double alpha,
                      LinearSettings s, Design.Layout layout, boolean parallelFolds, int cvRowsSetting) {
        return fit(family, x, y, w, groups, seed, alpha, s, layout, parallelFolds, cvRowsSetting, Design.VIEW_CELLS);
    }

    /**
     * As above; dense designs of at least {@code viewCells} cells are read from x, not copied
     * ({@link Design#VIEW_CELLS}; the same values either way, so the same fit bit for bit).
     */
    static Result fit(Family family, double[][] x, double[] y, double[] w, int[] groups, long seed, double alpha,
                      LinearSettings s, Design.Layout layout, boolean parallelFolds, int cvRowsSetting,
                      long viewCells) {
        int n = x.length;
        int p = x[0].length;
        int m = cvRowsSetting > 0 ? cvRowsSetting : cvRows(n);
        if (!s.hasFixedLambda() && subsamples(m, n)) {
            Result sub = subsampleLambda(family, x, y, w, groups, seed, alpha, s, layout, m, viewCells);
            if (sub != null) {
                double lambda = rescale(sub.lambda(), m, n, alpha);
                Result r = fit(family, x, y, w, groups, seed, alpha,
                        s.withFixedLambda(lambda).withNLambda(LogisticRegression.FIXED_PATH_POINTS), layout,
                        parallelFolds, CV_ALL_ROWS, viewCells);
                return new Result(r.intercept(), r.coefficients(), r.featureSd(), lambda, m, sub.pathPoints(),
                        sub.chosen());
            }
        }
        int[] all = new int[n];
        for (int i = 0; i < n; i++) {
            all[i] = i;
        }
        Design full = Design.of(x, w, all, layout, (long) n * p >= viewCells);
        PathSolver solver = solver(family, full, y, alpha, s, !s.hasFixedLambda());
        double lambdaMax = solver.lambdaMax();
        if (s.hasFixedLambda() || !(lambdaMax > 0) || !Double.isFinite(lambdaMax)) {
            double target = s.hasFixedLambda() ? s.fixedLambda() : 0.0;
            if (lambdaMax > target && Double.isFinite(lambdaMax)) {
                double[] path = logPath(lambdaMax, target > 0 ? target / lambdaMax : 1e-4, s.nLambda());
                for (int l = 0; l < path.length - 1; l++) {
                    solver.solve(path[l]);
                }
            }
            solver.solve(target);
            return result(solver.originalCoefficients(), full, target, 0, 0, 0);
        }
        double ratio = Double.isNaN(s.lambdaMinRatio()) ? (n > p ? 1e-4 : 1e-2) : s.lambdaMinRatio();
        double[] lambdas = logPath(lambdaMax, ratio, s.nLambda());
        double[][] path = new double[lambdas.length][];
        int nl = 0;
        while (nl < lambdas.length && !solver.saturated()) {
            solver.solve(lambdas[nl]);
            path[nl++] = solver.originalCoefficients();
        }
        lambdas = java.util.Arrays.copyOf(lambdas, nl); // the path stops early once the fit stops improving
        int k = Math.min(s.folds(), n);
        if (k < 2) {
            throw new CausalRxException("cross-validation needs at least 2 rows; set a fixed lambda instead");
        }
        int[] fold = Folds.assign(n, k, seed, family == Family.BINOMIAL ? y : null, groups);
        PathCv.Fold[] folds = new PathCv.Fold[k];
        for (int f = 0; f < k; f++) {
            folds[f] = new CvFold(family, x, y, w, alpha, s, layout, viewCells, fold, f);
        }
        // the folds are independent fits: on several threads for large designs (same losses either way)
        PathCv.Choice c = PathCv.choose(solver, lambdas, path, nl, nl == path.length, lambdaMax, ratio,
                s.nLambda(), folds, parallelFolds, s.oneStandardErrorRule(), s.extendPath());
        return result(c.coefficients(), full, c.lambda(), n, c.points(), c.index());
    }

    /**
     * The full-path fit on a seeded subsample of m rows (without replacement, in row order), or null when the
     * subsample cannot choose λ (no weight, or a path that does not start: then the caller fits on all rows).
     */
    private static Result subsampleLambda(Family family, double[][] x, double[] y, double[] w, int[] groups,
                                          long seed, double alpha, LinearSettings s, Design.Layout layout, int m,
                                          long viewCells) {
        Subsample sub = Subsample.draw(x, w, groups, m, seed);
        if (!(sub.weight() > 0)) {
            return null;
        }
        double[] ys = new double[m];
        for (int i = 0; i < m; i++) {
            ys[i] = y[sub.rows()[i]];
        }
        Result r = fit(family, sub.x(), ys, sub.w(), sub.groups(), seed, alpha, s, layout,
                m * (long) x[0].length >= PARALLEL_CELLS, CV_ALL_ROWS, viewCells);
        return r.cvRows() == m && r.lambda() > 0 ? r : null;
    }

    /**
     * The seeded cross-validation subsample of the large-n rule (shared with {@link MultinomialPath}): m rows drawn
     * without replacement with seed {@code Seeds.derive(seed, "linear-cv-subsample")}, in row order.
     *
     * @param rows   the rows drawn, ascending
     * @param x      their features (the rows of x, not copies)
     * @param w      their weights
     * @param groups their group ids, or null
     * @param weight the sum of their weights
     */
    record Subsample(int[] rows, double[][] x, double[] w, int[] groups, double weight) {
        static Subsample draw(double[][] x, double[] w, int[] groups, int m, long seed) {
            int[] rows = sampleRows(x.length, m, Seeds.derive(seed, "linear-cv-subsample"));
            double[][] xs = new double[m][];
            double[] ws = new double[m];
            int[] gs = groups == null ? null : new int[m];
            double weight = 0;
            for (int i = 0; i < m; i++) {
                int r = rows[i];
                xs[i] = x[r];
                ws[i] = w[r];
                weight += w[r];
                if (gs != null) {
                    gs[i] = groups[r];
                }
            }
            return new Subsample(rows, xs, ws, gs, weight);
        }
    }

    /** m distinct row indices of 0..n−1 (a seeded partial shuffle), ascending. */
    static int[] sampleRows(int n, int m, long seed) {
        return org.causalrx.util.Stats.sampleIndices(n, m, seed);
    }

    /**
     * Fold {@code f} of the cross-validation: its solver on the other folds' rows (built on the first walk, so on
     * the thread that walks it) and the squared error or deviance on its own rows.
     */
    private static final class CvFold implements PathCv.Fold {
        private final Family family;
        private final double[][] x;
        private final double[] y;
        private final double[] w;
        private final double alpha;
        private final LinearSettings s;
        private final Design.Layout layout;
        private final long viewCells;
        private final int[] train;
        private final int[] test;
        private final double weight;
        private PathSolver solver;
        private double last;

        CvFold(Family family, double[][] x, double[] y, double[] w, double alpha, LinearSettings s,
               Design.Layout layout, long viewCells, int[] fold, int f) {
            this.family = family;
            this.x = x;
            this.y = y;
            this.w = w;
            this.alpha = alpha;
            this.s = s;
            this.layout = layout;
            this.viewCells = viewCells;
            int[][] split = split(fold, f);
            this.train = split[0];
            this.test = split[1];
            double trainWeight = 0;
            for (int r : train) {
                trainWeight += w[r];
            }
            double testWeight = 0;
            for (int r : test) {
                testWeight += w[r];
            }
            this.weight = trainWeight > 0 && testWeight > 0 ? testWeight : 0;
        }

        @Override
        public double weight() {
            return weight;
        }

        @Override
        public void walk(double[] lambdas, int from, int to, double[] loss) {
            if (solver == null) {
                solver = solver(family, Design.of(x, w, train, layout,
                        (long) train.length * x[0].length >= viewCells), y, alpha, s, true);
            }
            for (int l = from; l < to; l++) {
                if (l == 0 || !solver.saturated()) {
                    solver.solve(lambdas[l]);
                    last = heldOutLoss(family, solver.originalCoefficients(), x, y, w, test);
                }
                loss[l] = last;
            }
        }
    }

    /** {@code m} log-spaced values from {@code max} down to {@code max·ratio} (exactly, as the last value). */
    static double[] logPath(double max, double ratio, int m) {
        double[] out = new double[m];
        if (m == 1) {
            out[0] = max * ratio;
            return out;
        }
        double logRatio = Math.log(ratio);
        for (int l = 0; l < m; l++) {
            out[l] = max * Math.exp(logRatio * l / (m - 1));
        }
        out[0] = max;
        out[m - 1] = max * ratio;
        return out;
    }

    /**
     * Index of the chosen λ: minimum weighted CV error (the first, i.e. largest λ, on ties), or with the 1-SE rule
     * the largest λ whose CV error is at most the minimum plus its standard error.
     */
    static int choose(double[][] loss, double[] foldWeight, boolean oneSe) {
        int k = loss.length;
        int nl = loss[0].length;
        double totalWeight = 0;
        int used = 0;
        for (int f = 0; f < k; f++) {
            totalWeight += foldWeight[f];
            used += foldWeight[f] > 0 ? 1 : 0;
        }
        double[] cvm = new double[nl];
        double[] cvsd = new double[nl];
        for (int l = 0; l < nl; l++) {
            double sum = 0;
            for (int f = 0; f < k; f++) {
                sum += loss[f][l];
            }
            cvm[l] = sum / totalWeight;
            double ss = 0;
            for (int f = 0; f < k; f++) {
                if (foldWeight[f] > 0) {
                    double e = loss[f][l] / foldWeight[f] - cvm[l];
                    ss += foldWeight[f] * e * e;
                }
            }
            cvsd[l] = used > 1 ? Math.sqrt(ss / totalWeight / (used - 1)) : 0;
        }
        int best = 0;
        for (int l = 1; l < nl; l++) {
            if (cvm[l] < cvm[best]) {
                best = l;
            }
        }
        if (!oneSe) {
            return best;
        }
        double bound = cvm[best] + cvsd[best];
        for (int l = 0; l < best; l++) {
            if (cvm[l] <= bound) {
                return l;
            }
        }
        return best;
    }

    private static PathSolver solver(Family family, Design d, double[] y, double alpha, LinearSettings s,
                                     boolean earlyStop) {
        if (d.layout == Design.Layout.SPARSE) {
            return family == Family.GAUSSIAN ? new SparseGaussianSolver(d, y, alpha, s)
                    : new SparseLogisticSolver(d, y, alpha, s, earlyStop);
        }
        return family == Family.GAUSSIAN ? new GaussianSolver(d, y, alpha, s)
                : new LogisticSolver(d, y, alpha, s, earlyStop);
    }

    /** Rows of fold f (test) and of the other folds (train), ascending. */
    private static int[][] split(int[] fold, int f) {
        int nt = 0;
        for (int g : fold) {
            nt += g == f ? 1 : 0;
        }
        int[] test = new int[nt];
        int[] train = new int[fold.length - nt];
        int a = 0;
        int b = 0;
        for (int i = 0; i < fold.length; i++) {
            if (fold[i] == f) {
                test[a++] = i;
            } else {
                train[b++] = i;
            }
        }
        return new int[][] {train, test};
    }

    /** Σ w_i · loss_i over the test rows (squared error or binomial deviance). */
    private static double heldOutLoss(Family family, double[] coef, double[][] x, double[] y, double[] w,
                                      int[] test) {
        double sum = 0;
        int p = coef.length - 1;
        int[] nonZero = new int[p]; // terms with a zero coefficient add exactly 0 (x is finite)
        int m = 0;
        for (int j = 0; j < p; j++) {
            if (coef[j + 1] != 0) {
                nonZero[m++] = j;
            }
        }
        for (int r : test) {
            if (w[r] == 0) {
                continue;
            }
            double[] row = x[r];
            double eta = coef[0];
            for (int a = 0; a < m; a++) {
                int j = nonZero[a];
                eta += coef[j + 1] * row[j];
            }
            double l;
            if (family == Family.GAUSSIAN) {
                double e = y[r] - eta;
                l = e * e;
            } else {
                l = LogisticSolver.pointDeviance(eta, y[r]);
            }
            sum += w[r] * l;
        }
        return sum;
    }

    private static Result result(double[] coef, Design full, double lambda, int cvRows, int points, int chosen) {
        return new Result(coef[0], java.util.Arrays.copyOfRange(coef, 1, coef.length), full.sd.clone(), lambda,
                cvRows, points, chosen);
    }
}
