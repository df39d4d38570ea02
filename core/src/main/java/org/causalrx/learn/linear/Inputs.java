package org.causalrx.learn.linear;

import org.causalrx.util.CausalRxException;

/** Input checks with messages for people. */
final class Inputs {
    private Inputs() {
    }

    /** Checks that x is a non-empty rectangular matrix of finite numbers; returns p. */
    static int features(String learner, double[][] x) {
        if (x == null || x.length == 0) {
            throw new CausalRxException(learner + ": no rows to fit; the feature matrix is empty");
        }
        int p = -1;
        for (int i = 0; i < x.length; i++) {
            if (x[i] == null) {
                throw new CausalRxException(learner + ": feature row " + i + " is missing");
            }
            if (p < 0) {
                p = x[i].length;
            } else if (x[i].length != p) {
                throw new CausalRxException(learner + ": feature row " + i + " has " + x[i].length
                        + " values but row 0 has " + p + "; all rows need the same columns");
            }
            for (int j = 0; j < p; j++) {
                if (!Double.isFinite(x[i][j])) {
                    throw new CausalRxException(learner + ": feature column " + j + " has a non-finite value ("
                            + x[i][j] + ") in row " + i + "; impute or drop missing values before fitting");
                }
            }
        }
        return p;
    }

    /** Checks the weights (null = all ones); returns a copy with positive sum. */
    static double[] weights(String learner, double[] w, int n) {
        double[] out = new double[n];
        if (w == null) {
            java.util.Arrays.fill(out, 1.0);
            return out;
        }
        if (w.length != n) {
            throw new CausalRxException(learner + ": " + w.length + " weights for " + n + " rows");
        }
        double sum = 0;
        for (int i = 0; i < n; i++) {
            if (!(w[i] >= 0 && w[i] < Double.POSITIVE_INFINITY)) {
                throw new CausalRxException(learner + ": weight of row " + i + " is " + w[i]
                        + "; weights must be finite and non-negative");
            }
            out[i] = w[i];
            sum += w[i];
        }
        if (!(sum > 0)) {
            throw new CausalRxException(learner + ": all weights are zero; nothing to fit");
        }
        return out;
    }

    /** Checks the regression targets. */
    static double[] targets(String learner, double[] y, int n) {
        if (y == null || y.length != n) {
            throw new CausalRxException(learner + ": " + (y == null ? 0 : y.length) + " targets for " + n + " rows");
        }
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(y[i])) {
                throw new CausalRxException(learner + ": target of row " + i + " is " + y[i]
                        + "; drop or impute missing outcomes before fitting");
            }
        }
        return y;
    }

    /** Checks 0/1 labels and that both classes have positive weight; returns them as doubles. */
    static double[] labels(String learner, int[] t, double[] w, int n) {
        if (t == null || t.length != n) {
            throw new CausalRxException(learner + ": " + (t == null ? 0 : t.length) + " labels for " + n + " rows");
        }
        double[] out = new double[n];
        double w1 = 0;
        double w0 = 0;
        for (int i = 0; i < n; i++) {
            if (t[i] != 0 && t[i] != 1) {
                throw new CausalRxException(learner + ": label of row " + i + " is " + t[i]
                        + "; labels must be 0 or 1");
            }
            out[i] = t[i];
            if (t[i] == 1) {
                w1 += w[i];
            } else {
                w0 += w[i];
            }
        }
        if (!(w1 > 0) || !(w0 > 0)) {
            throw new CausalRxException(learner + ": every row (with positive weight) has label " + (w1 > 0 ? 1 : 0)
                    + "; a classifier needs both classes");
        }
        return out;
    }

    /** Checks class labels in 0..k−1 (k ≥ 2) and that every class has positive weight. */
    static void classLabels(String learner, int[] t, int k, double[] w, int n) {
        if (k < 2) {
            throw new CausalRxException(learner + ": needs at least 2 classes, got " + k);
        }
        if (t == null || t.length != n) {
            throw new CausalRxException(learner + ": " + (t == null ? 0 : t.length) + " labels for " + n + " rows");
        }
        double[] weight = new double[k];
        for (int i = 0; i < n; i++) {
            if (t[i] < 0 || t[i] >= k) {
                throw new CausalRxException(learner + ": label of row " + i + " is " + t[i] + "; labels must be in 0.."
                        + (k - 1));
            }
            weight[t[i]] += w[i];
        }
        for (int c = 0; c < k; c++) {
            if (!(weight[c] > 0)) {
                throw new CausalRxException(learner + ": no row (with positive weight) has label " + c
                        + "; a " + k + "-class model needs every class");
            }
        }
    }

    /** Checks that prediction rows have the fitted number of features. */
    static void predictionRows(double[][] x, int p) {
        if (x == null) {
            throw new CausalRxException("linear model: no rows to predict");
        }
        for (int i = 0; i < x.length; i++) {
            if (x[i] == null || x[i].length != p) {
                throw new CausalRxException("linear model: prediction row " + i + " has "
                        + (x[i] == null ? 0 : x[i].length) + " features but the model was fitted with " + p);
            }
        }
    }
}
