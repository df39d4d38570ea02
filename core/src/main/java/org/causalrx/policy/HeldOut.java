package org.causalrx.policy;

/**
 * The held-out (test) patients a policy is evaluated on (TRS App. D), for K ≥ 2 arms (index 0 the reference, see
 * {@link org.causalrx.result.Arms}).
 *
 * @param y     factual outcomes, length n (outcome units)
 * @param t     observed arm per patient, 0..K−1
 * @param pStar n × K evaluation propensities p*(a | x) from a model fit on all data; each entry clipped here to
 *              [CLIP, 1 − CLIP] (only p*(t_i | x_i) enters the weights)
 * @param mu    n × K plug-in outcome predictions mu_a(x) (outcome units)
 */
public record HeldOut(double[] y, int[] t, double[][] pStar, double[][] mu) {
    /** Propensities are clipped to [CLIP, 1 − CLIP] so that no single patient's weight explodes. */
    public static final double CLIP = 0.01;

    public HeldOut {
        int n = y.length;
        if (t.length != n || pStar.length != n || mu.length != n) {
            throw new IllegalArgumentException("held-out arrays differ in length");
        }
        int k = n == 0 ? 2 : mu[0].length;
        if (k < 2) {
            throw new IllegalArgumentException("held-out data need at least two arms, got " + k);
        }
        y = y.clone();
        t = t.clone();
        double[][] p = new double[n][];
        double[][] m = new double[n][];
        for (int i = 0; i < n; i++) {
            if (pStar[i].length != k || mu[i].length != k) {
                throw new IllegalArgumentException("held-out row " + i + " has " + pStar[i].length
                        + " propensities and " + mu[i].length + " plug-ins, expected " + k);
            }
            if (t[i] < 0 || t[i] >= k) {
                throw new IllegalArgumentException("held-out row " + i + ": arm " + t[i] + " is not in 0.." + (k - 1));
            }
            p[i] = new double[k];
            for (int a = 0; a < k; a++) {
                p[i][a] = clip(pStar[i][a]);
            }
            m[i] = mu[i].clone();
        }
        pStar = p;
        mu = m;
    }

    /**
     * Two arms: p*(1 | x) = clip(pStar1) and p*(0 | x) = 1 − clip(pStar1), plug-ins mu0 and mu1 (re-clipping
     * 1 − clip(pStar1) changes nothing, since it lies in [CLIP, 1 − CLIP] in floating point too).
     *
     * @param t      observed treatment, 0/1
     * @param pStar1 evaluation propensity p*(1 | x)
     * @param mu0    plug-in outcome prediction under arm 0
     * @param mu1    plug-in outcome prediction under arm 1
     */
    public HeldOut(double[] y, int[] t, double[] pStar1, double[] mu0, double[] mu1) {
        this(y, t, binaryPropensity(pStar1, y.length), columns(mu0, mu1, y.length));
    }

    private static double[][] binaryPropensity(double[] pStar1, int n) {
        if (pStar1.length != n) {
            throw new IllegalArgumentException("held-out arrays differ in length");
        }
        double[][] p = new double[n][];
        for (int i = 0; i < n; i++) {
            double p1 = clip(pStar1[i]);
            p[i] = new double[] {1 - p1, p1};
        }
        return p;
    }

    private static double[][] columns(double[] mu0, double[] mu1, int n) {
        if (mu0.length != n || mu1.length != n) {
            throw new IllegalArgumentException("held-out arrays differ in length");
        }
        double[][] m = new double[n][];
        for (int i = 0; i < n; i++) {
            m[i] = new double[] {mu0[i], mu1[i]};
        }
        return m;
    }

    private static double clip(double p) {
        return Math.min(Math.max(p, CLIP), 1 - CLIP);
    }

    public int size() {
        return y.length;
    }

    /** Number of arms K (2 when there are no patients). */
    public int arms() {
        return y.length == 0 ? 2 : mu[0].length;
    }

    /** Clipped p*(1 | x) per patient (a copy); two-arm data only. */
    public double[] pStar1() {
        return column(pStar, 1, true);
    }

    /** Plug-in prediction under arm 0 per patient (a copy). */
    public double[] mu0() {
        return column(mu, 0, false);
    }

    /** Plug-in prediction under arm 1 per patient (a copy); two-arm data only. */
    public double[] mu1() {
        return column(mu, 1, true);
    }

    /** Plug-in prediction under arm {@code a} per patient (a copy). */
    public double[] mu(int a) {
        return column(mu, a, false);
    }

    private double[] column(double[][] m, int a, boolean binaryOnly) {
        if (binaryOnly && arms() != 2) {
            throw new IllegalStateException("a two-arm view of held-out data with " + arms() + " arms");
        }
        double[] c = new double[m.length];
        for (int i = 0; i < c.length; i++) {
            c[i] = m[i][a];
        }
        return c;
    }

    /** p*(t_i | x_i): the evaluation propensity of the treatment patient i actually received. */
    double observedPropensity(int i) {
        return pStar[i][t[i]];
    }
}
