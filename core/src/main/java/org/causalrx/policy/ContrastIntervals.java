package org.causalrx.policy;

import java.util.Arrays;

import org.causalrx.util.Stats;

/**
 * Per patient, the interval of the contrast tau_best(x) − tau_second(x) (outcome units) that the Conservative K-arm
 * rule ({@link MultiArmRule}) compares with its boundary, for the pair of arms picked on the point effects.
 *
 * <p>From bootstrap draws of the effect matrix ({@link #fromDraws}): the pair (best, second) is chosen once, on the
 * point estimate, and the interval is the (α/2, 1 − α/2) quantile pair over rounds of the same contrast
 * tau_best − tau_second, widened to contain the point contrast if it does not already (so, as with the two-arm
 * intervals, wherever the interval rule recommends, it recommends the point rule's arm). Fixing the pair on the
 * point estimate keeps each patient's question the same in every round; the quantiles are marginal per patient.
 *
 * @param pairs per patient, the best and second-best arm on the point effects
 * @param lo    per patient, lower end of the interval of tau_best − tau_second
 * @param hi    per patient, upper end, hi ≥ lo
 */
public record ContrastIntervals(ArmPair[] pairs, double[] lo, double[] hi) {
    public ContrastIntervals {
        if (lo.length != pairs.length || hi.length != pairs.length) {
            throw new IllegalArgumentException("contrast intervals: " + pairs.length + " pairs, " + lo.length
                    + " lower and " + hi.length + " upper ends");
        }
        pairs = pairs.clone();
        lo = lo.clone();
        hi = hi.clone();
        for (int i = 0; i < lo.length; i++) {
            if (hi[i] < lo[i]) {
                throw new IllegalArgumentException("contrast interval " + i + " is reversed: [" + lo[i] + ", " + hi[i]
                        + "]");
            }
        }
    }

    /**
     * @param rule    the rule whose pairs are used
     * @param effects n × K point effects against the reference (column 0 = 0)
     * @param draws   rounds × n × K bootstrap draws of the effect matrix (e.g. models refitted on resamples)
     * @param alpha   miscoverage in (0, 1): the interval runs from the α/2 to the 1 − α/2 quantile
     */
    public static ContrastIntervals fromDraws(MultiArmRule rule, double[][] effects, double[][][] draws, double alpha) {
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("alpha must be in (0, 1), got " + alpha);
        }
        int n = effects.length;
        int rounds = draws.length;
        if (rounds == 0) {
            throw new IllegalArgumentException("contrast intervals need at least one bootstrap draw");
        }
        ArmPair[] pairs = new ArmPair[n];
        double[] lo = new double[n];
        double[] hi = new double[n];
        double[] diff = new double[rounds];
        for (int i = 0; i < n; i++) {
            ArmPair p = rule.pair(effects[i]);
            pairs[i] = p;
            for (int r = 0; r < rounds; r++) {
                if (draws[r].length != n) {
                    throw new IllegalArgumentException("bootstrap draw " + r + " has " + draws[r].length
                            + " rows, the point effects " + n);
                }
                diff[r] = draws[r][i][p.best()] - draws[r][i][p.second()];
            }
            Arrays.sort(diff);
            double point = effects[i][p.best()] - effects[i][p.second()];
            lo[i] = Math.min(Stats.quantileSorted(diff, alpha / 2), point);
            hi[i] = Math.max(Stats.quantileSorted(diff, 1 - alpha / 2), point);
        }
        return new ContrastIntervals(pairs, lo, hi);
    }

    /**
     * Two arms: the interval [lo, hi] of tau = tau_1 − tau_0 oriented for each patient's pair ([lo, hi] when arm 1
     * is best, [−hi, −lo] when arm 0 is).
     *
     * @param rule a K = 2 rule
     * @param tau  point CATE per patient
     */
    public static ContrastIntervals twoArm(MultiArmRule rule, double[] tau, double[] lo, double[] hi) {
        if (rule.arms() != 2) {
            throw new IllegalArgumentException("a two-arm interval for a rule with " + rule.arms() + " arms");
        }
        int n = tau.length;
        if (lo.length != n || hi.length != n) {
            throw new IllegalArgumentException("two-arm intervals: " + n + " effects, " + lo.length + " lower and "
                    + hi.length + " upper ends");
        }
        ArmPair[] pairs = new ArmPair[n];
        double[] l = new double[n];
        double[] h = new double[n];
        for (int i = 0; i < n; i++) {
            ArmPair p = rule.pair(new double[] {0.0, tau[i]});
            pairs[i] = p;
            l[i] = p.best() == 1 ? lo[i] : -hi[i];
            h[i] = p.best() == 1 ? hi[i] : -lo[i];
        }
        return new ContrastIntervals(pairs, l, h);
    }

    /**
     * These intervals widened about their centres by {@code factor}: with c = (lo + hi) / 2 and h = (hi − lo) / 2,
     * [c − factor·h, c + factor·h], each end no tighter than the original (so the point contrast stays inside).
     * Same pairs; factor 1 returns this.
     *
     * @param factor finite factor ≥ 1
     */
    public ContrastIntervals scaled(double factor) {
        if (!(factor >= 1) || !Double.isFinite(factor)) {
            throw new IllegalArgumentException("the interval scale factor must be finite and at least 1, got "
                    + factor);
        }
        if (factor == 1) {
            return this;
        }
        double[] l = new double[lo.length];
        double[] h = new double[hi.length];
        for (int i = 0; i < lo.length; i++) {
            double c = (lo[i] + hi[i]) / 2;
            double half = (hi[i] - lo[i]) / 2;
            l[i] = Math.min(lo[i], c - factor * half);
            h[i] = Math.max(hi[i], c + factor * half);
        }
        return new ContrastIntervals(pairs, l, h);
    }

    @Override
    public ArmPair[] pairs() {
        return pairs.clone();
    }

    @Override
    public double[] lo() {
        return lo.clone();
    }

    @Override
    public double[] hi() {
        return hi.clone();
    }

    public int size() {
        return pairs.length;
    }

    public ArmPair pair(int i) {
        return pairs[i];
    }

    public double low(int i) {
        return lo[i];
    }

    public double high(int i) {
        return hi[i];
    }
}
