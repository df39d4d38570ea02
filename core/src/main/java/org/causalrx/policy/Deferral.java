package org.causalrx.policy;

import java.util.Locale;

import org.causalrx.causal.OverlapSet;

/**
 * Rej'(x) of TRS Eq. 4 for one patient: defer when e(x) is outside the overlap set [eta_low, eta_high], or (for
 * the Conservative set) when the joint interval [tau_lo(x), tau_hi(x)] contains the decision rule's margin boundary
 * (0 for the plain sign rule); otherwise recommend by the study's {@link DecisionRule} (with an interval: the arm the
 * whole interval points to). The pipeline and {@code recommend} both decide through this class, so a bundle
 * applied to the run's own test split reproduces the run's recommendations exactly.
 */
public final class Deferral {
    /**
     * The locale of the reasons' numbers: the same text as {@link Locale#ROOT} ('0'-'9', '.' as the decimal point), and
     * the one locale {@link java.util.Formatter} formats without looking up locale data on every call.
     */
    private static final Locale DIGITS = Locale.US;

    private Deferral() {
    }

    /**
     * One decision with its reason in words.
     *
     * @param arm    0, 1 or {@link PolicyDecisions#DEFER}
     * @param reason e.g. "outside overlap: e(x)=0.93 > 0.90", "uncertain: interval [-0.12, 0.30] contains 0", or
     *               "predicted effect -0.21 favours arm 1" for a recommendation
     */
    public record Decision(int arm, String reason) {
    }

    /**
     * The plain sign rule ({@link DecisionRule#sign}); see {@link #decide(double, OverlapSet, double, double, double,
     * DecisionRule)}.
     *
     * @param betterSign +1 when higher outcomes are better, −1 when lower are better
     */
    public static Decision decide(double e, OverlapSet overlap, double tau, double lo, double hi, int betterSign) {
        return decide(e, overlap, tau, lo, hi, DecisionRule.sign(betterSign));
    }

    /**
     * @param e       propensity e(x)
     * @param overlap the overlap set
     * @param tau     point CATE
     * @param lo      lower end of the joint interval, or NaN for the Inclusive set (overlap only)
     * @param hi      upper end of the joint interval, or NaN for the Inclusive set
     * @param rule    default arm, margin and outcome direction
     */
    public static Decision decide(double e, OverlapSet overlap, double tau, double lo, double hi, DecisionRule rule) {
        if (e < overlap.etaLow()) {
            return new Decision(PolicyDecisions.DEFER,
                    String.format(DIGITS, "outside overlap: e(x)=%.2f < %.2f", e, overlap.etaLow()));
        }
        if (e > overlap.etaHigh()) {
            return new Decision(PolicyDecisions.DEFER,
                    String.format(DIGITS, "outside overlap: e(x)=%.2f > %.2f", e, overlap.etaHigh()));
        }
        boolean interval = !Double.isNaN(lo) && !Double.isNaN(hi);
        if (interval && rule.uncertain(lo, hi)) {
            String reason = rule.margin() == 0
                    ? String.format(DIGITS, "uncertain: interval [%.2f, %.2f] contains 0", lo, hi)
                    : String.format(DIGITS, "uncertain: interval [%.2f, %.2f] contains %s, the boundary of the "
                    + "margin %s", lo, hi, DecisionRule.number(rule.boundary()), DecisionRule.number(rule.margin()));
            return new Decision(PolicyDecisions.DEFER, reason);
        }
        int arm = interval ? rule.arm(lo, hi) : rule.arm(tau);
        if (rule.margin() == 0) {
            return new Decision(arm, String.format(DIGITS, "predicted effect %.3f favours arm %d", tau, arm));
        }
        boolean other = arm == rule.otherArm();
        String m = DecisionRule.number(rule.margin());
        if (interval) {
            return new Decision(arm, String.format(DIGITS, "predicted effect %.3f, interval [%.2f, %.2f]: the "
                    + "benefit of arm %d over the default arm %d %s the margin %s throughout; arm %d", tau, lo, hi,
                    rule.otherArm(), rule.defaultArm(), other ? "exceeds" : "is below", m, arm));
        }
        return new Decision(arm, String.format(DIGITS, "predicted effect %.3f: the benefit of arm %d over the "
                + "default arm %d %s the margin %s; arm %d", tau, rule.otherArm(), rule.defaultArm(),
                other ? "exceeds" : "does not exceed", m, arm));
    }
}
