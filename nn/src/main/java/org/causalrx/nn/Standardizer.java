package org.causalrx.nn;

/**
 * Column standardisation learnt on training rows: (x − mean) / sd, with sd = 1 for constant columns.
 * Immutable.
 */
final class Standardizer {
    private final double[] mean;
    private final double[] sd;

    private Standardizer(double[] mean, double[] sd) {
        this.mean = mean;
        this.sd = sd;
    }

    static Standardizer fit(double[][] x) {
        int p = x[0].length;
        double[] mean = new double[p];
        double[] sd = new double[p];
        for (double[] row : x) {
            if (row.length != p) {
                throw new IllegalArgumentException("ragged covariate matrix: a row has " + row.length
                        + " columns, the first has " + p);
            }
            for (int j = 0; j < p; j++) {
                mean[j] += row[j];
            }
        }
        for (int j = 0; j < p; j++) {
            mean[j] /= x.length;
        }
        for (double[] row : x) {
            for (int j = 0; j < p; j++) {
                sd[j] += (row[j] - mean[j]) * (row[j] - mean[j]);
            }
        }
        for (int j = 0; j < p; j++) {
            sd[j] = Math.sqrt(sd[j] / Math.max(1, x.length - 1));
            if (!(sd[j] > 1e-12)) {
                sd[j] = 1;
            }
        }
        return new Standardizer(mean, sd);
    }

    /**
     * A standardiser with the given column means and sds (a saved one; see {@link NnBundleCodec}).
     *
     * @throws IllegalArgumentException when the lengths differ or an sd is not finite and positive
     */
    static Standardizer of(double[] mean, double[] sd) {
        if (mean.length != sd.length) {
            throw new IllegalArgumentException("standardiser has " + mean.length + " means and " + sd.length + " sds");
        }
        for (int j = 0; j < sd.length; j++) {
            if (!Double.isFinite(mean[j]) || !(sd[j] > 0) || !Double.isFinite(sd[j])) {
                throw new IllegalArgumentException("standardiser column " + j + " has mean " + mean[j] + ", sd "
                        + sd[j]);
            }
        }
        return new Standardizer(mean.clone(), sd.clone());
    }

    double[] mean() {
        return mean.clone();
    }

    double[] sd() {
        return sd.clone();
    }

    int columns() {
        return mean.length;
    }

    double[][] apply(double[][] x) {
        double[][] out = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            if (x[i].length != mean.length) {
                throw new IllegalArgumentException("expected " + mean.length + " covariates per row, row " + i
                        + " has " + x[i].length);
            }
            out[i] = new double[mean.length];
            for (int j = 0; j < mean.length; j++) {
                out[i][j] = (x[i][j] - mean[j]) / sd[j];
            }
        }
        return out;
    }

    float[][] applyFloat(double[][] x) {
        double[][] d = apply(x);
        float[][] out = new float[d.length][mean.length];
        for (int i = 0; i < d.length; i++) {
            for (int j = 0; j < mean.length; j++) {
                out[i][j] = (float) d[i][j];
            }
        }
        return out;
    }
}
