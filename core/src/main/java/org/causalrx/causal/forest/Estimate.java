package org.causalrx.causal.forest;

import org.causalrx.util.Normal;

/** Point estimates τ̂(x) and their estimated variances (NaN where unavailable, e.g. ciGroupSize = 1). */
public record Estimate(double[] tau, double[] variance) {

    /** Two-sided normal interval at level 1 − alpha. */
    public Interval interval(double alpha) {
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("alpha must be in (0, 1), got " + alpha);
        }
        double z = Normal.quantile(1 - alpha / 2);
        double[] lo = new double[tau.length];
        double[] hi = new double[tau.length];
        for (int i = 0; i < tau.length; i++) {
            double h = z * Math.sqrt(variance[i]);
            lo[i] = tau[i] - h;
            hi[i] = tau[i] + h;
        }
        return new Interval(lo, hi);
    }

    /** Pointwise interval bounds. */
    public record Interval(double[] lower, double[] upper) {
    }
}
