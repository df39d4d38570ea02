package org.causalrx.causal.diagnostics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.causalrx.learn.Metrics;

/**
 * Fit diagnostics of a K-arm generalized propensity model on one split: the multiclass Brier score and, per arm a,
 * the one-vs-rest AUROC of e_a(x) against 1{t = a} and a calibration curve (equal-count bins of e_a(x): mean
 * prediction against the observed share of patients on arm a, the binning the binary propensity calibration uses).
 */
public final class PropensityArmDiagnostics {
    private PropensityArmDiagnostics() {
    }

    /**
     * One calibration bin of one arm.
     *
     * @param meanPredicted mean of e_a(x) over the bin's patients, in [0, 1]
     * @param observedShare share of the bin's patients who received arm a, in [0, 1]
     * @param n             patients in the bin
     */
    public record CalibrationBin(double meanPredicted, double observedShare, int n) {
    }

    /**
     * Diagnostics of one arm.
     *
     * @param arm         arm index (0 = reference)
     * @param auroc       one-vs-rest AUROC of e_a(x) for 1{t = a}; NaN when every or no patient received arm a
     * @param treated     patients who received arm a
     * @param calibration equal-count calibration bins, ascending in e_a(x)
     */
    public record ArmDiagnostics(int arm, double auroc, int treated, List<CalibrationBin> calibration) {
        public ArmDiagnostics {
            calibration = List.copyOf(calibration);
        }
    }

    /**
     * All arms' diagnostics.
     *
     * @param brier multiclass Brier score: mean over patients of Σ_a (e_a(x) − 1{t = a})², in [0, 2]
     * @param n     patients scored
     * @param arms  K entries, arm 0 first
     */
    public record Result(double brier, int n, List<ArmDiagnostics> arms) {
        public Result {
            arms = List.copyOf(arms);
        }
    }

    /**
     * @param t    n arms in 0..K−1
     * @param p    n × K predicted probabilities (rows sum to 1)
     * @param bins calibration bins per arm (at most n)
     */
    public static Result compute(int[] t, double[][] p, int bins) {
        int k = classes(t, p);
        List<ArmDiagnostics> arms = new ArrayList<>();
        for (int a = 0; a < k; a++) {
            int[] indicator = new int[t.length];
            double[] score = new double[t.length];
            int treated = 0;
            for (int i = 0; i < t.length; i++) {
                indicator[i] = t[i] == a ? 1 : 0;
                treated += indicator[i];
                score[i] = p[i][a];
            }
            arms.add(new ArmDiagnostics(a, Metrics.auroc(indicator, score), treated,
                    calibration(indicator, score, bins)));
        }
        return new Result(brier(t, p), t.length, arms);
    }

    /** Multiclass Brier score: mean over the n patients of Σ_a (p_ia − 1{t_i = a})². */
    public static double brier(int[] t, double[][] p) {
        int k = classes(t, p);
        double s = 0;
        for (int i = 0; i < t.length; i++) {
            for (int a = 0; a < k; a++) {
                double e = p[i][a] - (t[i] == a ? 1 : 0);
                s += e * e;
            }
        }
        return s / t.length;
    }

    /**
     * Equal-count bins of {@code p} (ties broken by row index): mean prediction and observed share of
     * {@code indicator} (0/1) per bin; min(bins, n) bins.
     */
    public static List<CalibrationBin> calibration(int[] indicator, double[] p, int bins) {
        int n = p.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(p[a], p[b]) != 0 ? Double.compare(p[a], p[b])
                : Integer.compare(a, b));
        List<CalibrationBin> out = new ArrayList<>();
        int k = Math.min(bins, n);
        for (int b = 0; b < k; b++) {
            int from = (int) ((long) b * n / k);
            int to = (int) ((long) (b + 1) * n / k);
            if (to <= from) {
                continue;
            }
            double sp = 0;
            double st = 0;
            for (int r = from; r < to; r++) {
                sp += p[order[r]];
                st += indicator[order[r]];
            }
            out.add(new CalibrationBin(sp / (to - from), st / (to - from), to - from));
        }
        return out;
    }

    private static int classes(int[] t, double[][] p) {
        if (t.length != p.length || t.length == 0) {
            throw new IllegalArgumentException("propensity diagnostics: " + t.length + " arms for " + p.length
                    + " probability rows (need the same positive number)");
        }
        int k = p[0].length;
        for (int i = 0; i < t.length; i++) {
            if (p[i].length != k) {
                throw new IllegalArgumentException("propensity diagnostics: row " + i + " has " + p[i].length
                        + " probabilities, row 0 has " + k);
            }
            if (t[i] < 0 || t[i] >= k) {
                throw new IllegalArgumentException("propensity diagnostics: row " + i + " has arm " + t[i]
                        + " outside 0.." + (k - 1));
            }
        }
        return k;
    }
}
