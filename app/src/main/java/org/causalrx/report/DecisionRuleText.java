package org.causalrx.report;

import org.causalrx.pipeline.DecisionRuleInfo;
import org.causalrx.pipeline.RunResult;
import org.causalrx.policy.DecisionRule;

/** The run's decision rule (default arm, margin) as the protocol and policy sections of the report show it. */
final class DecisionRuleText {
    private DecisionRuleText() {
    }

    /** The protocol row: the rule in words, the default arm and the margin (HTML). */
    static String protocolRow(RunResult r) {
        return protocolRow(r.protocol() == null ? null : r.protocol().decisionRule());
    }

    /** The protocol row for {@code d} (null: the sign rule without details). */
    static String protocolRow(DecisionRuleInfo d) {
        if (d == null) {
            return "sign of the predicted effect";
        }
        return Html.esc(d.rule()) + " (margin <b>" + Html.esc(DecisionRule.number(d.margin())) + "</b>"
                + (d.margin() == 0 && d.defaultArm() == 0 ? ": the plain sign rule" : " in outcome units") + ")";
    }

    /**
     * A paragraph for the policies section when the rule is not the plain sign rule (a margin or the treated arm
     * as default), else "".
     */
    static String policiesNote(RunResult r) {
        return policiesNote(r.protocol() == null ? null : r.protocol().decisionRule());
    }

    /** The policies-section paragraph for {@code d}, or "" for the plain sign rule. */
    static String policiesNote(DecisionRuleInfo d) {
        if (d == null || (d.defaultArm() == 0 && d.margin() == 0)) {
            return "";
        }
        return "<p class=\"info\">Every learned policy applies the study's decision rule: " + Html.esc(d.rule())
                + ". The margin " + Html.esc(DecisionRule.number(d.margin())) + " is the smallest predicted benefit "
                + "worth moving a patient off the default arm '" + Html.esc(d.defaultArmLabel()) + "'; the "
                + "Conservative set defers where the effect interval contains the margin boundary.</p>\n";
    }
}
