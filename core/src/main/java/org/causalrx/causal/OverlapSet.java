package org.causalrx.causal;

import java.util.Arrays;

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

    /**
     * Crump, Hotz, Imbens & Mitnik (2009) optimal trimming: keep alpha ≤ e ≤ 1 − alpha with alpha chosen from
     * the training propensities so that the variance bound of the trimmed ATE is smallest. With g = 1/(e(1−e)),
     * gamma is the smallest value with gamma ≥ 2·mean(g | g ≤ gamma), and alpha = 1/2 − sqrt(1/4 − 1/gamma).
     * When no trimming helps (max g ≤ 2·mean g) alpha = 0.01, a numerical floor.
     */
    public static OverlapSet crump(double[] trainPropensity) {
        double[] g = new double[trainPropensity.length];
        for (int i = 0; i < g.length; i++) {
            double e = Math.min(Math.max(trainPropensity[i], 1e-6), 1 - 1e-6);
            g[i] = 1 / (e * (1 - e));
        }
        Arrays.sort(g);
        double sum = 0;
        double alpha = 0.01;
        String how = "chosen from the training propensities by the Crump et al. (2009) rule; no trimming was "
                + "needed, so a floor of [0.01, 0.99] is used";
        for (int k = 0; k < g.length; k++) {
            sum += g[k];
            double mean = sum / (k + 1);
            boolean last = k == g.length - 1;
            if (!last && g[k + 1] > 2 * mean && g[k] <= 2 * mean) {
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
        }
        return new OverlapSet(alpha, 1 - alpha, how);
    }
}
