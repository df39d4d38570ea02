package org.causalrx.learn.bart;

import org.causalrx.learn.ProbabilityModel;

/**
 * A fitted probit BART: the kept posterior draws of f, stored compactly. Immutable.
 * {@link #predictProba} is the posterior mean of Φ(offset + f(x)).
 */
public final class BartProbitModel implements ProbabilityModel {
    private final PackedForest forest;
    private final double offset;
    private final int features;

    BartProbitModel(PackedForest forest, double offset, int features) {
        this.forest = forest;
        this.offset = offset;
        this.features = features;
    }

    /** Posterior mean of P(t = 1 | x) for each row. */
    @Override
    public double[] predictProba(double[][] x) {
        BartInputs.predictRows(x, features);
        int d = forest.draws();
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            double s = 0;
            for (int k = 0; k < d; k++) {
                s += BartMath.phi(offset + forest.eval(k, x[i]));
            }
            out[i] = s / d;
        }
        return out;
    }

    /** Posterior draws of P(t = 1 | x): {@code [draw][row]}. */
    public double[][] posteriorDraws(double[][] x) {
        BartInputs.predictRows(x, features);
        int d = forest.draws();
        double[][] out = new double[d][x.length];
        for (int k = 0; k < d; k++) {
            for (int i = 0; i < x.length; i++) {
                out[k][i] = BartMath.phi(offset + forest.eval(k, x[i]));
            }
        }
        return out;
    }

    /** Number of kept posterior draws. */
    public int draws() {
        return forest.draws();
    }
}
