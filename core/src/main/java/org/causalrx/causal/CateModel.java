package org.causalrx.causal;

/** A fitted conditional-average-treatment-effect model: tau(x) = E[Y¹ − Y⁰ | x]. Immutable. */
public interface CateModel {
    /** tau(x) for each row of x (n × p). */
    double[] effect(double[][] x);
}
