package org.causalrx.report;

import java.util.List;

import org.causalrx.pipeline.RunResult;
import org.causalrx.pipeline.RunResult.OutcomeModelMetric;
import org.causalrx.pipeline.RunResult.ProtocolInfo;
import org.causalrx.policy.DecisionRule;

/** Section 6 of the report: the T-learners' outcome models, their errors and details (§3.6). Formats only. */
final class OutcomeModelsSection implements ReportSection {
    private final RunResult r;

    OutcomeModelsSection(RunResult r) {
        this.r = r;
    }

    @Override
    public String id() {
        return "outcome-models";
    }

    @Override
    public String title() {
        return "6 Outcome models";
    }

    @Override
    public void render(HtmlWriter b, HtmlReport report) {
        b.markup("<section>").add(report.heading(this));
        b.markup("<p>One outcome model per arm (a T-learner) predicts the outcome a patient would have under "
                + "that arm. Its error is shown next to the outcome's standard deviation: a model whose RMSE "
                + "is close to the SD does no better than predicting the mean for everyone. Validation rows whose "
                + "MSE is at least ").text(rejectShare()).markup(" \u00d7 the outcome variance are flagged: such a "
                + "component model is rejected (\u00a73.6).</p>\n");
        Html.Table t = new Html.Table(List.of("Model", "Arm", "Split", "n", "RMSE", "MAE", "R\u00b2",
                "Outcome SD", ""), false, false, false, true, true, true, true, true);
        for (OutcomeModelMetric m : r.outcomeModels() == null ? List.<OutcomeModelMetric>of()
                : r.outcomeModels()) {
            boolean flag = m.rejected();
            t.row(flag ? "warn" : null, Markup.code(m.model()), armLabel(m.arm()),
                    Markup.textOrDash(m.split()), Fmt.integer(m.n()), Fmt.num(m.rmse()), Fmt.num(m.mae()),
                    Fmt.num(m.r2()), Fmt.num(m.outcomeSd()),
                    flag ? Markup.badge("warn", "no better than predicting the mean") : "");
        }
        b.add(t.html());
        ModelEvaluationReport.outcomeDetails(r, b, report);
        b.markup("</section>\n");

    }

    /** Core's rejection share of the outcome variance (§3.6), as the report writes it ("0.9"). */
    static String rejectShare() {
        return DecisionRule.number(OutcomeModelMetric.REJECT_SHARE);
    }

    private Markup armLabel(String arm) {
        ProtocolInfo p = r.protocol();
        if ("treated".equalsIgnoreCase(arm)) {
            return Markup.text(Figures.armLabel("treated", p.treatedLabel()));
        }
        if ("control".equalsIgnoreCase(arm)) {
            return Markup.text(Figures.armLabel("control", p.controlLabel()));
        }
        return Markup.textOrDash(arm);
    }
}
