package org.causalrx.causal;

import java.util.Random;

/**
 * A K = 3 design with known per-arm effects: x ~ N(0, I_5); assignment from a known multinomial logistic
 * propensity (logits 0, 0.8·x0 − 0.5·x1, −0.6·x0 + 0.6·x2: confounded through x0, which also drives the outcome);
 * Y^0 = x0 + 0.5·x2 + 0.5·x0² + N(0, 0.5²), tau_1(x) = 2·x1 − 1 (arm 1 best where x1 is high),
 * tau_2(x) = −2·x1 − 1 + x3 (arm 2 best where x1 is low), arm 0 best where both are negative.
 *
 * @param x     n × 5 covariates
 * @param t     assigned arm 0..2
 * @param y     observed outcome (higher is better)
 * @param tau   n × 3 true effects against arm 0 (column 0 is 0)
 * @param e     n × 3 true propensities
 */
record ThreeArmSim(double[][] x, int[] t, double[] y, double[][] tau, double[][] e) {
    static final int ARMS = 3;

    static ThreeArmSim draw(int n, long seed) {
        Random r = new Random(seed);
        double[][] x = new double[n][5];
        int[] t = new int[n];
        double[] y = new double[n];
        double[][] tau = new double[n][ARMS];
        double[][] e = new double[n][ARMS];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < 5; j++) {
                x[i][j] = r.nextGaussian();
            }
            double[] xi = x[i];
            double[] logit = {0, 0.8 * xi[0] - 0.5 * xi[1], -0.6 * xi[0] + 0.6 * xi[2]};
            double sum = 0;
            for (int a = 0; a < ARMS; a++) {
                e[i][a] = Math.exp(logit[a]);
                sum += e[i][a];
            }
            for (int a = 0; a < ARMS; a++) {
                e[i][a] /= sum;
            }
            double u = r.nextDouble();
            int arm = 0;
            double cum = e[i][0];
            while (arm < ARMS - 1 && u >= cum) {
                arm++;
                cum += e[i][arm];
            }
            t[i] = arm;
            tau[i][1] = 2 * xi[1] - 1;
            tau[i][2] = -2 * xi[1] - 1 + xi[3];
            double y0 = xi[0] + 0.5 * xi[2] + 0.5 * xi[0] * xi[0];
            y[i] = y0 + tau[i][t[i]] + 0.5 * r.nextGaussian();
        }
        return new ThreeArmSim(x, t, y, tau, e);
    }

    /** The best arm per row of an n × K effect matrix (column 0 the reference at 0; ties to the lower arm). */
    static int[] argmax(double[][] effects) {
        int[] best = new int[effects.length];
        for (int i = 0; i < effects.length; i++) {
            for (int a = 1; a < effects[i].length; a++) {
                if (effects[i][a] > effects[i][best[i]]) {
                    best[i] = a;
                }
            }
        }
        return best;
    }

    /** Column a of an n × K matrix. */
    static double[] column(double[][] m, int a) {
        double[] out = new double[m.length];
        for (int i = 0; i < m.length; i++) {
            out[i] = m[i][a];
        }
        return out;
    }
}
