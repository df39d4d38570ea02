package org.causalrx.causal.bounds;

/**
 * The pointwise quantities of the sharp bounds under the marginal sensitivity model (MSM) with parameter
 * Lambda ≥ 1 (Dorn and Guo 2022; B-learner, Oprescu et al. 2023). For arm a, the unobserved mean of Y(a) among
 * patients who got the other arm is bounded by rho∓_a(x) = E[kappa∓(Y, x) | X = x, T = a], where with
 * tau = Lambda / (1 + Lambda), q+ the tau-quantile and q− the (1 − tau)-quantile of Y given X = x, T = a:
 * <pre>
 *   kappa+(y) = y / Lambda + (1 − 1/Lambda) · (q+ + max(y − q+, 0) / (1 − tau))
 *   kappa−(y) = y / Lambda + (1 − 1/Lambda) · (q− + min(y − q−, 0) / (1 − tau))
 * </pre>
 * (the CVaR form, which stays correct when Y has atoms). At Lambda = 1 both are y.
 * <p>
 * Binary Y (documented treatment): the quantiles are degenerate but the CVaR form still applies with
 * q+ = 1{p > 1 − tau} and q− = 1{p > tau}, p = P(Y = 1 | x, T = a); then rho has the closed form
 * rho+ = p/Lambda + (Lambda − 1/Lambda) · min(p, 1 − tau) and rho− = p/Lambda + (Lambda − 1/Lambda) · max(0, p − tau)
 * (for small p, rho+ = Lambda·p: the odds shift the MSM allows).
 */
public final class SharpBounds {
    private SharpBounds() {
    }

    /** tau = Lambda / (1 + Lambda), the upper quantile level. */
    public static double level(double lambda) {
        check(lambda);
        return lambda / (1 + lambda);
    }

    public static double kappaUpper(double y, double qUpper, double lambda) {
        double tau = level(lambda);
        return y / lambda + (1 - 1 / lambda) * (qUpper + Math.max(y - qUpper, 0) / (1 - tau));
    }

    public static double kappaLower(double y, double qLower, double lambda) {
        double tau = level(lambda);
        return y / lambda + (1 - 1 / lambda) * (qLower + Math.min(y - qLower, 0) / (1 - tau));
    }

    /** Degenerate tau-quantile of a Bernoulli(p) outcome (upper tail). */
    public static double binaryQuantileUpper(double p, double lambda) {
        return p > 1 - level(lambda) ? 1 : 0;
    }

    /** Degenerate (1 − tau)-quantile of a Bernoulli(p) outcome (lower tail). */
    public static double binaryQuantileLower(double p, double lambda) {
        return p > level(lambda) ? 1 : 0;
    }

    /** Closed-form rho+ for a binary outcome with P(Y = 1) = p. */
    public static double binaryRhoUpper(double p, double lambda) {
        double tau = level(lambda);
        return p / lambda + (lambda - 1 / lambda) * Math.min(p, 1 - tau);
    }

    /** Closed-form rho− for a binary outcome with P(Y = 1) = p. */
    public static double binaryRhoLower(double p, double lambda) {
        double tau = level(lambda);
        return p / lambda + (lambda - 1 / lambda) * Math.max(0, p - tau);
    }

    static void check(double lambda) {
        if (!(lambda >= 1) || Double.isInfinite(lambda)) {
            throw new IllegalArgumentException("Lambda must be a finite number >= 1, got " + lambda);
        }
    }
}
