package org.causalrx.policy;

import java.util.Locale;

/**
 * The decision rule psi of TRS §3.10 that turns a CATE into an arm: keep the default arm unless the other arm's
 * predicted benefit exceeds the clinically relevant margin δ. With tau = mu1 − mu0 (outcome units) and
 * {@code benefit = betterSign · tau} the benefit of arm 1 over arm 0 in the better direction, the benefit of the
 * non-default arm over the default one is {@code switchBenefit = benefit} when the default is arm 0 and
 * {@code −benefit} when it is arm 1, and
 * <pre>
 *   point rule:     non-default arm  iff  switchBenefit(tau) &gt; δ,  else the default arm
 *   interval rule:  with [b_lo, b_hi] the interval of switchBenefit implied by [tau_lo, tau_hi]:
 *                   b_lo &gt; δ  → non-default arm (the whole interval shows benefit above δ)
 *                   b_hi &lt; δ  → default arm (the whole interval shows benefit below δ)
 *                   otherwise (b_lo ≤ δ ≤ b_hi, the interval contains the margin boundary) → defer
 * </pre>
 * Default arm 0 with δ = 0 is the plain sign rule (arm 1 iff {@code betterSign · tau > 0}; defer when the interval
 * contains 0). The point CATE always lies inside its interval (see {@code JointCateModel}), so where the interval
 * rule recommends, the point rule recommends the same arm. Every place that turns CATEs into arms (the run's
 * policies, the Conservative set, the deferral sweep, the consensus and majority ensembles, the feasibility
 * simulation's optimal policy and {@code recommend}) decides through one of these.
 *
 * @param defaultArm arm kept unless the other is predicted to be better by more than the margin: 0 (control) or 1
 * @param margin     clinically relevant margin δ ≥ 0, in the CATE's units (outcome units; probability for a binary
 *                   outcome, class score for a categorical one)
 * @param betterSign +1 when higher outcomes are better, −1 when lower are better
 */
public record DecisionRule(int defaultArm, double margin, int betterSign) {
    public DecisionRule {
        if (defaultArm != 0 && defaultArm != 1) {
            throw new IllegalArgumentException("default arm must be 0 or 1, got " + defaultArm);
        }
        if (!(margin >= 0) || Double.isInfinite(margin)) {
            throw new IllegalArgumentException("margin must be a finite number >= 0, got " + margin);
        }
        if (betterSign != 1 && betterSign != -1) {
            throw new IllegalArgumentException("betterSign must be +1 or -1, got " + betterSign);
        }
    }

    /** The plain sign rule: default arm 0 (control), margin 0. */
    public static DecisionRule sign(int betterSign) {
        return new DecisionRule(0, 0.0, betterSign);
    }

    /** True for the plain sign rule (default arm 0, margin 0). */
    public boolean isSignRule() {
        return defaultArm == 0 && margin == 0;
    }

    /** The arm recommended when the margin is exceeded: 1 − defaultArm. */
    public int otherArm() {
        return 1 - defaultArm;
    }

    /** Benefit of arm 1 over arm 0 in the better direction: {@code betterSign · tau} (larger = arm 1 better). */
    public double benefit(double tau) {
        return betterSign * tau;
    }

    /** Benefit of the non-default arm over the default one: {@code ±betterSign · tau}. */
    public double switchBenefit(double tau) {
        return switchSign() * tau;
    }

    /** The point rule: the non-default arm when {@code switchBenefit(tau) > margin}, else the default arm. */
    public int arm(double tau) {
        return switchBenefit(tau) > margin ? otherArm() : defaultArm;
    }

    /** Whether the interval [lo, hi] of tau contains the margin boundary (then the interval rule defers). */
    public boolean uncertain(double lo, double hi) {
        double bLo = Math.min(switchBenefit(lo), switchBenefit(hi));
        double bHi = Math.max(switchBenefit(lo), switchBenefit(hi));
        return bLo <= margin && bHi >= margin;
    }

    /**
     * The interval rule for an interval [lo, hi] of tau that does not contain the margin boundary: the non-default
     * arm when the whole interval shows a benefit above the margin, else the default arm.
     */
    public int arm(double lo, double hi) {
        return Math.min(switchBenefit(lo), switchBenefit(hi)) > margin ? otherArm() : defaultArm;
    }

    /** The CATE value at which the decision changes: {@code ±margin} (0 for the sign rule). */
    public double boundary() {
        return switchSign() * margin;
    }

    /** Per patient: the point rule inside overlap, {@link PolicyDecisions#DEFER} outside. */
    public int[] arms(double[] cate, boolean[] inOverlap) {
        int[] d = new int[cate.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = !inOverlap[i] ? PolicyDecisions.DEFER : arm(cate[i]);
        }
        return d;
    }

    /**
     * The rule in words, e.g. "give 'new drug' only when its predicted effect lowers sbp by more than 5 (the
     * margin), else 'usual care'".
     *
     * @param armLabels labels of arm 0 and arm 1
     * @param outcome   the outcome's name
     */
    public String words(String[] armLabels, String outcome) {
        String better = betterSign > 0 ? "raises" : "lowers";
        String other = armLabels[otherArm()];
        String def = armLabels[defaultArm];
        if (isSignRule()) {
            return "give '" + other + "' when the predicted effect " + better + " " + outcome + ", else '" + def + "'";
        }
        return String.format(Locale.ROOT, "give '%s' only when it is predicted to %s %s by more than %s over '%s' "
                + "(the margin), else keep '%s' (the default arm)", other, betterSign > 0 ? "raise" : "lower", outcome,
                number(margin), def, def);
    }

    /** A number as the reports write margins: up to 4 significant digits, no trailing zeros. */
    public static String number(double v) {
        return new java.math.BigDecimal(String.format(Locale.ROOT, "%.4g", v)).stripTrailingZeros().toPlainString();
    }

    private int switchSign() {
        return defaultArm == 0 ? betterSign : -betterSign;
    }
}
