package org.causalrx.policy;

/**
 * The two arms whose contrast decides one patient under a {@link MultiArmRule}: the best and the second-best arm on
 * the point effects (margin-adjusted: the default arm counts the margin δ in its favour). The contrast is
 * tau_best(x) − tau_second(x) (outcome units), and its interval is compared with {@link MultiArmRule#boundary}.
 *
 * @param best   the arm the point rule recommends, 0..K−1
 * @param second the runner-up, 0..K−1, not {@code best}
 */
public record ArmPair(int best, int second) {
    public ArmPair {
        if (best < 0 || second < 0 || best == second) {
            throw new IllegalArgumentException("an arm pair needs two distinct arms >= 0, got " + best + ", " + second);
        }
    }
}
