package org.causalrx.report;

import java.util.List;

import org.causalrx.pipeline.RunResult;
import org.causalrx.pipeline.RunResult.PropensityMetric;

/** Section 3 of the report: the propensity models, their metrics and calibration. Formats only. */
final class PropensitySection implements ReportSection {
    private final RunResult r;

    PropensitySection(RunResult r) {
        this.r = r;
    }

    @Override
    public String id() {
        return "propensity";
    }

    @Override
    public String title() {
        return "3 Propensity models";
    }

    @Override
    public void render(HtmlWriter b, HtmlReport report) {
        b.markup("<section>").add(report.heading(this));
        b.markup("<p>Propensity models estimate e(x), the probability that a patient with covariates x "
                + "receives the treated arm. The selected model (<code>")
                .textOrDash(r.selectedPropensityModel())
                .markup("</code>) provides the weights for IPW and DR and the overlap set.</p>\n");
        Html.Table t = new Html.Table(List.of("Model", "Split", "Brier", "AUROC", "Accuracy", "Precision",
                "Recall", "F1", ""), false, false, true, true, true, true, true, true);
        for (PropensityMetric m : r.propensity() == null ? List.<PropensityMetric>of() : r.propensity()) {
            boolean selected = m.model() != null && m.model().equals(r.selectedPropensityModel());
            boolean warn = m.aurocNearOne();
            t.row(warn ? "warn" : null, Markup.code(m.model()).then(selected
                            ? Markup.fill(" {}", Markup.badge("good", "selected")) : Markup.EMPTY),
                    Markup.textOrDash(m.split()),
                    Fmt.num(m.brier()), Fmt.num(m.auroc()), Fmt.num(m.accuracy()), Fmt.num(m.precision()),
                    Fmt.num(m.recall()), Fmt.num(m.f1()), warn ? Markup.badge("warn", "AUROC near 1") : "");
        }
        b.add(t.html());
        b.markup("<p class=\"note\"><b>AUROC near 1 is a warning, not a success.</b> If the model can almost "
                + "perfectly tell treated from control patients, the arms barely overlap: for many patients "
                + "only one treatment was ever given, and no method can estimate what the other would have "
                + "done. Lower Brier is better; good calibration matters more than discrimination here.</p>\n");
        b.add(report.figure("calibration"));
        b.markup("</section>\n");

    }
}
