package org.causalrx.report;

import java.util.List;

import org.causalrx.result.ExitStatus;
import org.causalrx.simulate.FeasibilityChecks;
import org.causalrx.simulate.FeasibilityResult;
import org.causalrx.verdict.ExitPoints;

/** The feasibility verdict box (exit points) and section 5, the feasibility simulation. Formats only. */
final class FeasibilitySection {
    private FeasibilitySection() {
    }

    static void exitPoints(StringBuilder b, List<ExitPoints.ExitPoint> exits) {
        if (exits == null || exits.isEmpty()) {
            return;
        }
        boolean stop = exits.stream().anyMatch(e -> e.status() == ExitStatus.EXIT);
        b.append("<section class=\"summary\" id=\"feasibility\"><h2>Feasibility verdict</h2>\n<p>")
                .append(stop ? Html.badge("warn", "exit point reached")
                        + " The framework's exit points say this analysis should not go to clinicians as it is."
                        : Html.badge("good", "no exit point reached") + " Go on, reading the warnings below.")
                .append("</p>\n");
        Html.Table t = new Html.Table(List.of("Step", "Status", "Finding", "What to do next"), false, false, false,
                false);
        for (ExitPoints.ExitPoint e : exits) {
            String cls = e.status() == ExitStatus.EXIT ? "warn" : null;
            String badge = switch (e.status()) {
                case EXIT -> Html.badge("warn", e.status().key());
                case WARNING -> Html.badge("warn", e.status().key());
                case OK -> Html.badge("good", e.status().key());
                case NOT_RUN -> Html.text(e.status().key());
            };
            t.row(cls, Html.text(e.step()), badge, Html.text(e.finding()), Html.text(e.next()));
        }
        b.append(t.html()).append("</section>\n");
    }

    static void simulation(StringBuilder b, FeasibilityResult sim, HtmlReport report) {
        b.append("<section>").append(HtmlReport.heading("simulation"));
        if (sim == null) {
            b.append("<p class=\"note\">No feasibility simulation was run with this study. Add a "
                    + "<code>simulation:</code> block to the study, or run <code>bin/causalrx simulate STUDY</code>, "
                    + "to check that with these covariates and treatments the pipeline can recover a known good "
                    + "policy (TRS \u00a73.5).</p></section>\n");
            return;
        }
        b.append("<p>Real covariates, treatments, split and overlap set; simulated outcomes with a known effect "
                + "(Algorithm 1, lambda = ").append(Fmt.num(sim.lambda())).append(", mean |effect| = ")
                .append(Fmt.num(sim.effect())).append(", ").append(sim.seeds()).append(" seeds per form). The whole "
                        + "pipeline is run on each simulated data set and its estimated policy values are compared "
                        + "with the true ones. Details: <code>simulation.html</code>.</p>\n");
        for (String n : sim.notes()) {
            b.append("<p class=\"note\">").append(Html.text(n)).append("</p>\n");
        }
        Html.Table t = new Html.Table(List.of("Form", "Check", "Result", "Numbers"), false, false, false, false);
        for (FeasibilityChecks.Check c : sim.checks()) {
            t.row(c.passed() ? null : "warn", Html.text(c.form()), c.id() + ". " + Html.text(c.name()),
                    c.passed() ? Html.badge("good", "pass") : Html.badge("warn", "fail"), Html.text(c.detail()));
        }
        b.append(t.html()).append(IntervalCoverageTable.html(sim)).append(report.figure("simulation_scatter"))
                .append("</section>\n");
    }
}
