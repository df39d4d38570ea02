package org.causalrx.learn.linear;

import java.util.Random;

/** Simulated data for the linear-learner tests. */
final class Sim {
    private Sim() {
    }

    /** n × p Gaussian features with AR(1) correlation {@code rho} between neighbouring columns, plus offsets. */
    static double[][] features(Random rng, int n, int p, double rho) {
        double[][] x = new double[n][p];
        double s = Math.sqrt(1 - rho * rho);
        for (int i = 0; i < n; i++) {
            double prev = rng.nextGaussian();
            for (int j = 0; j < p; j++) {
                double z = j == 0 ? prev : rho * prev + s * rng.nextGaussian();
                prev = z;
                x[i][j] = (1 + 0.5 * j) * z + 0.3 * j; // different scales and means
            }
        }
        return x;
    }

    /** Linear predictor b0 + x·b. */
    static double[] linear(double[][] x, double b0, double[] b) {
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            double s = b0;
            for (int j = 0; j < b.length; j++) {
                s += b[j] * x[i][j];
            }
            out[i] = s;
        }
        return out;
    }

    /** y = b0 + x·b + N(0, noise²). */
    static double[] gaussianY(Random rng, double[][] x, double b0, double[] b, double noise) {
        double[] y = linear(x, b0, b);
        for (int i = 0; i < y.length; i++) {
            y[i] += noise * rng.nextGaussian();
        }
        return y;
    }

    /** t ~ Bernoulli(sigmoid(b0 + x·b)). */
    static int[] labels(Random rng, double[][] x, double b0, double[] b) {
        double[] eta = linear(x, b0, b);
        int[] t = new int[x.length];
        for (int i = 0; i < t.length; i++) {
            t[i] = rng.nextDouble() < 1 / (1 + Math.exp(-eta[i])) ? 1 : 0;
        }
        return t;
    }

    /** Uniform weights in [lo, hi). */
    static double[] weights(Random rng, int n, double lo, double hi) {
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            w[i] = lo + (hi - lo) * rng.nextDouble();
        }
        return w;
    }

    static double maxAbsDiff(double[] a, double[] b) {
        double m = 0;
        for (int i = 0; i < a.length; i++) {
            m = Math.max(m, Math.abs(a[i] - b[i]));
        }
        return m;
    }
}
