package org.causalrx.report;

import java.util.List;

import org.causalrx.pipeline.RunResult;
import org.causalrx.pipeline.RunResult.ProtocolInfo;

/** The report's average treatment effect section: the cross-fitted AIPW estimate. Formats only. */
final class AteSection implements ReportSection {
    private final RunResult r;

    AteSection(RunResult r) {
        this.r = r;
    }

    @Override
    public String id() {
        return "ate";
    }

    @Override
    public String title() {
        return "Average treatment effect (AIPW)";
    }

    @Override
    public void render(HtmlWriter b, HtmlReport report) {
        RunResult.AteResult a = r.ate();
        ProtocolInfo p = r.protocol();
        b.markup("<section>").add(report.heading(this));
        if (a == null) {
            b.markup("<p>No average treatment effect was estimated.</p></section>\n");
            return;
        }
        b.markup("<p>The average treatment effect is the mean outcome if everyone received <b>")
                .textOrDash(p.treatedLabel()).markup("</b> minus the mean outcome if everyone received <b>")
                .textOrDash(p.controlLabel()).markup("</b>, estimated with cross-fitted augmented IPW. ")
                .markup("For this outcome ").text(PolicyChoice.directionText(p.direction()))
                .markup(", so a ").text(PolicyChoice.lowerIsBetter(p.direction()) ? "negative" : "positive")
                .markup(" effect favours the treated arm on average.</p>\n");
        List<Object[]> rows = new java.util.ArrayList<>(List.of(
                Html.pair("Estimate", Markup.fill("<b>{}</b>", Fmt.num(a.estimate()))),
                Html.pair("Standard error", Fmt.num(a.se())),
                Html.pair("Confidence interval", Fmt.range(a.ciLow(), a.ciHigh())),
                Html.pair("Method", Markup.textOrDash(a.method())),
                Html.pair("Cross-fitting folds", Integer.toString(a.folds())),
                Html.pair("Patients", Fmt.integer(a.n()))));
        if (a.nuisances() != null) {
            rows.add(Html.pair("Nuisance models", Markup.textOrDash(a.nuisances())));
        }
        b.add(Html.kv(rows));
        RefutationReport.render(b, r, report);
        b.markup("</section>\n");

    }
}
