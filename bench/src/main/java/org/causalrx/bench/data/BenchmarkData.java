package org.causalrx.bench.data;

/**
 * One semi-synthetic benchmark data set with known expected potential outcomes.
 *
 * @param name  e.g. "ihdp-3", "acic-1"
 * @param x     n × p covariates
 * @param t     0/1 treatment
 * @param y     observed (factual) outcome
 * @param mu0   expected outcome under control
 * @param mu1   expected outcome under treatment
 */
public record BenchmarkData(String name, double[][] x, int[] t, double[] y, double[] mu0, double[] mu1) {
    /** The true individual effect mu1 − mu0. */
    public double[] trueEffect() {
        double[] tau = new double[mu0.length];
        for (int i = 0; i < tau.length; i++) {
            tau[i] = mu1[i] - mu0[i];
        }
        return tau;
    }
}
