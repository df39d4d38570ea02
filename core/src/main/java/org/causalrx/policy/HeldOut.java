package org.causalrx.policy;

/**
 * The held-out (test) patients a policy is evaluated on (TRS App. D).
 *
 * @param y        factual outcomes
 * @param t        observed treatment, 0/1
 * @param pStar1   evaluation propensity p*(1 | x) from a model fit on all data; clipped to [clip, 1 − clip]
 * @param mu0      plug-in outcome prediction under arm 0
 * @param mu1      plug-in outcome prediction under arm 1
 */
public record HeldOut(double[] y, int[] t, double[] pStar1, double[] mu0, double[] mu1) {
    /** Propensities are clipped to [CLIP, 1 − CLIP] so that no single patient's weight explodes. */
    public static final double CLIP = 0.01;

    public HeldOut {
        int n = y.length;
        if (t.length != n || pStar1.length != n || mu0.length != n || mu1.length != n) {
            throw new IllegalArgumentException("held-out arrays differ in length");
        }
        y = y.clone();
        t = t.clone();
        mu0 = mu0.clone();
        mu1 = mu1.clone();
        double[] p = new double[n];
        for (int i = 0; i < n; i++) {
            p[i] = Math.min(Math.max(pStar1[i], CLIP), 1 - CLIP);
        }
        pStar1 = p;
    }

    public int size() {
        return y.length;
    }

    /** p*(t_i | x_i): the evaluation propensity of the treatment patient i actually received. */
    double observedPropensity(int i) {
        return t[i] == 1 ? pStar1[i] : 1 - pStar1[i];
    }
}
