package org.causalrx.causal;

/**
 * E-values (VanderWeele &amp; Ding 2017): the minimum strength of association, on the risk-ratio scale, that an
 * unmeasured confounder would need with both the treatment and the outcome to explain away an observed effect.
 * For a risk ratio RR ≥ 1, E = RR + sqrt(RR·(RR − 1)); a ratio below 1 is inverted first; an interval limit on the
 * other side of the null gives 1 (left to the caller, which knows the interval).
 */
public final class EValue {
    /** Coefficient of the standardised-mean-difference conversion RR ≈ exp(0.91·d) (VanderWeele &amp; Ding). */
    public static final double SMD_TO_LOG_RR = 0.91;

    private EValue() {
    }

    /**
     * The E-value of a risk ratio.
     *
     * @param rr risk ratio &gt; 0 (dimensionless)
     * @return E ≥ 1; NaN when rr is not a positive finite number
     */
    public static double ofRiskRatio(double rr) {
        if (!(rr > 0) || Double.isInfinite(rr)) {
            return Double.NaN;
        }
        double r = rr < 1 ? 1 / rr : rr;
        return r + Math.sqrt(r * (r - 1));
    }

    /** The risk ratio approximating a standardised mean difference d (effect / outcome SD): exp(0.91·d). */
    public static double riskRatioOfSmd(double d) {
        return Math.exp(SMD_TO_LOG_RR * d);
    }
}
