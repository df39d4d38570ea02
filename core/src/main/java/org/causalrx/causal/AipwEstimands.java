package org.causalrx.causal;

import org.causalrx.util.InfluenceSe;
import org.causalrx.util.Stats;

/**
 * Doubly robust ATE, ATT and ATC from out-of-fold nuisances (one value per patient, predicted by models that did
 * not see the patient; see {@link CrossFitAipw}). With e the propensity clipped to [clip, 1 − clip], m0 / m1 the
 * arm outcome models and p1 = n1 / n, p0 = n0 / n:
 * <ul>
 *   <li>ATE: psi = m1 − m0 + t(y − m1)/e − (1 − t)(y − m0)/(1 − e); theta = mean psi.</li>
 *   <li>ATT: theta = (1/n1) Σ [t(y − m0) − (1 − t) e/(1 − e) (y − m0)], influence function
 *       psi = [t(y − m0) − (1 − t) e/(1 − e)(y − m0) − t theta] / p1.</li>
 *   <li>ATC: the same with the arms swapped, theta = (1/n0) Σ [(1 − t)(m1 − y) + t (1 − e)/e (y − m1)],
 *       psi = [(1 − t)(m1 − y) + t (1 − e)/e (y − m1) − (1 − t) theta] / p0.</li>
 * </ul>
 * SE = sd(psi)/sqrt(n), or cluster-robust when rows are grouped by patient ({@link InfluenceSe}: psi summed within
 * each patient, G/(G − 1) small-sample factor), and the 95 % normal interval, all on the outcome's scale.
 *
 * @param t  treatment 0/1 per patient (n)
 * @param y  outcome per patient (n)
 * @param e  out-of-fold propensity per patient, already clipped (n)
 * @param m0 out-of-fold control-arm outcome prediction per patient (n)
 * @param m1 out-of-fold treated-arm outcome prediction per patient (n)
 * @param groups patient id per row (n) when a patient has several rows, or null: each row its own patient
 */
public record AipwEstimands(int[] t, double[] y, double[] e, double[] m0, double[] m1, int[] groups) {
    private static final double Z975 = 1.959963984540054;

    /**
     * One estimate.
     *
     * @param estimand what it targets
     * @param estimate theta, outcome units
     * @param se       standard error from the influence function (cluster-robust with groups), outcome units
     * @param n        patients used (the whole cohort; ATT / ATC average over n1 / n0 of them)
     * @param folds    cross-fitting folds
     */
    public record Estimate(Estimand estimand, double estimate, double se, double ciLow, double ciHigh, int n,
                           int folds) {
    }

    public AipwEstimands {
        int n = t.length;
        if (y.length != n || e.length != n || m0.length != n || m1.length != n
                || groups != null && groups.length != n) {
            throw new IllegalArgumentException("AIPW nuisances need one value per patient (" + n + ")");
        }
    }

    /** Rows that are independent patients. */
    public AipwEstimands(int[] t, double[] y, double[] e, double[] m0, double[] m1) {
        this(t, y, e, m0, m1, null);
    }

    /** The estimate of {@code estimand} with its influence-function SE and 95 % interval. */
    public Estimate estimate(Estimand estimand, int folds) {
        int n = t.length;
        double[] psi = new double[n];
        double theta;
        switch (estimand) {
            case ATE -> {
                for (int i = 0; i < n; i++) {
                    psi[i] = m1[i] - m0[i] + t[i] * (y[i] - m1[i]) / e[i] - (1 - t[i]) * (y[i] - m0[i]) / (1 - e[i]);
                }
                theta = Stats.mean(psi);
            }
            case ATT -> {
                double n1 = 0;
                double[] a = new double[n];
                for (int i = 0; i < n; i++) {
                    n1 += t[i];
                    double r = y[i] - m0[i];
                    a[i] = t[i] == 1 ? r : -e[i] / (1 - e[i]) * r;
                }
                theta = sum(a) / n1;
                double p1 = n1 / n;
                for (int i = 0; i < n; i++) {
                    psi[i] = (a[i] - t[i] * theta) / p1;
                }
            }
            case ATC -> {
                double n0 = 0;
                double[] a = new double[n];
                for (int i = 0; i < n; i++) {
                    n0 += 1 - t[i];
                    a[i] = t[i] == 0 ? m1[i] - y[i] : (1 - e[i]) / e[i] * (y[i] - m1[i]);
                }
                theta = sum(a) / n0;
                double p0 = n0 / n;
                for (int i = 0; i < n; i++) {
                    psi[i] = (a[i] - (1 - t[i]) * theta) / p0;
                }
            }
            default -> throw new IllegalStateException("unknown estimand " + estimand);
        }
        double se = InfluenceSe.se(psi, groups);
        return new Estimate(estimand, theta, se, theta - Z975 * se, theta + Z975 * se, n, folds);
    }

    /**
     * The AIPW mean outcome if everyone received {@code arm}: mean of m1 + t(y − m1)/e (arm 1) or
     * m0 + (1 − t)(y − m0)/(1 − e) (arm 0); their difference is the ATE.
     */
    public double armMean(int arm) {
        if (arm != 0 && arm != 1) {
            throw new IllegalArgumentException("two-arm AIPW: arm must be 0 or 1, got " + arm);
        }
        double s = 0;
        for (int i = 0; i < t.length; i++) {
            s += arm == 1 ? m1[i] + t[i] * (y[i] - m1[i]) / e[i] : m0[i] + (1 - t[i]) * (y[i] - m0[i]) / (1 - e[i]);
        }
        return s / t.length;
    }

    private static double sum(double[] v) {
        double s = 0;
        for (double d : v) {
            s += d;
        }
        return s;
    }
}
