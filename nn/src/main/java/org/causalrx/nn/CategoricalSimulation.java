package org.causalrx.nn;

import java.util.SplittableRandom;

import org.causalrx.util.CausalRxException;

/**
 * A K-class ordinal outcome with a known per-class treatment effect, simulated over given covariates (for the
 * tests and the bench module's categorical benchmark). On three standardised driver covariates z: risk score
 * s0(x) = 0.8·z0 − 0.5·z1 + 0.4·z2;
 * treatment shifts it by delta(x) = −1 + z0 (so it lowers the class for most but raises it where z0 is
 * high); P(Y ≤ k | arm) = sigmoid(c_k − s_arm) with cut points spread evenly over [−1.5, 1.5]; treatment
 * P(T = 1 | x) = sigmoid(0.6·z1 − 0.4·z2) (confounded through z1, z2). The true per-class effect is
 * P(Y¹ = k | x) − P(Y⁰ = k | x). Pure function of (x, seed).
 */
public final class CategoricalSimulation {
    private CategoricalSimulation() {
    }

    /**
     * @param t         treatment per row
     * @param y         observed class 0..K−1 per row (as double)
     * @param classProb0 n × K true class probabilities under control
     * @param classProb1 n × K true class probabilities under treatment
     */
    public record Data(int[] t, double[] y, double[][] classProb0, double[][] classProb1) {
        /** n × K true per-class effects. */
        public double[][] classEffects() {
            double[][] out = new double[t.length][];
            for (int i = 0; i < t.length; i++) {
                out[i] = new double[classProb0[i].length];
                for (int k = 0; k < out[i].length; k++) {
                    out[i][k] = classProb1[i][k] - classProb0[i][k];
                }
            }
            return out;
        }

        /** True overall effect: difference in expected class value. */
        public double[] effect() {
            double[][] ce = classEffects();
            double[] out = new double[ce.length];
            for (int i = 0; i < ce.length; i++) {
                for (int k = 0; k < ce[i].length; k++) {
                    out[i] += k * ce[i][k];
                }
            }
            return out;
        }
    }

    /** Drivers z0, z1, z2 = the first three columns of x. */
    public static Data simulate(double[][] x, int classes, long seed) {
        return simulate(x, new int[] {0, 1, 2}, classes, seed);
    }

    /**
     * @param drivers the three columns of x used as z0, z1, z2 (standardised over all rows of x)
     */
    public static Data simulate(double[][] x, int[] drivers, int classes, long seed) {
        if (x.length == 0 || drivers.length != 3 || classes < 2) {
            throw new CausalRxException("categorical simulation needs ≥ 1 row, 3 driver columns and ≥ 2 classes");
        }
        double[][] all = Standardizer.fit(x).apply(x);
        double[][] z = new double[x.length][3];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < 3; j++) {
                if (drivers[j] < 0 || drivers[j] >= all[i].length) {
                    throw new CausalRxException("driver column " + drivers[j] + " is outside 0.."
                            + (all[i].length - 1));
                }
                z[i][j] = all[i][drivers[j]];
            }
        }
        SplittableRandom r = new SplittableRandom(seed);
        int n = x.length;
        int[] t = new int[n];
        double[] y = new double[n];
        double[][] p0 = new double[n][];
        double[][] p1 = new double[n][];
        double[] cut = new double[classes - 1];
        for (int k = 0; k < cut.length; k++) {
            cut[k] = classes == 2 ? 0 : -1.5 + 3.0 * k / (classes - 2);
        }
        for (int i = 0; i < n; i++) {
            double s0 = 0.8 * z[i][0] - 0.5 * z[i][1] + 0.4 * z[i][2];
            double delta = -1.0 + 1.0 * z[i][0];
            p0[i] = classProbabilities(s0, cut);
            p1[i] = classProbabilities(s0 + delta, cut);
            t[i] = r.nextDouble() < sigmoid(0.6 * z[i][1] - 0.4 * z[i][2]) ? 1 : 0;
            double[] p = t[i] == 1 ? p1[i] : p0[i];
            double u = r.nextDouble();
            int k = 0;
            double acc = p[0];
            while (u > acc && k < classes - 1) {
                k++;
                acc += p[k];
            }
            y[i] = k;
        }
        return new Data(t, y, p0, p1);
    }

    private static double[] classProbabilities(double s, double[] cut) {
        double[] p = new double[cut.length + 1];
        double prev = 0;
        for (int k = 0; k < cut.length; k++) {
            double c = sigmoid(cut[k] - s);
            p[k] = c - prev;
            prev = c;
        }
        p[cut.length] = 1 - prev;
        return p;
    }

    private static double sigmoid(double v) {
        return 1 / (1 + Math.exp(-v));
    }
}
