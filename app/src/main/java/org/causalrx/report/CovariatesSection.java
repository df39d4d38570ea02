package org.causalrx.report;

import java.util.ArrayList;
import java.util.List;

import org.causalrx.pipeline.RunResult;
import org.causalrx.pipeline.RunResult.CovariateDecision;

/** Section 2 of the report: covariates kept and dropped by their causal role, data warnings. Formats only. */
final class CovariatesSection implements ReportSection {
    private final RunResult r;

    CovariatesSection(RunResult r) {
        this.r = r;
    }

    @Override
    public String id() {
        return "covariates";
    }

    @Override
    public String title() {
        return "2 Covariates kept and dropped";
    }

    @Override
    public void render(HtmlWriter b, HtmlReport report) {
        List<CovariateDecision> all = r.covariates() == null ? List.of() : r.covariates();
        List<CovariateDecision> kept = all.stream().filter(CovariateDecision::kept).toList();
        List<CovariateDecision> dropped = all.stream().filter(c -> !c.kept()).toList();
        int features = r.features() == null ? 0 : r.features().size();
        b.markup("<section>").add(report.heading(this));
        DataWarningSection.render(b, r);
        b.markup("<p>Covariates are kept or dropped by their declared causal role: confounders (affect both "
                + "treatment and outcome) and effect modifiers are kept; instruments, mediators, colliders and "
                + "post-treatment variables are dropped. ").text(kept.size()).markup(" kept, ")
                .text(dropped.size()).markup(" dropped; the models use ").text(features)
                .markup(" features.</p>\n");
        for (boolean k : new boolean[] {true, false}) {
            List<CovariateDecision> list = k ? kept : dropped;
            b.markup("<h3>").text(k ? "Kept" : "Dropped").markup(" (").text(list.size()).markup(")</h3>\n");
            List<String> headers = new ArrayList<>(List.of("Covariate", "Role", "Type", "Missing", "Reason"));
            if (k) {
                headers.add("Features");
            }
            Html.Table t = new Html.Table(headers, false, false, false, true);
            for (CovariateDecision c : list) {
                List<Object> cells = new ArrayList<>(List.of(Markup.code(c.name()), Markup.textOrDash(c.role()),
                        Markup.textOrDash(c.type()), Fmt.integer(c.missing()), Markup.textOrDash(c.reason())));
                if (k) {
                    cells.add(c.features() == null ? "" : String.join(", ", c.features()));
                }
                t.row(null, cells.toArray());
            }
            b.add(list.isEmpty() ? Markup.trusted("<p>None.</p>\n") : t.html());
        }
        b.markup("</section>\n");

    }
}
