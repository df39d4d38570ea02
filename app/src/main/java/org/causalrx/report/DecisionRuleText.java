package org.causalrx.report;

import org.causalrx.pipeline.DecisionRuleInfo;
import org.causalrx.pipeline.RunResult;
import org.causalrx.policy.DecisionRule;

/** The run's decision rule (default arm, margin) as the protocol and policy sections of the report show it. */
final class DecisionRuleText {
    private DecisionRuleText() {
    }

    /** The protocol row: the rule in words, the default arm and the margin (HTML). */
    static Markup protocolRow(RunResult r) {
        return protocolRow(r.protocol() == null ? null : r.protocol().decisionRule());
    }

    /** The protocol row for {@code d} (null: the sign rule without details). */
    static Markup protocolRow(DecisionRuleInfo d) {
        if (d == null) {
            return Markup.trusted("sign of the predicted effect");
        }
        return Markup.fill("{} (margin <b>{}</b>{})", d.rule(), DecisionRule.number(d.margin()),
                d.margin() == 0 && d.defaultArm() == 0 ? ": the plain sign rule" : " in outcome units");
    }

    /**
     * A paragraph for the policies section when the rule is not the plain sign rule (a margin or the treated arm
     * as default), else "".
     */
    static Markup policiesNote(RunResult r) {
        return policiesNote(r.protocol() == null ? null : r.protocol().decisionRule());
    }

    /** The policies-section paragraph for {@code d}, or "" for the plain sign rule. */
    static Markup policiesNote(DecisionRuleInfo d) {
        if (d == null || (d.defaultArm() == 0 && d.margin() == 0)) {
            return Markup.EMPTY;
        }
        return Markup.fill("<p class=\"info\">Every learned policy applies the study's decision rule: {}. The "
                + "margin {} is the smallest predicted benefit worth moving a patient off the default arm '{}'; the "
                + "Conservative set defers where the effect interval contains the margin boundary.</p>\n", d.rule(),
                DecisionRule.number(d.margin()), d.defaultArmLabel());
    }
}
