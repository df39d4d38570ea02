package org.causalrx.report;

import java.util.List;

import org.causalrx.pipeline.RunResult;
import org.causalrx.result.PolicyId;

/** Section 11 of the report: verdict, win matrix, rank graph, outcome tree (§3.11, App. E). Formats only. */
final class PolicyInsightSection implements ReportSection {
    private final RunResult r;

    PolicyInsightSection(RunResult r) {
        this.r = r;
    }

    @Override
    public String id() {
        return "policy-insights";
    }

    @Override
    public String title() {
        return "11 Policy insights";
    }

    @Override
    public void render(HtmlWriter b, HtmlReport report) {
        b.markup("<section>").add(report.heading(this));
        RunResult.PolicyInsights pi = r.policyInsights();
        if (pi == null) {
            b.markup("<p class=\"note\">No policy insights were computed.</p>\n");
            AnalysisReport.policyInsights(b, r, report);
            b.markup("</section>\n");
            return;
        }
        RunResult.Verdict v = pi.verdict();
        b.markup("<h3>Verdict</h3>\n<p>").textOrDash(v.text()).markup("</p>\n");
        if (!v.warnings().isEmpty()) {
            b.markup("<ul>\n");
            for (String w : v.warnings()) {
                b.markup("<li>").add(Markup.badge("warn", "warning")).markup(" ").textOrDash(w)
                        .markup("</li>\n");
            }
            b.markup("</ul>\n");
        }
        b.markup("<h3>Win matrix (doubly robust)</h3>\n<p>Each cell counts the bootstrap rounds (of ")
                .text(Fmt.integer(pi.rounds())).markup(") in which the row policy's DR value is better than the "
                        + "column policy's, in the study's direction. Table 4 of the paper.</p>\n")
                .add(matrix(pi.policies().stream().map(PolicyId::name).toList(), pi.winsDr()));
        b.add(report.figure("win_matrix_dr"));
        b.markup("<h3>Rank graph</h3>\n<p>Patients are ranked by each model's predicted benefit; treating the top "
                + "share q (no deferral) gives the DR value on the y-axis, with a 95 % bootstrap band. A useful "
                + "ranking rises above the random ranking; the Doctors policy is shown as a point.</p>\n");
        b.add(report.figure("rank_graph"));
        if (pi.selectedPolicy() != null) {
            b.markup("<h3>Outcome tree of ").markup("<code>").text(pi.selectedPolicy().name())
                    .markup("</code></h3>\n")
                    .markup("<p>Held-out patients split by the arm they actually received, then by whether the policy "
                            + "agreed, disagreed or deferred. If the policy is right, patients whose treatment agreed "
                            + "with it should fare better than those whose treatment disagreed (not causal on its own: "
                            + "the groups differ in other ways too).</p>\n");
            Html.Table t = new Html.Table(List.of("Actual arm", "Policy", "n", "Mean outcome", "SEM"), false, false,
                    true, true, true);
            for (RunResult.OutcomeTreeNode nd : pi.outcomeTree()) {
                t.row(nd.group().equals("all") ? "strong" : null, Markup.textOrDash(nd.arm()),
                        Markup.textOrDash(nd.group()),
                        Fmt.integer(nd.n()), Fmt.num(nd.mean()), Fmt.num(nd.sem()));
            }
            b.add(t.html());
        }
        AnalysisReport.policyInsights(b, r, report);
        b.markup("</section>\n");
    }

    private static Markup matrix(List<String> names, int[][] m) {
        String[][] cells = new String[names.size()][names.size()];
        for (int i = 0; i < names.size(); i++) {
            for (int j = 0; j < names.size(); j++) {
                cells[i][j] = i == j ? "\u2014" : Fmt.integer(m[i][j]);
            }
        }
        return Html.matrix("row beats column", names, cells);
    }
}
