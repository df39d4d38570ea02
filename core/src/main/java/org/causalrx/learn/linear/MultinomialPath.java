package org.causalrx.learn.linear;

import org.causalrx.util.CausalRxException;

/**
 * Fits a penalised multinomial model the way {@link PenalizedPath} fits the binomial one: λ path from λ_max
 * (log-spaced, warm starts, stopping early once the fit stops improving), k-fold cross-validation on the weighted
 * multinomial deviance of the held-out rows (folds stratified by class), the path extended downwards while the CV
 * minimum sits at its end ({@link PathCv}), the minimum-CV-error or one-standard-error λ, and the all-data solution
 * at that λ; or the solution at a fixed λ.
 *
 * <p>Large n, as {@link PenalizedPath}: when the rows number at least twice m = max(20,000, ⌈n^0.75⌉)
 * ({@link PenalizedPath#cvRows}), λ is chosen by the same path and cross-validation on the same seeded subsample of m
 * rows ({@link PenalizedPath.Subsample}), carried to n by {@code λ_n = λ_m · (m/n)^(1 − α/2)}
 * ({@link PenalizedPath#rescale}), and the model is fitted on all n rows at that λ (warm-started along a
 * {@value MultinomialRegression#FIXED_PATH_POINTS}-point path from λ_max). A subsample that lacks a class (or all
 * weight) leaves the choice to the full path. Below the gate the fit is unchanged.
 */
final class MultinomialPath {
    /**
     * Fitted coefficients on the original scale.
     *
     * @param intercepts   K intercepts, centred to sum 0
     * @param coefficients K × p coefficients
     * @param featureSd    p weighted training SDs (0 for constant features)
     * @param lambda       the λ chosen or fixed
     * @param cvRows       rows the cross-validation that chose λ ran on: n for the full path, m for the large-n
     *                     subsample, 0 for a fixed λ
     */
    record Result(double[] intercepts, double[][] coefficients, double[] featureSd, double lambda, int cvRows) {
    }

    private MultinomialPath() {
    }

    /** Fits; x, t (0..k−1, every class with positive weight) and w (positive sum) are already validated. */
    static Result fit(double[][] x, int[] t, int k, double[] w, int[] groups, long seed, double alpha,
                      LinearSettings s) {
        return fit(x, t, k, w, groups, seed, alpha, s, 0);
    }

    /**
     * As above; {@code cvRowsSetting} is the subsample size m of the large-n rule (0: {@link PenalizedPath#cvRows}(n);
     * {@link PenalizedPath#CV_ALL_ROWS}: never subsample).
     */
    static Result fit(double[][] x, int[] t, int k, double[] w, int[] groups, long seed, double alpha,
                      LinearSettings s, int cvRowsSetting) {
        int n = x.length;
        int p = x[0].length;
        int m = cvRowsSetting > 0 ? cvRowsSetting : PenalizedPath.cvRows(n);
        if (!s.hasFixedLambda() && PenalizedPath.subsamples(m, n)) {
            Result sub = subsampleLambda(x, t, k, w, groups, seed, alpha, s, m);
            if (sub != null) {
                double lambda = PenalizedPath.rescale(sub.lambda(), m, n, alpha);
                Result r = fit(x, t, k, w, groups, seed, alpha,
                        s.withFixedLambda(lambda).withNLambda(MultinomialRegression.FIXED_PATH_POINTS),
                        PenalizedPath.CV_ALL_ROWS);
                return new Result(r.intercepts(), r.coefficients(), r.featureSd(), lambda, m);
            }
        }
        int[] all = new int[n];
        for (int i = 0; i < n; i++) {
            all[i] = i;
        }
        Design full = Design.of(x, w, all);
        PathSolver solver = new MultinomialSolver(full, t, k, alpha, s, !s.hasFixedLambda());
        double lambdaMax = solver.lambdaMax();
        if (s.hasFixedLambda() || !(lambdaMax > 0) || !Double.isFinite(lambdaMax)) {
            double target = s.hasFixedLambda() ? s.fixedLambda() : 0.0;
            if (lambdaMax > target && Double.isFinite(lambdaMax)) {
                double[] path = PenalizedPath.logPath(lambdaMax, target > 0 ? target / lambdaMax : 1e-4,
                        s.nLambda());
                for (int l = 0; l < path.length - 1; l++) {
                    solver.solve(path[l]);
                }
            }
            solver.solve(target);
            return result(solver.originalCoefficients(), k, full, target, 0);
        }
        double ratio = Double.isNaN(s.lambdaMinRatio()) ? (n > p ? 1e-4 : 1e-2) : s.lambdaMinRatio();
        double[] lambdas = PenalizedPath.logPath(lambdaMax, ratio, s.nLambda());
        double[][] path = new double[lambdas.length][];
        int nl = 0;
        while (nl < lambdas.length && !solver.saturated()) {
            solver.solve(lambdas[nl]);
            path[nl++] = solver.originalCoefficients();
        }
        lambdas = java.util.Arrays.copyOf(lambdas, nl);
        int folds = Math.min(s.folds(), n);
        if (folds < 2) {
            throw new CausalRxException("cross-validation needs at least 2 rows; set a fixed lambda instead");
        }
        double[] labels = new double[n];
        for (int i = 0; i < n; i++) {
            labels[i] = t[i];
        }
        int[] fold = Folds.assign(n, folds, seed, labels, groups);
        PathCv.Fold[] cv = new PathCv.Fold[folds];
        for (int f = 0; f < folds; f++) {
            cv[f] = new CvFold(x, t, k, w, alpha, s, fold, f);
        }
        PathCv.Choice c = PathCv.choose(solver, lambdas, path, nl, nl == path.length, lambdaMax, ratio,
                s.nLambda(), cv, false, s.oneStandardErrorRule(), s.extendPath());
        return result(c.coefficients(), k, full, c.lambda(), n);
    }

    /**
     * The full-path fit on the seeded subsample of m rows ({@link PenalizedPath.Subsample}), or null when the
     * subsample cannot choose λ (no weight, a class without weight, or a path that does not start: then the caller
     * fits on all rows).
     */
    private static Result subsampleLambda(double[][] x, int[] t, int k, double[] w, int[] groups, long seed,
                                          double alpha, LinearSettings s, int m) {
        PenalizedPath.Subsample sub = PenalizedPath.Subsample.draw(x, w, groups, m, seed);
        int[] ts = new int[m];
        double[] classWeight = new double[k];
        for (int i = 0; i < m; i++) {
            ts[i] = t[sub.rows()[i]];
            classWeight[ts[i]] += sub.w()[i];
        }
        for (double cw : classWeight) {
            if (!(cw > 0)) {
                return null;
            }
        }
        Result r = fit(sub.x(), ts, k, sub.w(), sub.groups(), seed, alpha, s, PenalizedPath.CV_ALL_ROWS);
        return r.cvRows() == m && r.lambda() > 0 ? r : null;
    }

    /** Fold {@code f} of the cross-validation: its solver on the other folds' rows, the deviance on its own. */
    private static final class CvFold implements PathCv.Fold {
        private final double[][] x;
        private final int[] t;
        private final int k;
        private final double[] w;
        private final double alpha;
        private final LinearSettings s;
        private final int[] train;
        private final int[] test;
        private final double weight;
        private PathSolver solver;
        private double last;

        CvFold(double[][] x, int[] t, int k, double[] w, double alpha, LinearSettings s, int[] fold, int f) {
            this.x = x;
            this.t = t;
            this.k = k;
            this.w = w;
            this.alpha = alpha;
            this.s = s;
            this.train = rows(fold, f, false);
            this.test = rows(fold, f, true);
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
                solver = new MultinomialSolver(Design.of(x, w, train), t, k, alpha, s, true);
            }
            for (int l = from; l < to; l++) {
                if (l == 0 || !solver.saturated()) {
                    solver.solve(lambdas[l]);
                    last = heldOutDeviance(solver.originalCoefficients(), k, x, t, w, test);
                }
                loss[l] = last;
            }
        }
    }

    /** Rows of fold f (test = true) or of the other folds, ascending. */
    private static int[] rows(int[] fold, int f, boolean test) {
        return java.util.stream.IntStream.range(0, fold.length).filter(i -> (fold[i] == f) == test).toArray();
    }

    /** Σ w_i · (−2 log P(t_i|x_i)) over the test rows, probabilities clipped to [1e-5, 1 − 1e-5]. */
    private static double heldOutDeviance(double[] coef, int k, double[][] x, int[] t, double[] w, int[] test) {
        int q = coef.length / k;
        double[] eta = new double[k];
        double sum = 0;
        for (int r : test) {
            if (w[r] == 0) {
                continue;
            }
            double[] row = x[r];
            double m = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < k; c++) {
                double e = coef[c * q];
                for (int j = 1; j < q; j++) {
                    e += coef[c * q + j] * row[j - 1];
                }
                eta[c] = e;
                m = Math.max(m, e);
            }
            double z = 0;
            for (int c = 0; c < k; c++) {
                z += Math.exp(eta[c] - m);
            }
            double pr = Math.exp(eta[t[r]] - m) / z;
            pr = Math.min(Math.max(pr, MultinomialSolver.P_MIN), 1 - MultinomialSolver.P_MIN);
            sum += w[r] * -2 * Math.log(pr);
        }
        return sum;
    }

    private static Result result(double[] coef, int k, Design full, double lambda, int cvRows) {
        int q = coef.length / k;
        double[] intercepts = new double[k];
        double[][] b = new double[k][];
        double mean = 0;
        for (int c = 0; c < k; c++) {
            intercepts[c] = coef[c * q];
            mean += intercepts[c] / k;
            b[c] = java.util.Arrays.copyOfRange(coef, c * q + 1, (c + 1) * q);
        }
        for (int c = 0; c < k; c++) {
            intercepts[c] -= mean; // the probabilities do not change
        }
        return new Result(intercepts, b, full.sd.clone(), lambda, cvRows);
    }
}
