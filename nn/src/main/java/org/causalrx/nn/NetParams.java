package org.causalrx.nn;

import java.util.List;

/**
 * Trained network weights held on the Java heap (no native memory), with a plain-Java forward pass for
 * prediction. Immutable: the arrays are copied in and never exposed.
 */
final class NetParams {
    private final NetSpec spec;
    private final float[][] values;

    NetParams(NetSpec spec, float[][] values) {
        List<int[]> shapes = spec.shapes();
        if (shapes.size() != values.length) {
            throw new IllegalArgumentException("expected " + shapes.size() + " parameter arrays, got " + values.length);
        }
        this.spec = spec;
        this.values = new float[values.length][];
        for (int i = 0; i < values.length; i++) {
            int[] sh = shapes.get(i);
            if (values[i].length != sh[0] * sh[1]) {
                throw new IllegalArgumentException("parameter " + i + " should hold " + sh[0] + " x " + sh[1]
                        + " values, got " + values[i].length);
            }
            this.values[i] = values[i].clone();
        }
    }

    NetSpec spec() {
        return spec;
    }

    /** Copies of the parameter arrays, in the layout order of {@link NetSpec#shapes()}. */
    float[][] values() {
        float[][] out = new float[values.length][];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i].clone();
        }
        return out;
    }

    /** Outputs of head h for each row of (already standardised) x: n × outputs. */
    double[][] head(double[][] x, int h) {
        double[][] rep = representation(x);
        int p = spec.headStart(h);
        double[][] z = rep;
        for (int l = 0; l < spec.headDepth(); l++) {
            z = elu(dense(z, p));
            p += 2;
        }
        return dense(z, p);
    }

    /** Propensity P(T = 1 | x) from the propensity head of a two-arm network (DragonNet). */
    double[] propensity(double[][] x) {
        if (spec.heads() != 2) {
            throw new IllegalStateException("P(T = 1 | x) is for two arms; this network has " + spec.heads());
        }
        double[][] rep = representation(x);
        double[][] z = dense(rep, spec.propensityStart());
        double[] e = new double[z.length];
        for (int i = 0; i < e.length; i++) {
            e[i] = 1 / (1 + Math.exp(-z[i][0]));
        }
        return e;
    }

    /**
     * Generalized propensities P(T = a | x) from the propensity head, n × K: the softmax of the K logits, or for
     * two arms {1 − P(T = 1 | x), P(T = 1 | x)}.
     */
    double[][] propensities(double[][] x) {
        int k = spec.heads();
        double[][] out = new double[x.length][];
        if (k == 2) {
            double[] e = propensity(x);
            for (int i = 0; i < x.length; i++) {
                out[i] = new double[] {1 - e[i], e[i]};
            }
            return out;
        }
        double[][] z = dense(representation(x), spec.propensityStart());
        for (int i = 0; i < x.length; i++) {
            double mx = Double.NEGATIVE_INFINITY;
            for (double v : z[i]) {
                mx = Math.max(mx, v);
            }
            double sum = 0;
            out[i] = new double[k];
            for (int a = 0; a < k; a++) {
                out[i][a] = Math.exp(z[i][a] - mx);
                sum += out[i][a];
            }
            for (int a = 0; a < k; a++) {
                out[i][a] /= sum;
            }
        }
        return out;
    }

    /** The epsilon of targeted regularisation of arm 1 (the only one with two arms; 0 when absent). */
    double epsilon() {
        return spec.propensity() ? values[spec.propensityStart() + 2][0] : 0;
    }

    /** The K − 1 epsilons of targeted regularisation, entry a − 1 for arm a (empty when absent). */
    double[] epsilons() {
        if (!spec.propensity()) {
            return new double[0];
        }
        float[] e = values[spec.propensityStart() + 2];
        double[] out = new double[e.length];
        for (int i = 0; i < e.length; i++) {
            out[i] = e[i];
        }
        return out;
    }

    private double[][] representation(double[][] x) {
        double[][] z = x;
        for (int l = 0; l < spec.sharedDepth(); l++) {
            z = elu(dense(z, 2 * l));
        }
        return z;
    }

    /** z · W[p] + b[p + 1]; the input width is read from z. */
    private double[][] dense(double[][] z, int p) {
        float[] w = values[p];
        float[] b = values[p + 1];
        int out = b.length;
        int in = w.length / out;
        double[][] r = new double[z.length][out];
        for (int i = 0; i < z.length; i++) {
            double[] zi = z[i];
            double[] ri = r[i];
            for (int j = 0; j < out; j++) {
                ri[j] = b[j];
            }
            for (int k = 0; k < in; k++) {
                double v = zi[k];
                if (v == 0) {
                    continue;
                }
                int off = k * out;
                for (int j = 0; j < out; j++) {
                    ri[j] += v * w[off + j];
                }
            }
        }
        return r;
    }

    private static double[][] elu(double[][] z) {
        for (double[] row : z) {
            for (int j = 0; j < row.length; j++) {
                if (row[j] < 0) {
                    row[j] = Math.expm1(row[j]);
                }
            }
        }
        return z;
    }
}
