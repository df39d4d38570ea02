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
}
