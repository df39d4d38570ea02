package org.causalrx.simulate;

/**
 * Simulated potential outcomes for every row of the data table, on the real outcome's scale. Rows outside the
 * analysis cohort (outcome missing and dropped by the study) hold {@code NaN}.
 *
 * @param y0        outcome under control (with noise)
 * @param y1        outcome under treatment (with noise)
 * @param cate      the true, noise-free effect {@code E[Y1 − Y0 | x]}; the Optimal policy's sign rule uses it
 * @param mu0       noise-free mean outcome under control
 * @param mu1       noise-free mean outcome under treatment
 * @param effect    mean |cate| over the cohort actually achieved (equals the requested C unless capped)
 */
public record PotentialOutcomes(double[] y0, double[] y1, double[] cate, double[] mu0, double[] mu1, double effect) {
    public PotentialOutcomes {
        y0 = y0.clone();
        y1 = y1.clone();
        cate = cate.clone();
        mu0 = mu0.clone();
        mu1 = mu1.clone();
    }

    @Override
    public double[] y0() {
        return y0.clone();
    }

    @Override
    public double[] y1() {
        return y1.clone();
    }

    @Override
    public double[] cate() {
        return cate.clone();
    }

    @Override
    public double[] mu0() {
        return mu0.clone();
    }

    @Override
    public double[] mu1() {
        return mu1.clone();
    }

    /** The factual outcome per table row: {@code y1} where {@code t == 1}, else {@code y0}; NaN stays NaN. */
    public double[] factual(int[] tableTreatment) {
        double[] y = new double[y0.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = tableTreatment[i] == 1 ? y1[i] : y0[i];
        }
        return y;
    }
}
