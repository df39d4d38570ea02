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

    static void render(HtmlWriter b, RunResult r) {
        RunResult.PolicyInsights pi = r.policyInsights();
        if (pi == null || pi.selection() == null) {
            return;
        }
        RunResult.Selection sel = pi.selection();
        b.markup("<h3 id=\"policy-selection\">Which policy is recommended, and how it was chosen</h3>\n");
        RunResult.Headline h = pi.verdict() == null ? null : pi.verdict().headline();
        if (h != null) {
            b.markup("<p class=\"headline\">").add(headline(h, Markup.fill("<b>{}</b>", h.policy())))
                    .markup("</p>\n");
        }
        b.markup("<p>").textOrDash(sel.note()).markup(" Current practice (Doctors) is valued as the observed "
                + "outcomes of the same patients, not weighted as if it were a policy of the covariates.</p>\n");
        Html.Table t = new Html.Table(List.of("Policy", "Kind", "DR (" + where(sel) + ")", "IPW (" + where(sel) + ")"),
                false, false, false, true, true);
        for (RunResult.SelectionValue v : sel.values()) {
            boolean chosen = v.policy().equals(sel.selected());
            t.row(chosen ? "best" : null, chosen ? Markup.fill("{} {}", Markup.code(v.policy().name()),
                    Markup.badge("good", "chosen")) : Markup.code(v.policy().name()),
                    v.learned() ? "learned" : "baseline", Fmt.num(v.dr()), Fmt.num(v.ipw()));
        }
        b.add(t.html());
        b.markup("<p class=\"info\">The value tables below give every policy's value on the test split for "
                + "comparison. Only the recommended policy's test value is an honest estimate for a chosen policy: "
                + "picking the best of many test values would overstate it.</p>\n");
    }

    /** The headline sentence with its badge; {@code policyHtml} is the policy's name as it should appear. */
    static Markup headline(RunResult.Headline h, Markup policyHtml) {
        return Markup.fill("Recommended policy {} (chosen without the test split) on {} test patients: DR value {} "
                        + "(95\u00a0% bootstrap interval {}) against current practice's observed {}; gain {} ({}, "
                        + "positive is better); better than current practice in {} of bootstrap rounds {}",
                policyHtml, Fmt.integer(h.nTest()), Fmt.num(h.value()), Fmt.range(h.valueLow(), h.valueHigh()),
                Fmt.num(h.currentPractice()), Fmt.num(h.gain()), Fmt.range(h.gainLow(), h.gainHigh()),
                Fmt.pct(h.beatsShare()),
                h.clear() ? Markup.badge("good", "clearly better") : Markup.badge("warn", "not clearly better"));
    }

    private static String where(RunResult.Selection sel) {
        return sel.scheme().split();
    }
}
