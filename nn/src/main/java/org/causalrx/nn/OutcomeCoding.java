package org.causalrx.nn;

import org.causalrx.nn.NnSettings.OutcomeType;
import org.causalrx.util.CausalRxException;

/**
 * How an outcome is presented to a network and read back: continuous outcomes are standardised (MSE loss),
 * binary ones are 0/1 labels for a logit (BCE), categorical ones are one-hot over K classes 0..K−1 (softmax
 * cross-entropy). Immutable.
 *
 * @param type    resolved outcome type (never AUTO)
 * @param mean    training mean of y (continuous; 0 otherwise)
 * @param sd      training sd of y (continuous; 1 otherwise)
 * @param classes K for categorical outcomes, 1 otherwise
 */
record OutcomeCoding(OutcomeType type, double mean, double sd, int classes) {

    static OutcomeCoding of(double[] y, OutcomeType requested) {
        boolean binary = true;
        boolean integral = true;
        int max = 0;
        for (int i = 0; i < y.length; i++) {
            double v = y[i];
            if (!Double.isFinite(v)) {
                throw new CausalRxException("outcome row " + i + " is " + v
                        + "; drop or impute missing outcomes first");
            }
            binary &= v == 0 || v == 1;
            boolean isInt = v == Math.rint(v) && v >= 0;
            integral &= isInt;
            if (isInt) {
                max = Math.max(max, (int) v);
            }
        }
        OutcomeType type = requested == OutcomeType.AUTO ? (binary ? OutcomeType.BINARY : OutcomeType.CONTINUOUS)
                : requested;
        switch (type) {
            case BINARY -> {
                if (!binary) {
                    throw new CausalRxException("a binary outcome must be 0 or 1 in every row; use CONTINUOUS or "
                            + "CATEGORICAL for other values");
                }
                return new OutcomeCoding(type, 0, 1, 1);
            }
            case CATEGORICAL -> {
                if (!integral || max < 1) {
                    throw new CausalRxException("a categorical outcome must hold class labels 0, 1, ..., K−1 "
                            + "(integers, at least two classes)");
                }
                return new OutcomeCoding(type, 0, 1, max + 1);
            }
            default -> {
                double mean = 0;
                for (double v : y) {
                    mean += v;
                }
                mean /= y.length;
                double ss = 0;
                for (double v : y) {
                    ss += (v - mean) * (v - mean);
                }
                double sd = Math.sqrt(ss / Math.max(1, y.length - 1));
                return new OutcomeCoding(OutcomeType.CONTINUOUS, mean, sd > 1e-12 ? sd : 1, 1);
            }
        }
    }

    /** Outputs per outcome head. */
    int outputs() {
        return type == OutcomeType.CATEGORICAL ? classes : 1;
    }

    NetTask.Loss loss() {
        return switch (type) {
            case BINARY -> NetTask.Loss.BCE;
            case CATEGORICAL -> NetTask.Loss.CE;
            default -> NetTask.Loss.MSE;
        };
    }

    /** Network targets: n × outputs. */
    float[][] targets(double[] y) {
        float[][] out = new float[y.length][outputs()];
        for (int i = 0; i < y.length; i++) {
            switch (type) {
                case CATEGORICAL -> out[i][(int) y[i]] = 1f;
                case BINARY -> out[i][0] = (float) y[i];
                default -> out[i][0] = (float) ((y[i] - mean) / sd);
            }
        }
        return out;
    }

    /**
     * Head outputs → per-row prediction on the network's target scale: class probabilities (softmax) for
     * categorical, P(y = 1) for binary, standardised value for continuous. n × outputs.
     */
    double[][] response(double[][] raw) {
        double[][] out = new double[raw.length][];
        for (int i = 0; i < raw.length; i++) {
            double[] r = raw[i];
            switch (type) {
                case CATEGORICAL -> {
                    double mx = Double.NEGATIVE_INFINITY;
                    for (double v : r) {
                        mx = Math.max(mx, v);
                    }
                    double[] pr = new double[r.length];
                    double sum = 0;
                    for (int k = 0; k < r.length; k++) {
                        pr[k] = Math.exp(r[k] - mx);
                        sum += pr[k];
                    }
                    for (int k = 0; k < r.length; k++) {
                        pr[k] /= sum;
                    }
                    out[i] = pr;
                }
                case BINARY -> out[i] = new double[] {1 / (1 + Math.exp(-r[0]))};
                default -> out[i] = new double[] {r[0]};
            }
        }
        return out;
    }

    /** A response row → outcome scale: expected class value, probability, or de-standardised value. */
    double toOutcome(double[] response) {
        return switch (type) {
            case CATEGORICAL -> {
                double e = 0;
                for (int k = 0; k < response.length; k++) {
                    e += k * response[k];
                }
                yield e;
            }
            case BINARY -> response[0];
            default -> mean + sd * response[0];
        };
    }

    /** An effect on the response scale → effect on the outcome scale (differences: no mean shift). */
    double toEffect(double[] effect) {
        return type == OutcomeType.CONTINUOUS ? sd * effect[0] : toOutcome(effect);
    }
}
