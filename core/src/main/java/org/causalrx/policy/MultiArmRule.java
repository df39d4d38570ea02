package org.causalrx.policy;

import java.util.ArrayList;
import java.util.List;

/**
 * The decision rule of TRS §3.10 for K ≥ 2 arms: recommend the arm with the best predicted outcome in the study's
 * direction, keeping the default arm unless another arm beats it by more than the margin δ. With effects tau_a(x)
 * against the reference arm 0 (outcome units, tau_0 = 0), the benefit of arm a over the default arm d is
 * {@code D_a = betterSign · (tau_a − tau_d)}, and
 * <pre>
 *   point rule:     a* = the arm with the largest D_a among a ≠ d (lowest index on ties);
 *                   a* iff D_a* &gt; δ, else d
 *   best / second:  order the arms by the margin-adjusted benefit (D_a for a ≠ d, δ for d; ties: d first, then
 *                   lowest index); best is the point rule's arm, second the runner-up
 *   interval rule:  with [c_lo, c_hi] the interval of betterSign · (tau_best − tau_second) and the boundary
 *                   b = −δ when best is d, +δ when second is d, 0 otherwise:
 *                   c_lo &gt; b → best;  c_hi &lt; b → second;  otherwise (the interval contains b) → defer
 * </pre>
 * With K = 2 this is exactly {@link DecisionRule} (same decisions for the same CATE and interval of tau_1 − tau_0,
 * see {@link #of(DecisionRule)}). Only the best-versus-second-best contrast is checked: when two non-default arms
 * both beat the default on the point effects, the patient is deferred only if the data cannot tell those two apart.
 *
 * @param arms       number of arms K ≥ 2
 * @param defaultArm arm kept unless another is predicted better by more than the margin, 0..K−1
 * @param margin     clinically relevant margin δ ≥ 0, in the effects' units
 * @param betterSign +1 when higher outcomes are better, −1 when lower are better
 */
public record MultiArmRule(int arms, int defaultArm, double margin, int betterSign) {
    public MultiArmRule {
        if (arms < 2) {
            throw new IllegalArgumentException("a decision rule needs at least two arms, got " + arms);
        }
        if (defaultArm < 0 || defaultArm >= arms) {
            throw new IllegalArgumentException("default arm must be in 0.." + (arms - 1) + ", got " + defaultArm);
        }
        if (!(margin >= 0) || Double.isInfinite(margin)) {
            throw new IllegalArgumentException("margin must be a finite number >= 0, got " + margin);
        }
        if (betterSign != 1 && betterSign != -1) {
            throw new IllegalArgumentException("betterSign must be +1 or -1, got " + betterSign);
        }
    }

    /** The two-arm rule as a K = 2 rule with the same default arm, margin and direction. */
    public static MultiArmRule of(DecisionRule rule) {
        return new MultiArmRule(2, rule.defaultArm(), rule.margin(), rule.betterSign());
    }

    /** The plain rule for K arms: default arm 0 (the reference), margin 0. */
    public static MultiArmRule best(int arms, int betterSign) {
        return new MultiArmRule(arms, 0, 0.0, betterSign);
    }

    /**
     * The best and second-best arm for one patient's effects.
     *
     * @param tau effects against the reference, length K (tau[0] = 0)
     */
    public ArmPair pair(double[] tau) {
        checkRow(tau);
        int best = defaultArm;
        double bestValue = margin;
        for (int a = 0; a < arms; a++) {
            if (a != defaultArm) {
                double v = betterSign * (tau[a] - tau[defaultArm]);
                if (v > bestValue) {
                    best = a;
                    bestValue = v;
                }
            }
        }
        int second = -1;
        double secondValue = Double.NaN;
        if (best != defaultArm) {
            second = defaultArm;
            secondValue = margin;
        }
        for (int a = 0; a < arms; a++) {
            if (a != defaultArm && a != best) {
                double v = betterSign * (tau[a] - tau[defaultArm]);
                if (second < 0 || v > secondValue) {
                    second = a;
                    secondValue = v;
                }
            }
        }
        return new ArmPair(best, second);
    }

    /** The point rule for one patient's effects (length K, tau[0] = 0). */
    public int arm(double[] tau) {
        return pair(tau).best();
    }

    /**
     * The value of the contrast {@code betterSign · (tau_best − tau_second)} at which the decision changes: −δ
     * when best is the default arm, +δ when second is, 0 when neither is.
     */
    public double boundary(ArmPair pair) {
        return pair.best() == defaultArm ? -margin : pair.second() == defaultArm ? margin : 0.0;
    }

    /**
     * One patient's decision.
     *
     * @param tau       effects against the reference, length K (tau[0] = 0)
     * @param inOverlap whether the patient is in the overlap set (outside: deferred)
     * @param lo        lower end of the interval of tau_best − tau_second (for {@link #pair}), or NaN for the
     *                  Inclusive set (point rule only)
     * @param hi        upper end of that interval, or NaN
     */
    public ArmChoice decide(double[] tau, boolean inOverlap, double lo, double hi) {
        ArmPair p = pair(tau);
        if (!inOverlap) {
            return new ArmChoice(PolicyDecisions.DEFER, ArmChoice.Reason.OUTSIDE_OVERLAP, p, lo, hi);
        }
        if (Double.isNaN(lo) || Double.isNaN(hi)) {
            return new ArmChoice(p.best(), ArmChoice.Reason.POINT, p, lo, hi);
        }
        double cLo = Math.min(betterSign * lo, betterSign * hi);
        double cHi = Math.max(betterSign * lo, betterSign * hi);
        double b = boundary(p);
        if (cLo <= b && cHi >= b) {
            return new ArmChoice(PolicyDecisions.DEFER, ArmChoice.Reason.UNCERTAIN, p, lo, hi);
        }
        return new ArmChoice(cLo > b ? p.best() : p.second(), ArmChoice.Reason.INTERVAL, p, lo, hi);
    }

    /** Per patient: the point rule inside overlap, {@link PolicyDecisions#DEFER} outside (the Inclusive set). */
    public int[] arms(double[][] effects, boolean[] inOverlap) {
        if (effects.length != inOverlap.length) {
            throw new IllegalArgumentException(effects.length + " effect rows for " + inOverlap.length + " patients");
        }
        int[] d = new int[effects.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = !inOverlap[i] ? PolicyDecisions.DEFER : arm(effects[i]);
        }
        return d;
    }

    /**
     * Per patient the Conservative decision: deferred outside overlap or where the interval of the best-minus-second
     * contrast contains the boundary.
     *
     * @param effects   n × K effects against the reference
     * @param intervals per patient the interval of tau_best − tau_second for this rule's pairs
     */
    public List<ArmChoice> decide(double[][] effects, ContrastIntervals intervals, boolean[] inOverlap) {
        int n = effects.length;
        if (intervals.size() != n || inOverlap.length != n) {
            throw new IllegalArgumentException("effects for " + n + " patients, intervals for " + intervals.size()
                    + ", overlap for " + inOverlap.length);
        }
        List<ArmChoice> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            ArmChoice c = decide(effects[i], inOverlap[i], intervals.low(i), intervals.high(i));
            if (!c.pair().equals(intervals.pair(i))) {
                throw new IllegalArgumentException("patient " + i + ": the interval is for arms " + intervals.pair(i)
                        + ", the effects pick " + c.pair());
            }
            out.add(c);
        }
        return out;
    }

    /** The arms of a list of choices (DEFER where deferred). */
    public static int[] armsOf(List<ArmChoice> choices) {
        return choices.stream().mapToInt(ArmChoice::arm).toArray();
    }

    private void checkRow(double[] tau) {
        if (tau.length != arms) {
            throw new IllegalArgumentException("an effect row of length " + tau.length + " for " + arms + " arms");
        }
    }
}
