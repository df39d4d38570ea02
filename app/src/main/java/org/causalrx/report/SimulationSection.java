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
    public void render(HtmlWriter b, HtmlReport report) {
        b.markup("<section>").add(report.heading(this));
        if (sim == null) {
            b.markup("<p class=\"note\">No feasibility simulation was run with this study. Add a "
                    + "<code>simulation:</code> block to the study, or run <code>bin/causalrx simulate STUDY</code>, "
                    + "to check that with these covariates and treatments the pipeline can recover a known good "
                    + "policy (TRS \u00a73.5).</p></section>\n");
            return;
        }
        b.markup("<p>Real covariates, treatments, split and overlap set; simulated outcomes with a known effect "
                + "(Algorithm 1, lambda = ").text(Fmt.num(sim.lambda())).markup(", mean |effect| = ")
                .text(Fmt.num(sim.effect())).markup(", ").text(sim.seeds()).markup(" seeds per form). The whole "
                        + "pipeline is run on each simulated data set and its estimated policy values are compared "
                        + "with the true ones. Details: <code>simulation.html</code>.</p>\n");
        for (String n : sim.notes()) {
            b.markup("<p class=\"note\">").textOrDash(n).markup("</p>\n");
        }
        Html.Table t = new Html.Table(List.of("Form", "Check", "Result", "Numbers"), false, false, false, false);
        for (FeasibilityChecks.Check c : sim.checks()) {
            t.row(c.passed() ? null : "warn", Markup.textOrDash(c.form()),
                    Markup.text(c.id() + ". ").then(Markup.textOrDash(c.name())),
                    c.passed() ? Markup.badge("good", "pass") : Markup.badge("warn", "fail"),
                    Markup.textOrDash(c.detail()));
        }
        b.add(t.html()).add(IntervalCoverageTable.html(sim)).add(report.figure("simulation_scatter"))
                .markup("</section>\n");

    }
}
