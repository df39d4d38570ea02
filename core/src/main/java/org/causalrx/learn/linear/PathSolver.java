package org.causalrx.learn.linear;

import java.util.function.DoubleSupplier;

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

    /**
     * {@link #lambdaMax} from the gradient at zero: {@code max |g[offset + j]|} over the usable features j, divided
     * by α (at least 0.001).
     */
    static double lambdaMax(int[] usable, double[] gradient, int offset, double alpha) {
        double m = 0;
        for (int j : usable) {
            m = Math.max(m, Math.abs(gradient[offset + j]));
        }
        return m / Math.max(alpha, 1e-3);
    }

    /**
     * The pass schedule of the Gaussian solvers at one λ: a pass over every usable feature, then passes over the
     * active set until one moves no coefficient by more than {@code threshold}, repeated until a full pass moves
     * none by more than it or {@code maxPasses} passes are spent.
     *
     * @param fullPass   one pass over the usable features; returns the largest |change| of a coefficient
     * @param activePass one pass over the active features; returns the largest |change|
     */
    static void passes(int maxPasses, double threshold, DoubleSupplier fullPass, DoubleSupplier activePass) {
        int passes = 0;
        while (passes < maxPasses) {
            double change = fullPass.getAsDouble();
            passes++;
            if (change <= threshold) {
                break;
            }
            do {
                change = activePass.getAsDouble();
                passes++;
            } while (change > threshold && passes < maxPasses);
        }
    }
}
