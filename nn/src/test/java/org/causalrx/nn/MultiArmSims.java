package org.causalrx.nn;

import java.util.SplittableRandom;

/**
 * A K = 3 simulation with known per-arm effects for the K-arm neural-estimator tests. x ~ N(0, I_p), p ≥ 3;
 * confounded multinomial assignment P(T = a | x) ∝ exp(l_a) with l_0 = 0, l_1 = 0.8·x1, l_2 = −0.6·x1 + 0.6·x2;
 * tau_1(x) = 1 + x0, tau_2(x) = −1 + 0.8·x2 (heterogeneous); y = x0 + 0.5·x1 + tau_T(x) + N(0, 0.5²).
 */
final class MultiArmSims {
    private MultiArmSims() {
    }

    /** Rows, arms, outcomes, true effects n × 3 (column 0 zero) and true propensities n × 3. */
    record Data(double[][] x, int[] t, double[] y, double[][] tau, double[][] e) {
    }

    static Data threeArms(int n, int p, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] x = new double[n][p];
        int[] t = new int[n];
        double[] y = new double[n];
        double[][] tau = new double[n][3];
        double[][] e = new double[n][3];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) {
                x[i][j] = Sims.gauss(r);
            }
            double[] w = {1, Math.exp(0.8 * x[i][1]), Math.exp(-0.6 * x[i][1] + 0.6 * x[i][2])};
            double s = w[0] + w[1] + w[2];
            double u = r.nextDouble() * s;
            t[i] = u < w[0] ? 0 : u < w[0] + w[1] ? 1 : 2;
            for (int a = 0; a < 3; a++) {
                e[i][a] = w[a] / s;
            }
            tau[i][1] = 1 + x[i][0];
            tau[i][2] = -1 + 0.8 * x[i][2];
            y[i] = x[i][0] + 0.5 * x[i][1] + tau[i][t[i]] + 0.5 * Sims.gauss(r);
        }
        return new Data(x, t, y, tau, e);
    }

    /** sqrt of the mean squared difference between column a of two n × K effect matrices. */
    static double sqrtPehe(double[][] est, double[][] truth, int a) {
        double s = 0;
        for (int i = 0; i < est.length; i++) {
            s += (est[i][a] - truth[i][a]) * (est[i][a] - truth[i][a]);
        }
        return Math.sqrt(s / est.length);
    }

    /** sqrt-PEHE of the best constant effect for arm a (the true mean effect): the sd of tau_a. */
    static double constantPehe(double[][] truth, int a) {
        double mean = 0;
        for (double[] row : truth) {
            mean += row[a] / truth.length;
        }
        double s = 0;
        for (double[] row : truth) {
            s += (row[a] - mean) * (row[a] - mean);
        }
        return Math.sqrt(s / truth.length);
    }
}
