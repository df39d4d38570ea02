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
final class PolicySelection {
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
        PolicyId best = null;
        double bestValue = Double.NaN;
        for (PolicyDecisions d : policies) {
            PolicyValue.Values v = PolicyValue.evaluate(heldOut, d.valuedArms(), null);
            boolean learned = d.id().kind().learned();
            values.add(new RunResult.SelectionValue(d.id(), learned, v.dr(), v.ipw()));
            if (learned && !Double.isNaN(v.dr()) && (best == null || sign * (v.dr() - bestValue) > 0)) {
                best = d.id();
                bestValue = v.dr();
            }
        }
        String note = scheme == SelectionScheme.VALIDATION_SPLIT_DR
                ? String.format(Locale.ROOT, "The recommended policy is the learned policy with the best DR value on "
                        + "the %d validation patients; the test split, on which every value in the tables is "
                        + "estimated, was not used to choose it.", heldOut.size())
                : "The study has no validation split, so the recommended policy was chosen on the test split "
                        + "itself: its reported value is optimistic (the winner's curse). Add a validation split.";
        return new RunResult.Selection(scheme, heldOut.size(), best, values, note);
    }
}
