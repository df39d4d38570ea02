package org.causalrx.learn.linear;

/** A warm-started coordinate-descent solver along a decreasing λ path for one design. */
interface PathSolver {
    /** Smallest λ at which all coefficients are zero (for α &lt; 0.001: computed as if α = 0.001). */
    double lambdaMax();

    /** Solves at {@code lambda}, starting from the current solution. */
    void solve(double lambda);

    /** True once the solver has stopped moving along the path: later {@link #solve} calls keep the solution. */
    boolean saturated();

    /** The current solution on the original scale: element 0 the intercept, then the p coefficients. */
    double[] originalCoefficients();
}
