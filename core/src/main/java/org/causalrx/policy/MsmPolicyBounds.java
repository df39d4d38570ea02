package org.causalrx.policy;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Worst-case value of a policy under the marginal sensitivity model (Tan 2006; Kallus &amp; Zhou 2018,
 * confounding-robust policy evaluation). With hidden confounding of strength Λ ≥ 1 the true inverse propensity of a
 * patient's observed arm lies in [1 + (1/e − 1)/Λ, 1 + (1/e − 1)·Λ], e = p*(t | x) the (clipped) evaluation
 * propensity. The policy's value is valued as in {@link PolicyValue} (TRS Eq. 5): the self-normalised (Hájek) IPW
 * mean over recommended patients whose observed arm is the recommended one, mixed with the observed outcomes of the
 * deferred patients by their shares. The Hájek part is minimised (outcome direction "higher"; maximised for "lower")
 * over every weight vector in the box: a linear-fractional program whose optimum gives the upper weight to the
 * patients with the worst outcomes and the lower weight to the rest, so it is found by sorting the outcomes and
 * scanning the threshold. Current practice's value is the observed mean, which hidden confounding does not affect.
 */
public final class MsmPolicyBounds {
    private MsmPolicyBounds() {
    }

    /**
     * The minimum of Σ w z / Σ w over w_i ∈ [lo_i, hi_i] (0 &lt; lo_i ≤ hi_i), by the sorted-threshold closed form.
     *
     * @param z  values (any units), length m ≥ 1
     * @param lo lower weight per value
     * @param hi upper weight per value
     * @return the minimum ratio; NaN when m = 0
     */
    public static double minHajek(double[] z, double[] lo, double[] hi) {
        int m = z.length;
        if (lo.length != m || hi.length != m) {
            throw new IllegalArgumentException("values and weight bounds differ in length");
        }
        if (m == 0) {
            return Double.NaN;
        }
        Integer[] order = new Integer[m];
        for (int i = 0; i < m; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> z[i]));
        // suffix sums of the lower weights: every value from position k on at its lower weight
        double[] sufW = new double[m + 1];
        double[] sufWz = new double[m + 1];
        for (int k = m - 1; k >= 0; k--) {
            int i = order[k];
            sufW[k] = sufW[k + 1] + lo[i];
            sufWz[k] = sufWz[k + 1] + lo[i] * z[i];
        }
        double best = sufWz[0] / sufW[0];
        double preW = 0;
        double preWz = 0;
        for (int k = 0; k < m; k++) {
            int i = order[k];
            preW += hi[i];
            preWz += hi[i] * z[i];
            best = Math.min(best, (preWz + sufWz[k + 1]) / (preW + sufW[k + 1]));
        }
        return best;
    }

    /**
     * The policy's worst-case gain over current practice at one Λ, oriented so that positive is better:
     * sign · (V_Λ − mean y), V_Λ the policy's value with the Hájek part at its worst for the study's direction.
     *
     * @param data      held-out patients (outcome, observed arm, p*)
     * @param decisions per patient an arm or {@link PolicyDecisions#DEFER}
     * @param sign      +1 when higher outcomes are better, −1 when lower are
     * @param lambda    Λ ≥ 1; 1 gives the policy's IPW value
     * @return the gain's lower bound (outcome units); NaN when no recommended patient got the recommended arm
     */
    public static double gainLowerBound(HeldOut data, int[] decisions, int sign, double lambda) {
        return gainLowerBounds(data, decisions, sign, new double[] {lambda})[0];
    }

    /** {@link #gainLowerBound} at each Λ of {@code lambdas}. */
    public static double[] gainLowerBounds(HeldOut data, int[] decisions, int sign, double[] lambdas) {
        PolicyValue.checkDecisions(decisions, data.size(), data.arms());
        if (sign != 1 && sign != -1) {
            throw new IllegalArgumentException("sign must be +1 or -1, got " + sign);
        }
        double[] y = data.y();
        int n = y.length;
        double sumAll = 0;
        double sumDeferred = 0;
        int nRec = 0;
        int matched = 0;
        for (int i = 0; i < n; i++) {
            sumAll += y[i];
            if (decisions[i] == PolicyDecisions.DEFER) {
                sumDeferred += y[i];
            } else {
                nRec++;
                if (data.t()[i] == decisions[i]) {
                    matched++;
                }
            }
        }
        double[] z = new double[matched];
        double[] odds = new double[matched];
        int j = 0;
        for (int i = 0; i < n; i++) {
            if (decisions[i] != PolicyDecisions.DEFER && data.t()[i] == decisions[i]) {
                z[j] = sign * y[i];
                odds[j] = 1 / data.observedPropensity(i) - 1;
                j++;
            }
        }
        double[] out = new double[lambdas.length];
        for (int l = 0; l < lambdas.length; l++) {
            double lambda = lambdas[l];
            if (!(lambda >= 1)) {
                throw new IllegalArgumentException("the sensitivity parameter must be >= 1, got " + lambda);
            }
            double worstRec;
            if (nRec == 0) {
                worstRec = 0;
            } else {
                double[] lo = new double[matched];
                double[] hi = new double[matched];
                for (int k = 0; k < matched; k++) {
                    lo[k] = 1 + odds[k] / lambda;
                    hi[k] = 1 + odds[k] * lambda;
                }
                worstRec = minHajek(z, lo, hi);
            }
            double oriented = (sign * sumDeferred + nRec * worstRec) / n;
            out[l] = oriented - sign * sumAll / n;
        }
        return out;
    }

    /**
     * The largest Λ at which the gain's lower bound stays positive, by bisection between the grid points where it
     * changes sign ({@code tolerance} on Λ).
     *
     * @param lambdas increasing grid starting at 1, with {@code gains} its bounds from {@link #gainLowerBounds}
     * @return NaN when the gain is not positive at Λ = 1; +∞ when it stays positive over the whole grid
     */
    public static double largestLambda(HeldOut data, int[] decisions, int sign, double[] lambdas, double[] gains,
                                       double tolerance) {
        if (!(gains[0] > 0)) {
            return Double.NaN;
        }
        int k = 1;
        while (k < gains.length && gains[k] > 0) {
            k++;
        }
        if (k == gains.length) {
            return Double.POSITIVE_INFINITY;
        }
        double lo = lambdas[k - 1];
        double hi = lambdas[k];
        while (hi - lo > tolerance) {
            double mid = (lo + hi) / 2;
            if (gainLowerBound(data, decisions, sign, mid) > 0) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
