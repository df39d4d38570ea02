package org.causalrx.report;

import java.util.List;

import org.causalrx.simulate.FeasibilityChecks;
import org.causalrx.simulate.FeasibilityResult;

/** Section 5 of the report: the feasibility simulation's checks (TRS §3.5), or how to run one. Formats only. */
final class SimulationSection implements ReportSection {
    private final FeasibilityResult sim;

    SimulationSection(FeasibilityResult sim) {
        this.sim = sim;
    }

    @Override
    public String id() {
        return "simulation";
    }

    @Override
    public String title() {
        return "5 Feasibility simulation";
    }

    @Override
    public void render(StringBuilder b, HtmlReport report) {
        b.append("<section>").append(report.heading(this));
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
