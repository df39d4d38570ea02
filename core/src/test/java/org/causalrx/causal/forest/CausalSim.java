package org.causalrx.causal.forest;

import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

/** Small simulated designs for causal forest tests. */
final class CausalSim {
    final double[][] x;
    final double[] y;
    final double[] w;
    final double[] e;
    final double[] tau;

    private CausalSim(double[][] x, double[] y, double[] w, double[] e, double[] tau) {
        this.x = x;
        this.y = y;
        this.w = w;
        this.e = e;
        this.tau = tau;
    }

    /** X ~ U(-1,1)^p, propensity 0.25 / 0.5 / 0.75 (dyadic) by x2, Y = x2 + x3 + W·tau(x) + noise. */
    static CausalSim draw(int n, int p, long seed, double noise, ToDoubleFunction<double[]> tauFn) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] x = new double[n][p];
        double[] y = new double[n];
        double[] w = new double[n];
        double[] e = new double[n];
        double[] tau = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) {
                x[i][j] = r.nextDouble() * 2 - 1;
            }
            e[i] = x[i][1] < -0.5 ? 0.25 : x[i][1] < 0.5 ? 0.5 : 0.75;
            w[i] = r.nextDouble() < e[i] ? 1 : 0;
            tau[i] = tauFn.applyAsDouble(x[i]);
            y[i] = x[i][1] + x[i][2] + w[i] * tau[i] + noise * r.nextGaussian();
        }
        return new CausalSim(x, y, w, e, tau);
    }

    static double mse(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (a[i] - b[i]) * (a[i] - b[i]);
        }
        return s / a.length;
    }

    static double variance(double[] a) {
        double m = 0;
        for (double v : a) {
            m += v / a.length;
        }
        double s = 0;
        for (double v : a) {
            s += (v - m) * (v - m);
        }
        return s / a.length;
    }
}
