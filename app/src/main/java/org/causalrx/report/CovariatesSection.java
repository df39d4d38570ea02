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
    public void render(StringBuilder b, HtmlReport report) {
        List<CovariateDecision> all = r.covariates() == null ? List.of() : r.covariates();
        List<CovariateDecision> kept = all.stream().filter(CovariateDecision::kept).toList();
        List<CovariateDecision> dropped = all.stream().filter(c -> !c.kept()).toList();
        int features = r.features() == null ? 0 : r.features().size();
        b.append("<section>").append(report.heading(this));
        DataWarningSection.render(b, r);
        b.append("<p>Covariates are kept or dropped by their declared causal role: confounders (affect both "
                + "treatment and outcome) and effect modifiers are kept; instruments, mediators, colliders and "
                + "post-treatment variables are dropped. ").append(kept.size()).append(" kept, ")
                .append(dropped.size()).append(" dropped; the models use ").append(features)
                .append(" features.</p>\n");
        for (boolean k : new boolean[] {true, false}) {
            List<CovariateDecision> list = k ? kept : dropped;
            b.append("<h3>").append(k ? "Kept" : "Dropped").append(" (").append(list.size()).append(")</h3>\n");
            List<String> headers = new ArrayList<>(List.of("Covariate", "Role", "Type", "Missing", "Reason"));
            if (k) {
                headers.add("Features");
            }
            Html.Table t = new Html.Table(headers, false, false, false, true);
            for (CovariateDecision c : list) {
                List<String> cells = new ArrayList<>(List.of("<code>" + Html.esc(c.name()) + "</code>",
                        Html.text(c.role()), Html.text(c.type()), Fmt.integer(c.missing()), Html.text(c.reason())));
                if (k) {
                    cells.add(c.features() == null ? "" : Html.esc(String.join(", ", c.features())));
                }
                t.row(null, cells.toArray(String[]::new));
            }
            b.append(list.isEmpty() ? "<p>None.</p>\n" : t.html());
        }
        b.append("</section>\n");

    }
}
