package org.causalrx.learn.bart;

import java.util.SplittableRandom;

/** Simulated data sets for the BART tests. */
final class Sim {
    private Sim() {
    }

    static double[][] uniform(int n, int p, SplittableRandom rng) {
        double[][] x = new double[n][p];
        for (double[] row : x) {
            for (int j = 0; j < p; j++) {
                row[j] = rng.nextDouble();
            }
        }
        return x;
    }

    static double friedman(double[] r) {
        return 10 * Math.sin(Math.PI * r[0] * r[1]) + 20 * (r[2] - 0.5) * (r[2] - 0.5) + 10 * r[3] + 5 * r[4];
    }

    static double[] truth(double[][] x, java.util.function.ToDoubleFunction<double[]> f) {
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = f.applyAsDouble(x[i]);
        }
        return out;
    }

    static double[] noisy(double[] f, double sd, SplittableRandom rng) {
        double[] y = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            y[i] = f[i] + sd * rng.nextGaussian();
        }
        return y;
    }

    static double sd(double[] v) {
        double m = 0;
        for (double d : v) {
            m += d;
        }
        m /= v.length;
        double s = 0;
        for (double d : v) {
            s += (d - m) * (d - m);
        }
        return Math.sqrt(s / (v.length - 1));
    }
}
