package org.causalrx.causal;

import java.util.Arrays;
import java.util.PrimitiveIterator;

/**
 * The overlap set S = {x : etaLow ≤ e(x) ≤ etaHigh} (TRS §3.4). Patients outside S are deferred.
 *
 * @param method how the thresholds were chosen, in words for the report
 */
public record OverlapSet(double etaLow, double etaHigh, String method) {
    public OverlapSet {
        if (!(etaLow >= 0 && etaLow < etaHigh && etaHigh <= 1)) {
            throw new IllegalArgumentException("overlap thresholds must satisfy 0 <= eta_low < eta_high <= 1, got "
                    + etaLow + ", " + etaHigh);
        }
    }

    public boolean contains(double e) {
        return e >= etaLow && e <= etaHigh;
    }

    public int count(double[] e) {
        int c = 0;
        for (double v : e) {
            if (contains(v)) {
                c++;
            }
        }
        return c;
    }

    /** Propensities are clamped to [E_FLOOR, 1 − E_FLOOR] before the Crump rule's weights 1/(e(1−e)). */
    public static final double E_FLOOR = 1e-6;

    /**
     * Crump, Hotz, Imbens & Mitnik (2009) optimal trimming: keep alpha ≤ e ≤ 1 − alpha with alpha chosen from
     * the training propensities so that the variance bound of the trimmed ATE is smallest. With g = 1/(e(1−e)),
     * gamma is the smallest value with gamma ≥ 2·mean(g | g ≤ gamma), and alpha = 1/2 − sqrt(1/4 − 1/gamma).
     * When no trimming helps (max g ≤ 2·mean g) alpha = 0.01, a numerical floor.
     */
    public static OverlapSet crump(double[] trainPropensity) {
        double[] g = new double[trainPropensity.length];
        for (int i = 0; i < g.length; i++) {
            g[i] = crumpWeight(trainPropensity[i]);
        }
        Arrays.sort(g);
        return crumpOfSorted(Arrays.stream(g).iterator());
    }

    /** The Crump rule's weight g = 1/(e(1−e)) of one propensity, e clamped to [E_FLOOR, 1 − E_FLOOR]. */
    public static double crumpWeight(double propensity) {
        double e = Math.min(Math.max(propensity, E_FLOOR), 1 - E_FLOOR);
        return 1 / (e * (1 - e));
    }

    /**
     * The {@link #crump} rule from the weights {@link #crumpWeight} of the training propensities in ascending order;
     * reads only up to the first gap (a weight above twice the mean of those before it), so a stream sorted
     * elsewhere (e.g. by a distributed engine) need not fit in memory.
     */
    public static OverlapSet crumpOfSorted(PrimitiveIterator.OfDouble ascendingWeights) {
        double sum = 0;
        double alpha = 0.01;
        String how = "chosen from the training propensities by the Crump et al. (2009) rule; no trimming was "
                + "needed, so a floor of [0.01, 0.99] is used";
        long k = 0;
        double gk = ascendingWeights.hasNext() ? ascendingWeights.nextDouble() : Double.NaN;
        while (!Double.isNaN(gk)) {
            sum += gk;
            double mean = sum / (k + 1);
            double next = ascendingWeights.hasNext() ? ascendingWeights.nextDouble() : Double.NaN;
            if (!Double.isNaN(next) && next > 2 * mean && gk <= 2 * mean) {
                // g values above 2·mean(g | g ≤ g_k) are trimmed
                double gamma = 2 * mean;
                double a = 0.5 - Math.sqrt(Math.max(0, 0.25 - 1 / gamma));
                if (a > alpha) {
                    alpha = a;
                    how = String.format(java.util.Locale.ROOT,
                            "chosen from the training propensities by the Crump et al. (2009) rule "
                                    + "(alpha = %.3f: keep alpha <= e(x) <= 1 - alpha)", a);
                }
                break;
            }
            gk = next;
            k++;
        }
        return new OverlapSet(alpha, 1 - alpha, how);
    }
}
