package org.causalrx.report;

import java.util.List;

import org.causalrx.pipeline.RunResult;

/** Section 7 of the report: CATE insights (§3.7). Formats what the pipeline computed. */
final class InsightSection implements ReportSection {
    private final RunResult r;

    InsightSection(RunResult r) {
        this.r = r;
    }

    @Override
    public String id() {
        return "insights";
    }

    @Override
    public String title() {
        return "7 CATE insights";
    }

    @Override
    public void render(HtmlWriter b, HtmlReport report) {
        b.markup("<section>").add(report.heading(this));
        RunResult.CateInsights ins = r.cateInsights();
        if (ins == null || ins.estimators() == null || ins.estimators().isEmpty()) {
            b.markup("<p class=\"note\">No CATE estimates were produced.</p></section>\n");
            return;
        }
        b.markup("<p>How the effect estimators behave on the held-out test patients. <b>Implied average "
                + "effect</b>: the mean predicted effect over test patients, with a 95 % bootstrap interval over "
                + "patients (it does not include the models' own estimation uncertainty); compare it with the "
                + "cross-fitted AIPW estimate below. <b>Calibration</b>: within quintiles of predicted effect, "
                + "the doubly robust effect actually seen. <b>Correlations</b>: whether the estimators rank "
                + "patients alike.</p>\n");
        Html.Table t = new Html.Table(List.of("Estimator", "Implied average effect", "95 % interval"), false, true,
                true);
        for (RunResult.ImpliedAte a : ins.impliedAte()) {
            t.row(null, Markup.code(a.estimator()), Fmt.num(a.estimate()),
                    "[" + Fmt.num(a.ciLow()) + ", " + Fmt.num(a.ciHigh()) + "]");
        }
        b.add(t.html());
        if (ins.rejected() != null && !ins.rejected().isEmpty()) {
            b.markup("<p><b>Rejected component models</b> (validation MSE at least ")
                    .text(OutcomeModelsSection.rejectShare()).markup(" \u00d7 the outcome variance, §3.6): their "
                            + "policies are shown but should not be trusted.</p>\n<ul>\n");
            for (String s : ins.rejected()) {
                b.markup("<li>").text(s).markup("</li>\n");
            }
            b.markup("</ul>\n");
        } else {
            b.markup("<p>No component model was rejected by the §3.6 check (validation MSE below ")
                    .text(OutcomeModelsSection.rejectShare())
                    .markup(" \u00d7 the outcome variance in every arm).</p>\n");
        }
        b.add(report.figure("cate_calibration"));
        HeterogeneityReport.render(b, r, report);
        ModelEvaluationReport.evaluation(r, b, report);
        if (ins.estimators().size() > 1) {
            b.markup("<h3>Pearson correlation of test-set effects</h3>\n").add(matrix(ins.estimators(),
                    ins.pearson()));
            b.add(report.figure("cate_correlation_pearson"));
            b.markup("<h3>Kendall correlation of test-set effects</h3>\n").add(matrix(ins.estimators(),
                    ins.kendall()));
            b.add(report.figure("cate_correlation_kendall"));
        }
        if (r.featureImportance() != null && !r.featureImportance().isEmpty()) {
            b.markup("<h3>Feature importance (SHAP)</h3>\n<p>Exact tree SHAP values of the gradient-boosted models "
                    + "(the selected propensity model when it is XGBoost, and each arm of the XGBoost T-learner), "
                    + "averaged in absolute value over ");
            int rows = r.featureImportance().get(0).rows();
            int test = r.n() == null ? rows : r.n().test();
            if (rows > 0 && rows < test) {
                b.add(Markup.fill("a random sample of {} of the {} test patients (a sample bounds the cost of tree "
                        + "SHAP on large cohorts).</p>\n", rows, test));
            } else {
                b.markup("test patients.</p>\n");
            }
            for (int i = 0; i < r.featureImportance().size(); i++) {
                b.add(report.figure("shap_" + i));
            }
            AnalysisReport.beeswarms(b, r, report);
        }
        b.markup("</section>\n");
    }

    private static Markup matrix(List<String> names, double[][] m) {
        String[][] cells = new String[names.size()][names.size()];
        for (int i = 0; i < names.size(); i++) {
            for (int j = 0; j < names.size(); j++) {
                cells[i][j] = Fmt.num(m[i][j]);
            }
        }
        return Html.matrix("", names, cells);
    }
}
