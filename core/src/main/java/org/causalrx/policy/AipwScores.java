package org.causalrx.policy;

import org.causalrx.util.InfluenceSe;
import org.causalrx.util.Normal;
import org.causalrx.util.Stats;

/**
 * Per-patient doubly robust (AIPW) scores of every arm 0..K−1, for valuing policies over a whole cohort whose
 * nuisance models were cross-fitted (Athey &amp; Wager, policy learning; Zhou, Athey &amp; Wager for K arms):
 * Gamma_i(a) = mu_a(x_i) + 1[t_i = a] (y_i − mu_a(x_i)) / e_a(x_i), with the generalized propensity e_a(x) =
 * P(T = a | x) clipped to [clip, 1 − clip] (two arms: e_1 = e(x), e_0 = 1 − e(x)). A policy's score for patient i is
 * Gamma_i(pi(x_i)), or the factual y_i where it defers (TRS Eq. 5); its value is the mean score. Current practice is
 * valued as the observed outcomes, mean(y). Standard errors are sd/sqrt(n) over patients, or cluster-robust when
 * rows are grouped by patient ({@link InfluenceSe}: scores summed within each patient, G/(G − 1) small-sample
 * factor).
 *
 * @param y      factual outcomes, length n (outcome units)
 * @param gamma  n × K scores Gamma_i(a) (outcome units)
 * @param groups patient id per row (n) when a patient has several rows, or null: each row its own patient
 */
public record AipwScores(double[] y, double[][] gamma, int[] groups) {
    private static final double Z95 = 1.959963984540054;

    public AipwScores {
        if (gamma.length != y.length || y.length < 2 || groups != null && groups.length != y.length) {
            throw new IllegalArgumentException("AIPW scores need at least two patients and arrays of one length");
        }
        groups = groups == null ? null : groups.clone();
        int k = gamma[0].length;
        if (k < 2) {
            throw new IllegalArgumentException("AIPW scores need at least two arms, got " + k);
        }
        y = y.clone();
        double[][] g = new double[gamma.length][];
        for (int i = 0; i < g.length; i++) {
            if (gamma[i].length != k) {
                throw new IllegalArgumentException("AIPW score row " + i + " has " + gamma[i].length + " arms, not "
                        + k);
            }
            g[i] = gamma[i].clone();
        }
        gamma = g;
    }

    /** Rows that are independent patients. */
    public AipwScores(double[] y, double[][] gamma) {
        this(y, gamma, null);
    }

    /** The same scores with rows grouped by patient (cluster-robust standard errors); null: rows independent. */
    public AipwScores withGroups(int[] patientOfRow) {
        return new AipwScores(y, gamma, patientOfRow);
    }

    /**
     * Two arms.
     *
     * @param t   observed arm, 0/1
     * @param e1  out-of-fold propensity e(x) = P(T = 1 | x); clipped here to [clip, 1 − clip]
     * @param mu0 out-of-fold outcome prediction under arm 0
     * @param mu1 out-of-fold outcome prediction under arm 1
     */
    public static AipwScores of(double[] y, int[] t, double[] e1, double[] mu0, double[] mu1, double clip) {
        int n = y.length;
        if (t.length != n || e1.length != n || mu0.length != n || mu1.length != n) {
            throw new IllegalArgumentException("AIPW inputs differ in length");
        }
        double[][] g = new double[n][];
        for (int i = 0; i < n; i++) {
            double e = Math.min(Math.max(e1[i], clip), 1 - clip);
            g[i] = new double[] {mu0[i] + (t[i] == 0 ? (y[i] - mu0[i]) / (1 - e) : 0),
                mu1[i] + (t[i] == 1 ? (y[i] - mu1[i]) / e : 0)};
        }
        return new AipwScores(y, g);
    }

    /**
     * K arms.
     *
     * @param t    observed arm per patient, 0..K−1
     * @param e    n × K out-of-fold generalized propensities P(T = a | x); each clipped here to [clip, 1 − clip]
     * @param mu   n × K out-of-fold outcome predictions mu_a(x)
     * @param clip propensity floor, in [0, 0.5)
     */
    public static AipwScores multiArm(double[] y, int[] t, double[][] e, double[][] mu, double clip) {
        int n = y.length;
        if (t.length != n || e.length != n || mu.length != n) {
            throw new IllegalArgumentException("AIPW inputs differ in length");
        }
        double[][] g = new double[n][];
        for (int i = 0; i < n; i++) {
            int k = mu[i].length;
            if (e[i].length != k || t[i] < 0 || t[i] >= k) {
                throw new IllegalArgumentException("AIPW row " + i + ": " + e[i].length + " propensities, " + k
                        + " outcome predictions, observed arm " + t[i]);
            }
            g[i] = mu[i].clone();
            int a = t[i];
            double ea = Math.min(Math.max(e[i][a], clip), 1 - clip);
            g[i][a] = mu[i][a] + (y[i] - mu[i][a]) / ea;
        }
        return new AipwScores(y, g);
    }

    /** Number of arms K. */
    public int arms() {
        return gamma[0].length;
    }

    public int size() {
        return y.length;
    }

    /** Per-patient scores of a policy: Gamma_i(d_i), or y_i where d_i is {@link PolicyDecisions#DEFER}. */
    public double[] scores(int[] decisions) {
        if (decisions.length != y.length) {
            throw new IllegalArgumentException("decisions for " + decisions.length + " patients, scores for "
                    + y.length);
        }
        double[] s = new double[y.length];
        for (int i = 0; i < s.length; i++) {
            int d = decisions[i];
            if (d != PolicyDecisions.DEFER && (d < 0 || d >= gamma[i].length)) {
                throw new IllegalArgumentException("decision " + d + " for patient " + i + " is neither DEFER nor an "
                        + "arm 0.." + (gamma[i].length - 1));
            }
            s[i] = d == PolicyDecisions.DEFER ? y[i] : gamma[i][d];
        }
        return s;
    }

    /**
     * The value of a policy with its normal 95 % interval and its paired gain over current practice.
     *
     * @param betterSign +1 when higher outcomes are better, −1 when lower are better
     */
    public Estimate value(int[] decisions, int betterSign) {
        return estimate(scores(decisions), betterSign);
    }

    /** Current practice (the treatment actually given), valued as the observed outcomes: exactly mean(y). */
    public Estimate currentPractice(int betterSign) {
        return estimate(y, betterSign);
    }

    private Estimate estimate(double[] s, int betterSign) {
        int n = s.length;
        double v = Stats.mean(s);
        double se = InfluenceSe.se(s, groups);
        double[] diff = new double[n];
        for (int i = 0; i < n; i++) {
            diff[i] = s[i] - y[i];
        }
        double g = Stats.mean(diff);
        double gse = InfluenceSe.se(diff, groups);
        double prob = gse > 0 ? Normal.cdf(betterSign * g / gse) : Double.NaN;
        return new Estimate(v, se, v - Z95 * se, v + Z95 * se, g, gse, g - Z95 * gse, g + Z95 * gse, prob);
    }

    /**
     * A policy's value over the scored patients (outcome units).
     *
     * @param value       mean score
     * @param se          sd(scores) / sqrt(n) (cluster-robust with groups)
     * @param ciLow       value − 1.96 se
     * @param ciHigh      value + 1.96 se
     * @param gain        mean(score_i − y_i): the value minus current practice's, paired per patient
     * @param gainSe      sd(score_i − y_i) / sqrt(n) (cluster-robust with groups); 0 for current practice itself
     * @param gainCiLow   gain − 1.96 gainSe
     * @param gainCiHigh  gain + 1.96 gainSe
     * @param probBetter  normal probability that the gain points the better way, Phi(betterSign · gain / gainSe)
     *                    (one minus the one-sided p-value of "no better than current practice"); NaN when
     *                    gainSe = 0
     */
    public record Estimate(double value, double se, double ciLow, double ciHigh, double gain, double gainSe,
                           double gainCiLow, double gainCiHigh, double probBetter) {
    }
}
