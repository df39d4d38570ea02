package org.causalrx.bench.data;

import java.util.SplittableRandom;

import org.causalrx.util.CausalRxException;

/**
 * Fresh IHDP-style replications: Hill (2011) response surface B drawn anew on the IHDP covariates and treatment,
 * so that method choices made on the distributed replications can be checked on data they never saw.
 * <p>
 * Surface B as Hill writes it: beta has one entry per covariate drawn from {0, 0.1, 0.2, 0.3, 0.4} with
 * probabilities {0.6, 0.1, 0.1, 0.1, 0.1}; mu0 = exp((x + 0.5)·beta), mu1 = x·beta − omega with omega chosen so
 * that the mean effect on the treated is 4; observed y = mu_t + N(0, 1) noise. Replications 1 and 3 of the
 * distributed files follow exactly this form; the others carry an extra constant in the exponent (up to 2.4 in
 * replication 9, whose control outcomes then reach 255), which this generator does not invent.
 */
public final class IhdpSurfaceB {
    private static final double[] VALUES = {0, 0.1, 0.2, 0.3, 0.4};
    private static final double[] CUMULATIVE = {0.6, 0.7, 0.8, 0.9, 1.0};
    private static final double OFFSET = 0.5;
    private static final double EFFECT_ON_TREATED = 4.0;

    private IhdpSurfaceB() {
    }

    /**
     * One replication on covariates {@code x} and treatment {@code t} (e.g. those of an IHDP file).
     *
     * @param name  the data set's name, e.g. "ihdp-sim-3"
     * @param seed  seeds beta and the noise
     */
    public static BenchmarkData draw(String name, double[][] x, int[] t, long seed) {
        int n = x.length;
        if (n == 0 || t.length != n) {
            throw new CausalRxException("surface B needs matching, non-empty covariates and treatment (got "
                    + n + " and " + t.length + " rows)");
        }
        int p = x[0].length;
        SplittableRandom rng = new SplittableRandom(seed);
        double[] beta = new double[p];
        for (int j = 0; j < p; j++) {
            double u = rng.nextDouble();
            int k = 0;
            while (u >= CUMULATIVE[k]) {
                k++;
            }
            beta[j] = VALUES[k];
        }
        double[] mu0 = new double[n];
        double[] mu1 = new double[n];
        double gapTreated = 0;
        int treated = 0;
        for (int i = 0; i < n; i++) {
            double lin = 0;
            double shifted = 0;
            for (int j = 0; j < p; j++) {
                lin += x[i][j] * beta[j];
                shifted += (x[i][j] + OFFSET) * beta[j];
            }
            mu0[i] = Math.exp(shifted);
            mu1[i] = lin;
            if (t[i] == 1) {
                gapTreated += mu1[i] - mu0[i];
                treated++;
            }
        }
        if (treated == 0) {
            throw new CausalRxException("surface B needs treated rows: the effect on the treated fixes omega");
        }
        double omega = gapTreated / treated - EFFECT_ON_TREATED;
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            mu1[i] -= omega;
            y[i] = (t[i] == 1 ? mu1[i] : mu0[i]) + gaussian(rng);
        }
        double[][] xs = new double[n][];
        for (int i = 0; i < n; i++) {
            xs[i] = x[i].clone();
        }
        return new BenchmarkData(name, xs, t.clone(), y, mu0, mu1);
    }

    private static double gaussian(SplittableRandom rng) {
        double u1 = rng.nextDouble();
        double u2 = rng.nextDouble();
        return Math.sqrt(-2 * Math.log1p(-u1)) * Math.cos(2 * Math.PI * u2);
    }
}
