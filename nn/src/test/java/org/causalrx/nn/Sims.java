package org.causalrx.nn;

import java.util.SplittableRandom;

/** Small simulated data sets with known effects for the neural-estimator tests. */
final class Sims {
    private Sims() {
    }

    /** n rows, p covariates; confounded treatment; tau(x) = 1 + x0; y = x0 + 0.5 x1 + t·tau + N(0, 0.5²). */
    record Data(double[][] x, int[] t, double[] y, double[] tau) {
    }

    static Data continuous(int n, int p, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] x = new double[n][p];
        int[] t = new int[n];
        double[] y = new double[n];
        double[] tau = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) {
                x[i][j] = gauss(r);
            }
            double e = 1 / (1 + Math.exp(-0.7 * x[i][1]));
            t[i] = r.nextDouble() < e ? 1 : 0;
            tau[i] = 1 + x[i][0];
            y[i] = x[i][0] + 0.5 * x[i][1] + t[i] * tau[i] + 0.5 * gauss(r);
        }
        return new Data(x, t, y, tau);
    }

    static double gauss(SplittableRandom r) {
        double u = r.nextDouble();
        double v = r.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * v);
    }

    static double sqrtPehe(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (a[i] - b[i]) * (a[i] - b[i]);
        }
        return Math.sqrt(s / a.length);
    }
}
