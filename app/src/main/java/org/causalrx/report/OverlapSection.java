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
    public void render(StringBuilder b, HtmlReport report) {
        RunResult.OverlapInfo o = r.overlap();
        b.append("<section>").append(report.heading(this));
        if (o == null) {
            b.append("<p>No overlap information was produced.</p></section>\n");
            return;
        }
        b.append("<p>The overlap set holds the patients whose estimated propensity lies between the two "
                + "thresholds. Outside it one arm is (almost) never observed, so comparisons there rest on "
                + "extrapolation and inverse-propensity weights explode.</p>\n");
        b.append(Html.kv(List.of(
                new String[] {"Thresholds", "\u03b7<sub>low</sub> = " + Fmt.num(o.etaLow())
                        + ", \u03b7<sub>high</sub> = " + Fmt.num(o.etaHigh())},
                new String[] {"How they were chosen", Html.text(o.method())},
                new String[] {"Test patients in overlap", Fmt.count(o.testInOverlap(), o.testTotal())},
                new String[] {"Training patients in overlap", Fmt.count(o.trainInOverlap(), o.trainTotal())})));
        b.append(report.figure("propensity_before_trimming"));
        b.append(report.figure("propensity_after_trimming"));
        b.append("</section>\n");

    }
}
