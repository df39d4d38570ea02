package org.causalrx.learn.bart;

import org.causalrx.learn.RegressionModel;

/**
 * A fitted BART regression: the kept posterior draws of the sum of trees, stored compactly. Immutable.
 * {@link #predict} is the posterior mean of f(x) on the original scale of y; {@link #posteriorDraws} gives
 * every draw (for credible intervals, or CATE draws of a T-learner as differences of two models' draws).
 */
public final class BartModel implements RegressionModel {
    private final PackedForest forest;
    private final double center;
    private final double scale;
    private final double[] sigma;
    private final int features;

    BartModel(PackedForest forest, double center, double scale, double[] sigma, int features) {
        this.forest = forest;
        this.center = center;
        this.scale = scale;
        this.sigma = sigma;
        this.features = features;
    }

    /** Posterior mean of f(x) for each row, on the original scale. */
    @Override
    public double[] predict(double[][] x) {
        BartInputs.predictRows(x, features);
        int d = forest.draws();
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            double s = 0;
            for (int k = 0; k < d; k++) {
                s += forest.eval(k, x[i]);
            }
            out[i] = center + scale * s / d;
        }
        return out;
    }

    /** Posterior draws of f(x): {@code [draw][row]}, on the original scale. */
    public double[][] posteriorDraws(double[][] x) {
        BartInputs.predictRows(x, features);
        int d = forest.draws();
        double[][] out = new double[d][x.length];
        for (int k = 0; k < d; k++) {
            double[] row = out[k];
            for (int i = 0; i < x.length; i++) {
                row[i] = center + scale * forest.eval(k, x[i]);
            }
        }
        return out;
    }

    /** Posterior draws of the noise SD σ on the original scale, one per kept draw (a copy). */
    public double[] sigmaDraws() {
        return sigma.clone();
    }

    /** Number of kept posterior draws. */
    public int draws() {
        return forest.draws();
    }

    PackedForest forest() {
        return forest;
    }

    double center() {
        return center;
    }

    double scale() {
        return scale;
    }

    int features() {
        return features;
    }

    /** Total tree nodes stored over all draws (a measure of the model's memory: 16 bytes each). */
    public int storedNodes() {
        return forest.nodes();
    }
}
