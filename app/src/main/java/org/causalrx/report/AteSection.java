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
    public void render(StringBuilder b, HtmlReport report) {
        RunResult.AteResult a = r.ate();
        ProtocolInfo p = r.protocol();
        b.append("<section>").append(report.heading(this));
        if (a == null) {
            b.append("<p>No average treatment effect was estimated.</p></section>\n");
            return;
        }
        b.append("<p>The average treatment effect is the mean outcome if everyone received <b>")
                .append(Html.text(p.treatedLabel())).append("</b> minus the mean outcome if everyone received <b>")
                .append(Html.text(p.controlLabel())).append("</b>, estimated with cross-fitted augmented IPW. ")
                .append("For this outcome ").append(Html.esc(PolicyChoice.directionText(p.direction())))
                .append(", so a ").append(PolicyChoice.lowerIsBetter(p.direction()) ? "negative" : "positive")
                .append(" effect favours the treated arm on average.</p>\n");
        b.append(Html.kv(List.of(
                new String[] {"Estimate", "<b>" + Fmt.num(a.estimate()) + "</b>"},
                new String[] {"Standard error", Fmt.num(a.se())},
                new String[] {"Confidence interval", Fmt.range(a.ciLow(), a.ciHigh())},
                new String[] {"Method", Html.text(a.method())},
                new String[] {"Cross-fitting folds", Integer.toString(a.folds())},
                new String[] {"Patients", Fmt.integer(a.n())})));
        b.append("</section>\n");

    }
}
