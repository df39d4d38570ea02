package org.causalrx.learn.bart;

import org.causalrx.util.CausalRxException;

/** Input checks (messages for people) and the data-based prior calibration shared by both BART learners. */
final class BartInputs {
    private BartInputs() {
    }

    /** Checks that x is a non-empty rectangular matrix of finite numbers; returns p. */
    static int features(double[][] x) {
        if (x == null || x.length == 0) {
            throw new CausalRxException("bart: no rows to fit; the feature matrix is empty");
        }
        int p = x[0] == null ? 0 : x[0].length;
        for (int i = 0; i < x.length; i++) {
            if (x[i] == null || x[i].length != p) {
                throw new CausalRxException("bart: feature row " + i + " has " + (x[i] == null ? 0 : x[i].length)
                        + " values but row 0 has " + p + "; all rows need the same columns");
            }
            for (int j = 0; j < p; j++) {
                if (!Double.isFinite(x[i][j])) {
                    throw new CausalRxException("bart: feature column " + j + " has a non-finite value (" + x[i][j]
                            + ") in row " + i + "; impute or drop missing values before fitting");
                }
            }
        }
        return p;
    }

    /** Checks prediction rows against the training width. */
    static void predictRows(double[][] x, int p) {
        for (int i = 0; i < x.length; i++) {
            if (x[i] == null || x[i].length != p) {
                throw new CausalRxException("bart: prediction row " + i + " has "
                        + (x[i] == null ? 0 : x[i].length) + " values but the model was fitted on " + p);
            }
        }
    }

    /** Checks weights (null = all ones) and rescales them to mean 1 (precision weights: Var e_i = σ²/w_i). */
    static double[] weights(double[] w, int n) {
        double[] out = new double[n];
        if (w == null) {
            java.util.Arrays.fill(out, 1.0);
            return out;
        }
        if (w.length != n) {
            throw new CausalRxException("bart: " + w.length + " weights for " + n + " rows");
        }
        double sum = 0;
        for (int i = 0; i < n; i++) {
            if (!(w[i] >= 0 && w[i] < Double.POSITIVE_INFINITY)) {
                throw new CausalRxException("bart: weight of row " + i + " is " + w[i]
                        + "; weights must be finite and non-negative");
            }
            sum += w[i];
        }
        if (!(sum > 0)) {
            throw new CausalRxException("bart: all weights are zero; nothing to fit");
        }
        for (int i = 0; i < n; i++) {
            out[i] = w[i] * n / sum;
        }
        return out;
    }

    /** Whether all weights are equal (or absent). */
    static boolean uniform(double[] w) {
        if (w == null) {
            return true;
        }
        for (double v : w) {
            if (v != w[0]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Residual SD of a weighted least-squares fit of y on x with intercept (the sigma_hat of Chipman et al.);
     * the weighted SD of y when p + 1 &gt;= n. A tiny ridge keeps collinear columns (dummies) solvable.
     */
    static double olsResidualSd(double[][] x, double[] y, double[] w) {
        int n = y.length;
        int p = x[0].length;
        double sw = 0, my = 0;
        for (int i = 0; i < n; i++) {
            sw += w[i];
            my += w[i] * y[i];
        }
        my /= sw;
        if (p + 1 >= n) {
            double ss = 0;
            for (int i = 0; i < n; i++) {
                ss += w[i] * (y[i] - my) * (y[i] - my);
            }
            return Math.sqrt(ss / Math.max(1, n - 1));
        }
        double[] mx = new double[p];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) {
                mx[j] += w[i] * x[i][j] / sw;
            }
        }
        double[][] a = new double[p][p];
        double[] b = new double[p];
        double[] xc = new double[p];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) {
                xc[j] = x[i][j] - mx[j];
            }
            double yc = y[i] - my;
            for (int j = 0; j < p; j++) {
                double wx = w[i] * xc[j];
                b[j] += wx * yc;
                for (int k = 0; k <= j; k++) {
                    a[j][k] += wx * xc[k];
                }
            }
        }
        double maxDiag = 0;
        for (int j = 0; j < p; j++) {
            maxDiag = Math.max(maxDiag, a[j][j]);
        }
        double[] beta = Cholesky.solve(a, b, 1e-9 * Math.max(maxDiag, 1e-300));
        double rss = 0;
        for (int i = 0; i < n; i++) {
            double e = y[i] - my;
            for (int j = 0; j < p; j++) {
                e -= beta[j] * (x[i][j] - mx[j]);
            }
            rss += w[i] * e * e;
        }
        return Math.sqrt(rss / (n - p - 1));
    }

    /** Dense Cholesky solve of (A + ridge I) β = b, A symmetric given by its lower triangle. */
    private static final class Cholesky {
        static double[] solve(double[][] a, double[] b, double ridge) {
            int p = b.length;
            double[][] l = new double[p][p];
            for (int j = 0; j < p; j++) {
                double d = a[j][j] + ridge;
                for (int k = 0; k < j; k++) {
                    d -= l[j][k] * l[j][k];
                }
                double djj = Math.sqrt(Math.max(d, ridge > 0 ? ridge : 1e-300));
                l[j][j] = djj;
                for (int i = j + 1; i < p; i++) {
                    double s = a[i][j];
                    for (int k = 0; k < j; k++) {
                        s -= l[i][k] * l[j][k];
                    }
                    l[i][j] = s / djj;
                }
            }
            double[] z = new double[p];
            for (int i = 0; i < p; i++) {
                double s = b[i];
                for (int k = 0; k < i; k++) {
                    s -= l[i][k] * z[k];
                }
                z[i] = s / l[i][i];
            }
            double[] beta = new double[p];
            for (int i = p - 1; i >= 0; i--) {
                double s = z[i];
                for (int k = i + 1; k < p; k++) {
                    s -= l[k][i] * beta[k];
                }
                beta[i] = s / l[i][i];
            }
            return beta;
        }
    }
}
