package org.causalrx.causal.forest;

import java.util.SplittableRandom;

/**
 * A three-arm design with known effects: X ~ U(−1, 1)^p, multinomial-logit assignment with logits
 * (0, 0.8·x2, −0.8·x2 + 0.5·x3), so arm choice depends on x2 and x3, which also drive the baseline outcome;
 * τ_1(x) = x1, τ_2(x) = −x1 + 0.5·x2 and Y = x2 + x3 + τ_T(x) + N(0, noise²) (x1, x2, x3 = columns 0, 1, 2).
 */
final class MultiArmSim {
    static final int ARMS = 3;
    final double[][] x;
    final int[] t;
    final double[] y;
    /** n × 3 true effects against arm 0 (column 0 zero). */
    final double[][] tau;
    /** n × 3 true propensities. */
    final double[][] e;

    private MultiArmSim(double[][] x, int[] t, double[] y, double[][] tau, double[][] e) {
        this.x = x;
        this.t = t;
        this.y = y;
        this.tau = tau;
        this.e = e;
    }

    static MultiArmSim draw(int n, int p, long seed, double noise) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] x = new double[n][p];
        int[] t = new int[n];
        double[] y = new double[n];
        double[][] tau = new double[n][ARMS];
        double[][] e = new double[n][ARMS];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) {
                x[i][j] = r.nextDouble() * 2 - 1;
            }
            double[] xi = x[i];
            double l1 = Math.exp(0.8 * xi[1]);
            double l2 = Math.exp(-0.8 * xi[1] + 0.5 * xi[2]);
            double z = 1 + l1 + l2;
            e[i][0] = 1 / z;
            e[i][1] = l1 / z;
            e[i][2] = l2 / z;
            double u = r.nextDouble();
            t[i] = u < e[i][0] ? 0 : u < e[i][0] + e[i][1] ? 1 : 2;
            tau[i][1] = xi[0];
            tau[i][2] = -xi[0] + 0.5 * xi[1];
            y[i] = xi[1] + xi[2] + tau[i][t[i]] + noise * r.nextGaussian();
        }
        return new MultiArmSim(x, t, y, tau, e);
    }

    /** Column a of an n × K matrix. */
    static double[] column(double[][] m, int a) {
        double[] out = new double[m.length];
        for (int i = 0; i < m.length; i++) {
            out[i] = m[i][a];
        }
        return out;
    }

    /** Index of the largest entry of a row (first on ties). */
    static int argmax(double[] row) {
        int best = 0;
        for (int a = 1; a < row.length; a++) {
            if (row[a] > row[best]) {
                best = a;
            }
        }
        return best;
    }
}
