package org.causalrx.spark;

import java.util.ArrayList;
import java.util.List;

import org.causalrx.pipeline.PolicySelection;
import org.causalrx.pipeline.PolicyVerdict;
import org.causalrx.pipeline.RunResult;
import org.causalrx.policy.Bootstrap;
import org.causalrx.policy.WinMatrix;
import org.causalrx.result.PolicyId;
import org.causalrx.result.SelectionScheme;
import org.causalrx.study.Study;

/**
 * TRS step 11 on Spark, with the local engine's rules: the recommended policy is the learned policy with the best DR
 * value on the validation split ({@link PolicySelection}; on the test split, flagged as optimistic, only when the
 * study has none), and the verdict ({@link PolicyVerdict}) and win matrices come from the test-split bootstrap. The
 * outcome tree and rank curves are left empty.
 */
final class SparkPolicyInsights {
    private SparkPolicyInsights() {
    }

    /**
     * @param validation the policies' point values on the validation split, or null when the study has none
     * @param test       the policies' bootstrap values on the test split (same policies, same order)
     */
    static RunResult.PolicyInsights of(Study study, OnePassBootstrap.Valued validation, OnePassBootstrap.Valued test) {
        int sign = study.outcome().sign();
        OnePassBootstrap.Valued chosenOn = validation == null ? test : validation;
        List<RunResult.SelectionValue> values = new ArrayList<>();
        for (RunResult.PolicyResult p : chosenOn.results()) {
            values.add(new RunResult.SelectionValue(p.name(), p.name().kind().learned(), p.pointDr(), p.pointIpw()));
        }
        RunResult.Selection selection = PolicySelection.choose(validation == null ? SelectionScheme.TEST_SPLIT_DR
                : SelectionScheme.VALIDATION_SPLIT_DR, (int) chosenOn.n(), values, sign);
        List<PolicyId> names = test.results().stream().map(RunResult.PolicyResult::name).toList();
        int selectedIndex = selection.selected() == null ? -1 : names.indexOf(selection.selected());
        Bootstrap.Result boot = new Bootstrap.Result(names, test.dr(), test.ipw());
        int rounds = test.dr().length == 0 ? 0 : test.dr()[0].length;
        return new RunResult.PolicyInsights(names, rounds, WinMatrix.wins(test.dr(), sign),
                WinMatrix.wins(test.ipw(), sign), selection.selected(), List.of(), List.of(),
                PolicyVerdict.of(study, boot, test.results(), selectedIndex, (int) test.n(),
                        selection.scheme().split()), selection);
    }
}
