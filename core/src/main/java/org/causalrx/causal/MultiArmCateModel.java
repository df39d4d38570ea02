package org.causalrx.causal;

/**
 * A fitted K-arm CATE model: tau_a(x) = E[Y^a − Y^0 | x] for every arm a against the reference arm 0. Immutable.
 * The effect of arm a against arm b is tau_a(x) − tau_b(x).
 */
public interface MultiArmCateModel {
    /** Number of arms K. */
    int arms();

    /**
     * n × K effects against the reference for each row of x (n × p): column 0 is identically 0, column a is
     * tau_a(x), in outcome units.
     */
    double[][] effects(double[][] x);

    /**
     * The effect of arm {@code a} against arm {@code b} for each row of x, tau_a(x) − tau_b(x) (outcome units): any
     * pair of arms, the reference included (tau_0 = 0).
     *
     * @throws IllegalArgumentException when an arm is outside 0..K−1
     */
    default double[] contrast(double[][] x, int a, int b) {
        if (a < 0 || b < 0 || a >= arms() || b >= arms()) {
            throw new IllegalArgumentException("arms must be in 0.." + (arms() - 1) + ", got " + a + " and " + b);
        }
        double[][] e = effects(x);
        double[] out = new double[e.length];
        for (int i = 0; i < e.length; i++) {
            out[i] = e[i][a] - e[i][b];
        }
        return out;
    }
}
