package org.causalrx.causal.diagnostics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.causalrx.util.Stats;

/**
 * CATE calibration (paper Fig. S.7): patients binned by quantile of predicted CATE; in each bin the AIPW ATE
 * (mean of doubly robust pseudo-outcomes) with a 95 % normal CI, against the bin's mean predicted CATE. A
 * well-calibrated estimator lies on y = x.
 */
public final class CateCalibration {
    private CateCalibration() {
    }

    /** One bin: mean predicted CATE, AIPW ATE in the bin and its CI, size. */
    public record Bin(double meanPredicted, double aipw, double ciLow, double ciHigh, int n) {
    }

    /**
     * @param predicted predicted CATE per patient
     * @param psi       doubly robust pseudo-outcome per patient (its mean is the AIPW ATE)
     * @param bins      number of equal-count bins (default 5)
     */
    public static List<Bin> bins(double[] predicted, double[] psi, int bins) {
        int n = predicted.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> predicted[a] != predicted[b] ? Double.compare(predicted[a], predicted[b])
                : Integer.compare(a, b));
        List<Bin> out = new ArrayList<>();
        int k = Math.min(bins, n);
        for (int b = 0; b < k; b++) {
            int from = (int) ((long) b * n / k);
            int to = (int) ((long) (b + 1) * n / k);
            if (to - from < 2) {
                continue;
            }
            double[] p = new double[to - from];
            double[] s = new double[to - from];
            for (int r = from; r < to; r++) {
                p[r - from] = predicted[order[r]];
                s[r - from] = psi[order[r]];
            }
            double m = Stats.mean(s);
            double se = Stats.sd(s) / Math.sqrt(s.length);
            out.add(new Bin(Stats.mean(p), m, m - 1.96 * se, m + 1.96 * se, s.length));
        }
        return out;
    }

    /** Doubly robust pseudo-outcomes from given nuisances (e clipped to [clip, 1 − clip]). */
    public static double[] pseudoOutcomes(double[] y, int[] t, double[] e, double[] mu0, double[] mu1, double clip) {
        double[] psi = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            double ei = Math.min(Math.max(e[i], clip), 1 - clip);
            psi[i] = mu1[i] - mu0[i] + t[i] * (y[i] - mu1[i]) / ei - (1 - t[i]) * (y[i] - mu0[i]) / (1 - ei);
        }
        return psi;
    }
}
