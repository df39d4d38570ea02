package org.causalrx.report;

import java.util.List;
import java.util.Optional;

import org.causalrx.pipeline.RunResult;
import org.causalrx.pipeline.RunResult.OutcomeModelMetric;
import org.causalrx.pipeline.RunResult.PolicyResult;
import org.causalrx.pipeline.RunResult.ProtocolInfo;
import org.causalrx.pipeline.RunResult.Summary;

/** The results half of {@code report.html}: outcome models, policy values, ATE and provenance. */
final class ResultSections {

    private final RunResult r;
    private final HtmlReport report;
    private final List<String> tableFiles;

    ResultSections(RunResult r, HtmlReport report, List<String> tableFiles) {
        this.r = r;
        this.report = report;
        this.tableFiles = tableFiles;
    }

    void outcomeModels(StringBuilder b) {
        b.append("<section>").append(HtmlReport.heading("outcome-models"));
        b.append("<p>One outcome model per arm (a T-learner) predicts the outcome a patient would have under "
                + "that arm. Its error is shown next to the outcome's standard deviation: a model whose RMSE "
                + "is close to the SD does no better than predicting the mean for everyone. Validation rows whose "
                + "MSE is at least 0.9 \u00d7 the outcome variance are flagged: such a component model is "
                + "rejected (\u00a73.6).</p>\n");
        Html.Table t = new Html.Table(List.of("Model", "Arm", "Split", "n", "RMSE", "MAE", "R\u00b2",
                "Outcome SD", ""), false, false, false, true, true, true, true, true);
        for (OutcomeModelMetric m : r.outcomeModels() == null ? List.<OutcomeModelMetric>of()
                : r.outcomeModels()) {
            boolean flag = HtmlReport.noBetterThanMean(m);
            t.row(flag ? "warn" : null, "<code>" + Html.esc(m.model()) + "</code>", armLabel(m.arm()),
                    Html.text(m.split()), Fmt.integer(m.n()), Fmt.num(m.rmse()), Fmt.num(m.mae()),
                    Fmt.num(m.r2()), Fmt.num(m.outcomeSd()),
                    flag ? Html.badge("warn", "no better than predicting the mean") : "");
        }
        b.append(t.html());
        ModelEvaluationReport.outcomeDetails(r, b, report);
        b.append("</section>\n");
    }

    void policies(StringBuilder b) {
        ProtocolInfo p = r.protocol();
        List<PolicyResult> policies = r.policies() == null ? List.of() : r.policies();
        org.causalrx.study.Study.Direction dir = PolicyChoice.valueDirection(r);
        Optional<PolicyResult> best = PolicyChoice.selected(r);
        int rounds = r.provenance() == null ? 0 : r.provenance().bootstrapRounds();
        b.append("<section>").append(HtmlReport.heading("policies"));
        b.append("<p>A policy recommends an arm for each test patient, or <i>defers</i> to the doctor. A "
                + "deferred patient keeps the treatment actually given, so they contribute their factual "
                + "(observed) outcome. Each policy's value is the mean outcome the test population would "
                + "have had under it, estimated on the held-out test split in two ways:</p>\n<ul>\n"
                + "<li><b>IPW</b> (inverse propensity weighting) averages the observed outcomes of patients "
                + "whose actual treatment agrees with the policy, each weighted by one over the probability "
                + "of the treatment they received. Unbiased when the propensity model is right, but noisy "
                + "when some weights are large.</li>\n"
                + "<li><b>DR</b> (doubly robust, augmented IPW) starts from the outcome model's prediction "
                + "under the recommended arm and adds the IPW-weighted residual of the patients whose "
                + "treatment agrees. It is consistent if either the propensity or the outcome model is "
                + "right, and usually varies less than IPW.</li>\n</ul>\n");
        AnalysisReport.evaluationNote(b, r);
        b.append("<p class=\"info\">For <code>").append(Html.text(PolicyChoice.valueOutcome(r))).append("</code>, <b>")
                .append(Html.esc(PolicyChoice.directionText(dir))).append("</b>: the better policy has the ")
                .append(PolicyChoice.lowerIsBetter(dir) ? "smaller" : "larger")
                .append(" value. The spread comes from ").append(Fmt.integer(rounds))
                .append(" bootstrap resamples of the test patients; \u201ctest\u201d is the value on the full "
                        + "test split.</p>\n");
        b.append(DecisionRuleText.policiesNote(r));
        Html.Table t = new Html.Table(List.of("Policy", "Description", "Treated", "Deferred"),
                false, false, true, true);
        for (PolicyResult pr : policies) {
            t.row(rowClass(pr, best), name(pr, best), Html.text(pr.description()), Fmt.pct(pr.treatedShare()),
                    Fmt.pct(pr.deferredShare()));
        }
        b.append("<h3>Policies</h3>\n").append(t.html());
        PolicySelectionSection.render(b, r);
        valueTable(b, "Held-out value, doubly robust (DR), scheme test_split", policies, best, true);
        valueTable(b, "Held-out value, inverse propensity weighting (IPW), scheme test_split", policies, best, false);
        CrossFitSection.html(b, r);
        b.append(report.figure("policy_value_dr"));
        b.append(report.figure("policy_value_ipw"));
        AnalysisReport.secondary(b, r, report);
        b.append("</section>\n");
    }

    private void valueTable(StringBuilder b, String title, List<PolicyResult> policies,
                            Optional<PolicyResult> best, boolean dr) {
        Html.Table t = new Html.Table(List.of("Policy", "Test", "Mean", "SD", "Min", "25 %", "Median", "75 %",
                "Max"), false, true, true, true, true, true, true, true, true);
        for (PolicyResult pr : policies) {
            Summary s = dr ? pr.valueDr() : pr.valueIpw();
            double point = dr ? pr.pointDr() : pr.pointIpw();
            if (s == null) {
                t.row(rowClass(pr, best), name(pr, best), Fmt.num(point), "", "", "", "", "", "", "");
            } else {
                t.row(rowClass(pr, best), name(pr, best), Fmt.num(point), Fmt.num(s.mean()), Fmt.num(s.sd()),
                        Fmt.num(s.min()), Fmt.num(s.q25()), Fmt.num(s.median()), Fmt.num(s.q75()),
                        Fmt.num(s.max()));
            }
        }
        b.append("<h3>").append(Html.esc(title)).append("</h3>\n").append(t.html());
    }

    private static String rowClass(PolicyResult p, Optional<PolicyResult> best) {
        if (best.isPresent() && best.get() == p) {
            return "best";
        }
        return PolicyChoice.DOCTORS.equalsIgnoreCase(p.name()) ? "ref" : null;
    }

    private static String name(PolicyResult p, Optional<PolicyResult> best) {
        String n = "<code>" + Html.esc(p.name()) + "</code>";
        if (best.isPresent() && best.get() == p) {
            return n + " " + Html.badge("good", "recommended (chosen without the test split)");
        }
        if (PolicyChoice.DOCTORS.equalsIgnoreCase(p.name())) {
            return n + " " + Html.badge("", "reference");
        }
        return PolicyChoice.isBaseline(p.name()) ? n + " " + Html.badge("", "baseline") : n;
    }

    void ate(StringBuilder b) {
        RunResult.AteResult a = r.ate();
        ProtocolInfo p = r.protocol();
        b.append("<section>").append(HtmlReport.heading("ate"));
        if (a == null) {
            b.append("<p>No average treatment effect was estimated.</p></section>\n");
            return;
        }
        b.append("<p>The average treatment effect is the mean outcome if everyone received <b>")
                .append(Html.text(p.treatedLabel())).append("</b> minus the mean outcome if everyone received <b>")
                .append(Html.text(p.controlLabel())).append("</b>, estimated with cross-fitted augmented IPW. ")
                .append("For this outcome ").append(Html.esc(PolicyChoice.directionText(p.direction())))
                .append(", so a ").append(PolicyChoice.lowerIsBetter(p.direction()) ? "negative" : "positive")
                .append(" effect favours the treated arm on average.</p>\n");
        b.append(Html.kv(List.of(
                new String[] {"Estimate", "<b>" + Fmt.num(a.estimate()) + "</b>"},
                new String[] {"Standard error", Fmt.num(a.se())},
                new String[] {"Confidence interval", Fmt.range(a.ciLow(), a.ciHigh())},
                new String[] {"Method", Html.text(a.method())},
                new String[] {"Cross-fitting folds", Integer.toString(a.folds())},
                new String[] {"Patients", Fmt.integer(a.n())})));
        b.append("</section>\n");
    }

    void provenance(StringBuilder b) {
        RunResult.Provenance v = r.provenance();
        b.append("<section>").append(HtmlReport.heading("provenance"));
        if (v != null) {
            b.append(Html.kv(List.of(
                    new String[] {"Data SHA-256", "<code>" + Html.text(v.dataSha256()) + "</code>"},
                    new String[] {"Study SHA-256", "<code>" + Html.text(v.studySha256()) + "</code>"},
                    new String[] {"Seed", Long.toString(v.seed())},
                    new String[] {"Bootstrap rounds", Fmt.integer(v.bootstrapRounds())},
                    new String[] {"CausalRx", Html.text(v.causalrxVersion())},
                    new String[] {"Java", Html.text(v.javaVersion())},
                    new String[] {"XGBoost", Html.text(v.xgboostVersion())})));
        }
        b.append("<p>Tables (CSV, full precision) are in <code>tables/</code>: ");
        for (int i = 0; i < tableFiles.size(); i++) {
            b.append(i > 0 ? ", " : "").append("<code>").append(Html.esc(tableFiles.get(i))).append("</code>");
        }
        b.append(". Figures are in <code>figures/</code> as PNG and SVG.</p>\n</section>\n");
    }

    private String armLabel(String arm) {
        ProtocolInfo p = r.protocol();
        if ("treated".equalsIgnoreCase(arm)) {
            return Html.esc(Figures.armLabel("treated", p.treatedLabel()));
        }
        if ("control".equalsIgnoreCase(arm)) {
            return Html.esc(Figures.armLabel("control", p.controlLabel()));
        }
        return Html.text(arm);
    }
}
