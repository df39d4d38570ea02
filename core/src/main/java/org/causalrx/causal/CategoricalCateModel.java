package org.causalrx.causal;

/**
 * A CATE model for a categorical outcome with K classes 0..K−1 (e.g. number of complications 0–3). Per class
 * the effect is the difference in class probability, P(Y¹ = k | x) − P(Y⁰ = k | x), so the K effects of a row
 * sum to 0; {@link #effect(double[][])} is the overall effect, the difference in expected class value
 * Σ_k k · classEffect_k.
 */
public interface CategoricalCateModel extends CateModel {
    /** Number of classes K. */
    int classes();

    /** n × K per-class effects for each row of x (n × p). */
    double[][] classEffects(double[][] x);
}
