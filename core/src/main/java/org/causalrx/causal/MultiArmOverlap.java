package org.causalrx.causal;

import java.util.Arrays;
import java.util.Locale;

/**
 * The K-arm overlap set S = {x : e_a(x) ≥ η for every arm a} of a generalized propensity e(x) = (e_0(x), …,
 * e_{K−1}(x)); patients outside S are deferred. With K = 2 this is the binary set {η ≤ e_1(x) ≤ 1 − η}, i.e.
 * {@link OverlapSet} with η_low = η and η_high = 1 − η.
 *
 * <p>Rule when the study gives no η ({@link #chosen}): the Crump et al. (2009) rule generalised to K arms as in
 * Yang et al. (2016, Biometrics, "Propensity score methods for multiple treatments"): with λ(x) = Σ_a 1/e_a(x),
 * γ is the smallest value with γ ≥ 2·mean(λ | λ ≤ γ) over the training patients. The set {λ ≤ γ} is turned into a
 * threshold on the smallest propensity: η is the smallest min_a e_a(x) inside {λ ≤ γ}, reached where one arm has η
 * and the others share 1 − η equally, i.e. the smaller root of 1/η + (K−1)²/(1−η) = γ. For K = 2, λ = 1/(e(1−e))
 * and η is exactly the binary rule's α = 1/2 − sqrt(1/4 − 1/γ). As in the binary rule, η is at least 0.01.
 *
 * @param eta    threshold in [0, 1): every arm's propensity must be at least η (above 1/K the set is empty)
 * @param method how η was chosen, in words for the report
 */
public record MultiArmOverlap(double eta, String method) {
    /** Floor on η when the rule trims nothing (the binary rule's [0.01, 0.99]). */
    public static final double FLOOR = 0.01;

    /** Validates η. */
    public MultiArmOverlap {
        if (!(eta >= 0 && eta < 1)) {
            throw new IllegalArgumentException("overlap threshold eta must be in [0, 1), got " + eta);
        }
    }

    /** η given in the study (for K = 2 a symmetric pair η_low = η, η_high = 1 − η). */
    public static MultiArmOverlap given(double eta) {
        return new MultiArmOverlap(eta, "given in the study");
    }

    /**
     * η chosen from the training propensities by the rule in the class comment.
     *
     * @param trainP n × K training propensities (rows sum to 1), K ≥ 2
     */
    public static MultiArmOverlap chosen(double[][] trainP) {
        int k = trainP[0].length;
        double[] g = new double[trainP.length];
        for (int i = 0; i < g.length; i++) {
            g[i] = inverseSum(trainP[i], k);
        }
        Arrays.sort(g);
        double c = (double) (k - 1) * (k - 1);
        double sum = 0;
        for (int m = 0; m < g.length - 1; m++) {
            sum += g[m];
            double mean = sum / (m + 1);
            if (g[m + 1] > 2 * mean && g[m] <= 2 * mean) {
                double gamma = 2 * mean;
                // smaller root of η² − (1 + (1 − c)/γ) η + 1/γ = 0; for K = 2 (c = 1) it is 1/2 − sqrt(1/4 − 1/γ)
                double h = 0.5 * (1 + (1 - c) / gamma);
                double eta = h - Math.sqrt(Math.max(0, h * h - 1 / gamma));
                if (eta > FLOOR) {
                    return new MultiArmOverlap(eta, String.format(Locale.ROOT, "chosen from the training propensities"
                            + " by the Crump et al. (2009) rule generalised to %d arms (eta = %.3f: keep patients"
                            + " whose propensity for every arm is at least eta)", k, eta));
                }
                break;
            }
        }
        return new MultiArmOverlap(FLOOR, "chosen from the training propensities by the Crump et al. (2009) rule"
                + " generalised to " + k + " arms; no trimming was needed, so a floor of eta = 0.01 is used");
    }

    /** λ(x) = Σ_a 1/e_a(x), e clipped to [1e-6, 1 − 1e-6]; for K = 2 computed as 1/(e_1(1 − e_1)). */
    private static double inverseSum(double[] e, int k) {
        if (e.length != k) {
            throw new IllegalArgumentException("propensity rows differ in length: " + e.length + " and " + k);
        }
        if (k == 2) {
            double v = Math.min(Math.max(e[1], 1e-6), 1 - 1e-6);
            return 1 / (v * (1 - v));
        }
        double s = 0;
        for (double v : e) {
            s += 1 / Math.min(Math.max(v, 1e-6), 1 - 1e-6);
        }
        return s;
    }

    /** True when every arm's propensity in {@code e} (K values) is at least η. */
    public boolean contains(double[] e) {
        for (double v : e) {
            if (!(v >= eta)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Which patients lie in S, and who is outside.
     *
     * @param p n × K propensities
     * @param t n received arms in 0..K−1
     */
    public Membership apply(double[][] p, int[] t) {
        if (p.length != t.length) {
            throw new IllegalArgumentException("overlap: " + p.length + " propensity rows for " + t.length + " arms");
        }
        int k = p.length == 0 ? 0 : p[0].length;
        boolean[] in = new boolean[p.length];
        int[] outsideByArm = new int[k];
        int[] belowByArm = new int[k];
        int inside = 0;
        for (int i = 0; i < p.length; i++) {
            in[i] = contains(p[i]);
            if (in[i]) {
                inside++;
            } else {
                outsideByArm[t[i]]++;
            }
            for (int a = 0; a < k; a++) {
                if (!(p[i][a] >= eta)) {
                    belowByArm[a]++;
                }
            }
        }
        return new Membership(eta, in, inside, outsideByArm, belowByArm);
    }

    /**
     * The overlap set applied to n patients.
     *
     * @param eta          the threshold used
     * @param inOverlap    n flags: true when every e_a(x_i) ≥ η
     * @param inside       number of patients in S
     * @param outsideByArm K counts: patients outside S by the arm they received
     * @param belowByArm   K counts: patients whose propensity for arm a is below η (a patient can count for
     *                     several arms)
     */
    public record Membership(double eta, boolean[] inOverlap, int inside, int[] outsideByArm, int[] belowByArm) {
        public Membership {
            inOverlap = inOverlap.clone();
            outsideByArm = outsideByArm.clone();
            belowByArm = belowByArm.clone();
        }

        @Override
        public boolean[] inOverlap() {
            return inOverlap.clone();
        }

        @Override
        public int[] outsideByArm() {
            return outsideByArm.clone();
        }

        @Override
        public int[] belowByArm() {
            return belowByArm.clone();
        }
    }
}
