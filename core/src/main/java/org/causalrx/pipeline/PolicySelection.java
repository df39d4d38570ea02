package org.causalrx.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.causalrx.policy.HeldOut;
import org.causalrx.policy.PolicyDecisions;
import org.causalrx.policy.PolicyValue;
import org.causalrx.result.PolicyId;
import org.causalrx.result.SelectionScheme;

/**
 * Chooses the policy to recommend (and bundle) by its DR value on data that is not then used to report how good the
 * choice is. Choosing the best of many noisy values and reporting that same value is biased upward (the winner's
 * curse), so the run chooses on the validation split and reports the choice's value on the test split.
 */
public final class PolicySelection {
    private PolicySelection() {
    }

    /**
     * @param scheme   which split {@code heldOut} is (the test split only when the study has no validation split)
     * @param heldOut  the patients the choice is made on, on the valued outcome
     * @param policies the run's policies decided for those patients (same names and order as on the test split)
     * @param sign     +1 when higher values are better, −1 when lower are better
     * @return the choice: the learned policy with the best DR value (the first on ties), with every policy's values
     */
    static RunResult.Selection choose(SelectionScheme scheme, HeldOut heldOut, List<PolicyDecisions> policies,
                                      int sign) {
        List<RunResult.SelectionValue> values = new ArrayList<>();
        for (PolicyDecisions d : policies) {
            PolicyValue.Values v = PolicyValue.evaluate(heldOut, d.valuedArms(), null);
            values.add(new RunResult.SelectionValue(d.id(), d.id().kind().learned(), v.dr(), v.ipw()));
        }
        return choose(scheme, heldOut.size(), values, sign);
    }

    /**
     * The choice from values already computed on the {@code n} patients of {@code scheme}'s split: the learned
     * policy with the best DR value in the direction {@code sign} (the first on ties; null when none is defined).
     */
    public static RunResult.Selection choose(SelectionScheme scheme, int n, List<RunResult.SelectionValue> values,
                                             int sign) {
        PolicyId best = null;
        double bestValue = Double.NaN;
        for (RunResult.SelectionValue v : values) {
            if (v.learned() && !Double.isNaN(v.dr()) && (best == null || sign * (v.dr() - bestValue) > 0)) {
                best = v.policy();
                bestValue = v.dr();
            }
        }
        String note = scheme == SelectionScheme.VALIDATION_SPLIT_DR
                ? String.format(Locale.ROOT, "The recommended policy is the learned policy with the best DR value on "
                        + "the %d validation patients; the test split, on which every value in the tables is "
                        + "estimated, was not used to choose it.", n)
                : "The study has no validation split, so the recommended policy was chosen on the test split "
                        + "itself: its reported value is optimistic (the winner's curse). Add a validation split.";
        return new RunResult.Selection(scheme, n, best, List.copyOf(values), note);
    }
}
