package org.causalrx.util;

/** Equal-width histograms of values on [0, 1] (probabilities), as shares of the values given. */
public final class Histogram {
    private Histogram() {
    }

    /**
     * @param values values in [0, 1] (clamped; non-finite values are skipped but still count in the denominator)
     * @param bins   number of equal-width bins; bin b holds [b / bins, (b + 1) / bins), the last one also 1
     * @return per bin the share of {@code values} in it (all zero when there are none)
     */
    public static double[] shares(double[] values, int bins) {
        double[] share = new double[bins];
        if (values == null || values.length == 0) {
            return share;
        }
        for (double v : values) {
            if (Double.isFinite(v)) {
                int b = (int) Math.floor(Math.max(0.0, Math.min(1.0, v)) * bins);
                share[Math.min(b, bins - 1)] += 1.0 / values.length;
            }
        }
        return share;
    }
}
