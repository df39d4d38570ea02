package org.causalrx.report;

import java.util.List;

import org.causalrx.pipeline.RunResult;

/** Section 4 of the report: the overlap set and the propensity histograms before and after trimming. Formats only. */
final class OverlapSection implements ReportSection {
    private final RunResult r;

    OverlapSection(RunResult r) {
        this.r = r;
    }

    @Override
    public String id() {
        return "overlap";
    }

    @Override
    public String title() {
        return "4 Overlap";
    }

    @Override
    public void render(HtmlWriter b, HtmlReport report) {
        RunResult.OverlapInfo o = r.overlap();
        b.markup("<section>").add(report.heading(this));
        if (o == null) {
            b.markup("<p>No overlap information was produced.</p></section>\n");
            return;
        }
        b.markup("<p>The overlap set holds the patients whose estimated propensity lies between the two "
                + "thresholds. Outside it one arm is (almost) never observed, so comparisons there rest on "
                + "extrapolation and inverse-propensity weights explode.</p>\n");
        b.add(Html.kv(List.of(
                Html.pair("Thresholds", Markup.fill("\u03b7<sub>low</sub> = {}, \u03b7<sub>high</sub> = {}",
                        Fmt.num(o.etaLow()), Fmt.num(o.etaHigh()))),
                Html.pair("How they were chosen", Markup.textOrDash(o.method())),
                Html.pair("Test patients in overlap", Fmt.count(o.testInOverlap(), o.testTotal())),
                Html.pair("Training patients in overlap", Fmt.count(o.trainInOverlap(), o.trainTotal())))));
        b.add(report.figure("propensity_before_trimming"));
        b.add(report.figure("propensity_after_trimming"));
        BalanceReport.html(b, report, r);
        b.markup("</section>\n");

    }
}
