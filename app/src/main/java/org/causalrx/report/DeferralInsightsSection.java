package org.causalrx.report;

import java.util.List;

import org.causalrx.pipeline.RunResult;
import org.causalrx.policy.VulnerableGroups;

/** Section 9 of the report (§3.9): who the selected policy defers, and vulnerable-group shares. Formats only. */
final class DeferralInsightsSection implements ReportSection {
    private final RunResult r;

    DeferralInsightsSection(RunResult r) {
        this.r = r;
    }

    @Override
    public String id() {
        return "deferral-insights";
    }

    @Override
    public String title() {
        return "9 Deferral insights";
    }

    @Override
    public void render(HtmlWriter b, HtmlReport report) {
        b.markup("<section>").add(report.heading(this));
        RunResult.DeferralInsights d = r.deferralInsights();
        if (d != null) {
            b.markup("<p>Which test patients the selected "
                    + "policy <code>").text(d.policy().name()).markup("</code> defers to the doctor (\u00a73.9), "
                    + "compared with those it makes a recommendation for.</p>\n");
            AnalysisReport.profile(b, d.profile(), "deferral_profile", report, "deferral_profile.csv");
            if (!d.groups().isEmpty()) {
                b.markup("<h4>Vulnerable groups</h4>\n<p>Share deferred and share outside the overlap set within "
                        + "each declared group, against all other test patients; flagged when the difference "
                        + "exceeds ").text(Fmt.num(100 * d.margin()))
                        .markup(" percentage points. Table: <code>tables/"
                        + "vulnerable_groups.csv</code>.</p>\n");
                Html.Table t = new Html.Table(List.of("Column", "Group", "n", "Deferred", "Rest deferred",
                        "Outside overlap", "Rest outside", ""), false, false, true, true, true, true, true, false);
                for (VulnerableGroups.Group g : d.groups()) {
                    boolean flag = g.flagDeferred() || g.flagOutside();
                    String why = (g.flagDeferred() ? "deferral differs" : "")
                            + (g.flagDeferred() && g.flagOutside() ? "; " : "")
                            + (g.flagOutside() ? "overlap differs" : "");
                    t.row(flag ? "warn" : null, Markup.code(g.column()), g.level(),
                            Fmt.integer(g.n()), Fmt.pct(g.deferred()), Fmt.pct(g.restDeferred()),
                            Fmt.pct(g.outside()), Fmt.pct(g.restOutside()), flag ? Markup.badge("warn", why) : "");
                }
                b.add(t.html());
            }
        } else {
            b.markup("<p class=\"note\">No deferral insights: the run has no selected learned policy.</p>\n");
        }
        b.markup("</section>\n");

    }
}
