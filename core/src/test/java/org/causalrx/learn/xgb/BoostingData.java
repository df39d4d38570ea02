package org.causalrx.learn.xgb;

import java.util.Random;

/**
 * The small regression data and fast early-stopping settings shared by the XGBoost gate tests: three N(0, 1)
 * covariates and y = x1 + sin(2·x2) + N(0, 0.5²) (or its sign, as 0/1).
 */
final class BoostingData {
    /** 300 rounds at most, early stopping after 10 rounds without improvement. */
    static final XGBoostParams FAST = XGBoostParams.defaults().withRounds(300).withEarlyStopping(10);

    private BoostingData() {
    }

    /** n rows of three seeded standard normal covariates. */
    static double[][] x(int n, long seed) {
        Random r = new Random(seed);
        double[][] x = new double[n][3];
        for (double[] row : x) {
            for (int j = 0; j < 3; j++) {
                row[j] = r.nextGaussian();
            }
        }
        return x;
    }

    /** The continuous outcome of each row of x, with seeded noise. */
    static double[] y(double[][] x, long seed) {
        return y(x, seed, false);
    }

    /** As above, or with {@code binary} its sign as 0/1. */
    static double[] y(double[][] x, long seed, boolean binary) {
        Random r = new Random(seed);
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            double f = x[i][0] + Math.sin(2 * x[i][1]) + 0.5 * r.nextGaussian();
            y[i] = binary ? (f > 0 ? 1 : 0) : f;
        }
        return y;
    }
}
