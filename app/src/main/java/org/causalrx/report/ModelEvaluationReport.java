package org.causalrx.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.causalrx.pipeline.LinearCoefficients;
import org.causalrx.pipeline.ModelFigures;
import org.causalrx.pipeline.NnMetrics;
import org.causalrx.pipeline.RunFigures;
import org.causalrx.pipeline.RunResult;

/**
 * The report's parts on model evaluation without counterfactual truth (NN-PEHE, implied ATE, AUC per arm with
 * ROC figure, in section 7) and on the outcome models' explanations (standardised coefficients of the linear
 * models and error distributions per arm, Fig. S.5, in section 6): figures, CSV tables and HTML. Formats what the
 * pipeline computed.
 */
final class ModelEvaluationReport {
    static final String NN_METRICS = "nn_metrics.csv";
    static final String COEFFICIENTS = "linear_coefficients.csv";
    static final String ERRORS = "outcome_errors.csv";
    static final String ROC = "roc_by_arm.csv";
    /** Features shown per coefficient table (all are in the CSV). */
    static final int TOP = 20;

    private ModelEvaluationReport() {
    }

    /** Adds the ROC and error-distribution figures to {@code out} when the run has data for them. */
    static void figures(RunResult r, RunFigures f, Path dir, Map<String, Figures.Figure> out) throws IOException {
        ModelFigures m = f.models() == null ? ModelFigures.EMPTY : f.models();
        if (!m.roc().isEmpty()) {
            Figures.Figure fig = Figures.save(ModelFigureCharts.roc(m.roc(), r.protocol().treatedLabel()), dir,
                    "roc_by_arm", "ROC curves of each outcome model per arm on the test split: mu_a(x) scored among "
                            + "the test patients who received arm a (solid: treated arm, dashed: control arm; AUC in "
                            + "the legend). The grey diagonal is a model that cannot tell outcomes apart.");
            out.put(fig.id(), fig);
        }
        if (m.residuals().stream().anyMatch(x -> x.values().length > 0)) {
            String split = m.residuals().get(0).split();
            Figures.Figure fig = Figures.save(ModelFigureCharts.errors(m.residuals()), dir, "outcome_errors",
                    "Error distribution of each outcome model per arm (paper Fig. S.5): observed minus predicted "
                            + "outcome of the " + split + " patients who received that arm (box: 25\u201375 %, line: "
                            + "median). A box centred on 0 and narrow relative to the outcome's spread is a good fit."
                            + (r.protocol().outcomeType() == org.causalrx.study.Study.OutcomeType.BINARY
                            ? " For a binary outcome the error is the 0/1 outcome minus the predicted probability."
                            : ""));
            out.put(fig.id(), fig);
        }
    }

    /** Writes the CSV tables of this part into {@code dir}; returns the file names written. */
    static List<String> tables(RunResult r, RunFigures f, Path dir) throws IOException {
        List<String> names = new ArrayList<>();
        NnMetrics nn = r.nnMetrics();
        if (nn != null && !nn.estimators().isEmpty()) {
            List<List<String>> rows = new ArrayList<>();
            rows.add(List.of("estimator", "split", "n", "nn_pehe", "nn_pehe_ci_low", "nn_pehe_ci_high", "implied_ate",
                    "implied_ate_ci_low", "implied_ate_ci_high", "arm", "arm_n", "arm_positives", "auc", "auc_ci_low",
                    "auc_ci_high"));
            for (NnMetrics.Estimator e : nn.estimators()) {
                List<String> common = List.of(e.estimator(), nn.split(), Integer.toString(nn.n()), Fmt.raw(e.nnPehe()),
                        Fmt.raw(e.nnPeheCiLow()), Fmt.raw(e.nnPeheCiHigh()), Fmt.raw(e.impliedAte()),
                        Fmt.raw(e.impliedAteCiLow()), Fmt.raw(e.impliedAteCiHigh()));
                if (e.aucByArm().isEmpty()) {
                    List<String> row = new ArrayList<>(common);
                    row.addAll(List.of("", "", "", "", "", ""));
                    rows.add(row);
                }
                for (NnMetrics.ArmAuc a : e.aucByArm()) {
                    List<String> row = new ArrayList<>(common);
                    row.addAll(List.of(a.arm(), Integer.toString(a.n()), Integer.toString(a.positives()),
                            Fmt.raw(a.auc()), Fmt.raw(a.ciLow()), Fmt.raw(a.ciHigh())));
                    rows.add(row);
                }
            }
            names.add(CsvTables.writeTable(dir, NN_METRICS, rows));
            names.addAll(ClassMetricsReport.tables(nn, dir));
        }
        List<LinearCoefficients> coefs = r.linearCoefficients() == null ? List.of() : r.linearCoefficients();
        if (!coefs.isEmpty()) {
            List<List<String>> rows = new ArrayList<>();
            rows.add(List.of("model", "scale", "feature", "standardized_coefficient"));
            for (LinearCoefficients c : coefs) {
                for (int j = 0; j < c.features().size(); j++) {
                    rows.add(List.of(c.model(), c.scale(), c.features().get(j), Fmt.raw(c.standardized()[j])));
                }
            }
            names.add(CsvTables.writeTable(dir, COEFFICIENTS, rows));
        }
        ModelFigures m = f.models() == null ? ModelFigures.EMPTY : f.models();
        if (!m.residuals().isEmpty()) {
            List<List<String>> rows = new ArrayList<>();
            rows.add(List.of("model", "arm", "split", "observed_minus_predicted"));
            for (ModelFigures.Residuals res : m.residuals()) {
                for (double v : res.values()) {
                    rows.add(List.of(res.model(), res.arm(), res.split(), Fmt.raw(v)));
                }
            }
            names.add(CsvTables.writeTable(dir, ERRORS, rows));
        }
        if (!m.roc().isEmpty()) {
            List<List<String>> rows = new ArrayList<>();
            rows.add(List.of("model", "arm", "auc", "false_positive_rate", "true_positive_rate"));
            for (ModelFigures.RocCurve c : m.roc()) {
                for (int i = 0; i < c.fpr().length; i++) {
                    rows.add(List.of(c.model(), c.arm(), Fmt.raw(c.auc()), Fmt.raw(c.fpr()[i]), Fmt.raw(c.tpr()[i])));
                }
            }
            names.add(CsvTables.writeTable(dir, ROC, rows));
        }
        return names;
    }

    /** Section 7 subsection: one table comparing every estimator, and the ROC figure. */
    static void evaluation(RunResult r, HtmlWriter b, HtmlReport report) {
        NnMetrics nn = r.nnMetrics();
        if (nn == null || nn.estimators().isEmpty()) {
            return;
        }
        b.markup("<h3 id=\"nn-metrics\">Evaluation without counterfactuals: NN-PEHE, implied effect, AUC per arm"
                + "</h3>\n<p><b>NN-PEHE</b> stands in for the error of the predicted effects, which cannot be "
                + "measured on real data: each test patient's missing outcome is taken from the most similar patient "
                + "(nearest neighbour on standardised covariates) in the other arm, and the predicted effects are "
                + "compared with these pseudo-effects. The pseudo-effects carry the outcome noise of two patients, so "
                + "NN-PEHE is well above the true error; use it to compare estimators on the same patients, lower is "
                + "better. <b>AUC per arm</b> (binary outcomes): how well each model's predicted outcome under an arm "
                + "separates the patients who received that arm by their actual outcome. Intervals: 95 % bootstrap "
                + "over the ").text(Fmt.integer(nn.n())).markup(" ").text(nn.split())
                .markup(" patients (").text(Fmt.integer(nn.bootstrapRounds())).markup(" rounds)");
        if (nn.nnPeheSample() != null) {
            b.add(Markup.fill("; NN-PEHE is computed on a seeded sample of {} of the {} {} patients (their nearest "
                    + "neighbours are searched among all of them) and its interval resamples the sampled patients",
                    Fmt.integer(nn.nnPeheSample()), Fmt.integer(nn.n()), nn.split()));
        }
        b.markup(".</p>\n");
        List<String> arms = nn.estimators().stream().flatMap(e -> e.aucByArm().stream()).map(NnMetrics.ArmAuc::arm)
                .distinct().toList();
        List<String> headers = new ArrayList<>(List.of("Estimator", "NN-PEHE", "95 % interval", "Implied effect",
                "95 % interval"));
        arms.forEach(a -> headers.add("AUC " + a));
        boolean[] numeric = new boolean[headers.size()];
        java.util.Arrays.fill(numeric, 1, numeric.length, true);
        Html.Table t = new Html.Table(headers, numeric);
        String best = nn.lowestNnPehe();
        for (NnMetrics.Estimator e : nn.estimators()) {
            List<Object> cells = new ArrayList<>(List.of(Markup.code(e.estimator()).then(e.estimator().equals(best)
                            ? Markup.fill(" {}", Markup.badge("good", "lowest NN-PEHE")) : Markup.EMPTY),
                    Fmt.num(e.nnPehe()), Fmt.range(e.nnPeheCiLow(), e.nnPeheCiHigh()), Fmt.num(e.impliedAte()),
                    Fmt.range(e.impliedAteCiLow(), e.impliedAteCiHigh())));
            for (String arm : arms) {
                cells.add(e.aucByArm().stream().filter(a -> a.arm().equals(arm)).findFirst()
                        .map(a -> Fmt.num(a.auc()) + " " + Fmt.range(a.ciLow(), a.ciHigh())).orElse("\u2014"));
            }
            t.row(null, cells.toArray());
        }
        b.add(t.html());
        if (!arms.isEmpty()) {
            b.add(report.figure("roc_by_arm"));
        }
        ClassMetricsReport.html(nn, b);
    }

    /** Section 6 subsection: error distributions per arm and standardised coefficients of the linear models. */
    static void outcomeDetails(RunResult r, HtmlWriter b, HtmlReport report) {
        b.markup("<h3 id=\"outcome-errors\">Error distributions per arm</h3>\n");
        b.add(report.figure("outcome_errors"));
        List<LinearCoefficients> coefs = r.linearCoefficients() == null ? List.of() : r.linearCoefficients();
        if (coefs.isEmpty()) {
            return;
        }
        b.markup("<h3 id=\"linear-coefficients\">Standardised coefficients of the linear models</h3>\n<p>Coefficient "
                + "\u00d7 the feature's training SD: the change in the model's output for a one-SD change of the "
                + "feature, comparable across features. The ").text(TOP).markup(" features with the largest "
                + "absolute coefficient in any model of the table are shown; all are in <code>tables/")
                .text(COEFFICIENTS).markup("</code>. Coefficients describe what the model uses, not causes.</p>\n");
        List<LinearCoefficients> prop = coefs.stream().filter(c -> c.model().startsWith("propensity")).toList();
        List<LinearCoefficients> outcome = coefs.stream().filter(c -> !c.model().startsWith("propensity")).toList();
        if (!outcome.isEmpty()) {
            b.markup("<p>Outcome models (").text(outcome.get(0).scale()).markup("):</p>\n")
                    .add(coefficientTable(outcome));
        }
        if (!prop.isEmpty()) {
            b.markup("<p>Propensity models (").text(prop.get(0).scale()).markup("):</p>\n")
                    .add(coefficientTable(prop));
        }
    }

    private static Markup coefficientTable(List<LinearCoefficients> models) {
        List<String> features = models.get(0).features();
        List<Integer> order = new ArrayList<>();
        for (int j = 0; j < features.size(); j++) {
            order.add(j);
        }
        order.sort(Comparator.comparingDouble((Integer j) -> -maxAbs(models, j)).thenComparingInt(j -> j));
        List<String> headers = new ArrayList<>(List.of("Feature"));
        models.forEach(m -> headers.add(m.model()));
        boolean[] numeric = new boolean[headers.size()];
        java.util.Arrays.fill(numeric, 1, numeric.length, true);
        Html.Table t = new Html.Table(headers, numeric);
        for (int j : order.subList(0, Math.min(TOP, order.size()))) {
            List<Object> cells = new ArrayList<>(List.of(Markup.code(features.get(j))));
            models.forEach(m -> cells.add(Fmt.num(m.standardized()[j])));
            t.row(null, cells.toArray());
        }
        return t.html();
    }

    private static double maxAbs(List<LinearCoefficients> models, int j) {
        double m = 0;
        for (LinearCoefficients c : models) {
            m = Math.max(m, Math.abs(c.standardized()[j]));
        }
        return m;
    }
}
