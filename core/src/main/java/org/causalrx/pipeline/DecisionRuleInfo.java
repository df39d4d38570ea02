package org.causalrx.pipeline;

import org.causalrx.policy.DecisionRule;

/**
 * The run's decision rule as results.json states it (under {@code protocol.decision_rule}): every learned policy
 * keeps the default arm unless the other arm's predicted benefit exceeds the margin (see {@link DecisionRule}).
 *
 * @param defaultArm      0 (control) or 1 (treated)
 * @param defaultArmCode  the default arm's code in the data
 * @param defaultArmLabel the default arm's label
 * @param margin          clinically relevant margin δ ≥ 0, in outcome units (0: the plain sign rule)
 * @param rule            the rule in words
 */
public record DecisionRuleInfo(int defaultArm, String defaultArmCode, String defaultArmLabel, double margin,
                               String rule) {

    /**
     * @param codes   arm codes of arm 0 and arm 1
     * @param labels  arm labels of arm 0 and arm 1
     * @param outcome the outcome's column
     */
    public static DecisionRuleInfo of(DecisionRule r, String[] codes, String[] labels, String outcome) {
        return new DecisionRuleInfo(r.defaultArm(), codes[r.defaultArm()], labels[r.defaultArm()], r.margin(),
                r.words(labels, outcome));
    }
}
