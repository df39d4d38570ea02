package org.causalrx.report;

import java.util.List;

import org.causalrx.pipeline.RunResult;

/**
 * The headline of step 10 and how the recommended policy was chosen: the selection scheme, every policy's value on
 * the data used for the choice, and the chosen policy's test value against current practice (observed).
 */
final class PolicySelectionSection {
    private PolicySelectionSection() {
    }

    static void render(StringBuilder b, RunResult r) {
        RunResult.PolicyInsights pi = r.policyInsights();
        if (pi == null || pi.selection() == null) {
            return;
        }
        RunResult.Selection sel = pi.selection();
        b.append("<h3 id=\"policy-selection\">Which policy is recommended, and how it was chosen</h3>\n");
        RunResult.Headline h = pi.verdict() == null ? null : pi.verdict().headline();
        if (h != null) {
            b.append("<p class=\"headline\">").append(headline(h, "<b>" + Html.esc(h.policy().name()) + "</b>"))
                    .append("</p>\n");
        }
        b.append("<p>").append(Html.text(sel.note())).append(" Current practice (Doctors) is valued as the observed "
                + "outcomes of the same patients, not weighted as if it were a policy of the covariates.</p>\n");
        Html.Table t = new Html.Table(List.of("Policy", "Kind", "DR (" + where(sel) + ")", "IPW (" + where(sel) + ")"),
                false, false, false, true, true);
        for (RunResult.SelectionValue v : sel.values()) {
            boolean chosen = v.policy().equals(sel.selected());
            t.row(chosen ? "best" : null, "<code>" + Html.esc(v.policy().name()) + "</code>"
                    + (chosen ? " " + Html.badge("good", "chosen") : ""), v.learned() ? "learned" : "baseline",
                    Fmt.num(v.dr()), Fmt.num(v.ipw()));
        }
        b.append(t.html());
        b.append("<p class=\"info\">The value tables below give every policy's value on the test split for "
                + "comparison. Only the recommended policy's test value is an honest estimate for a chosen policy: "
                + "picking the best of many test values would overstate it.</p>\n");
    }

    /** The headline sentence with its badge; {@code policyHtml} is the policy's name as it should appear. */
    static String headline(RunResult.Headline h, String policyHtml) {
        return "Recommended policy " + policyHtml + " (chosen without the test split) on " + Fmt.integer(h.nTest())
                + " test patients: DR value " + Fmt.num(h.value()) + " (95\u00a0% bootstrap interval "
                + Fmt.range(h.valueLow(), h.valueHigh()) + ") against current practice's observed "
                + Fmt.num(h.currentPractice()) + "; gain " + Fmt.num(h.gain()) + " ("
                + Fmt.range(h.gainLow(), h.gainHigh()) + ", positive is better); better than current practice in "
                + Fmt.pct(h.beatsShare()) + " of bootstrap rounds "
                + (h.clear() ? Html.badge("good", "clearly better") : Html.badge("warn", "not clearly better"));
    }

    private static String where(RunResult.Selection sel) {
        return sel.scheme().startsWith("validation") ? "validation" : "test";
    }
}
