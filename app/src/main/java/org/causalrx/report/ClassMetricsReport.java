package org.causalrx.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.causalrx.pipeline.NnMetrics;

/**
 * The categorical-outcome part of the NN-metrics subsection: per estimator and class the mean
 * effect (difference in class probability), the per-class NN-PEHE and the AUC per arm, as an HTML table and
 * {@code tables/nn_metrics_by_class.csv}. Empty for continuous and binary outcomes.
 */
final class ClassMetricsReport {
    static final String CSV = "nn_metrics_by_class.csv";

    private ClassMetricsReport() {
    }

    private static boolean has(NnMetrics nn) {
        return nn != null && !nn.classes().isEmpty();
    }

    /** Writes the per-class CSV when the outcome is categorical; returns the file names written. */
    static List<String> tables(NnMetrics nn, Path dir) throws IOException {
        if (!has(nn)) {
            return List.of();
        }
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("estimator", "class", "mean_effect", "nn_pehe", "nn_pehe_ci_low", "nn_pehe_ci_high", "arm",
                "arm_n", "arm_positives", "auc", "auc_ci_low", "auc_ci_high"));
        for (NnMetrics.Estimator e : nn.estimators()) {
            for (String k : nn.classes()) {
                NnMetrics.ClassEffect c = e.byClass().stream().filter(x -> x.outcomeClass().equals(k)).findFirst()
                        .orElse(null);
                List<String> common = List.of(e.estimator(), k, c == null ? "" : Fmt.raw(c.meanEffect()),
                        c == null ? "" : Fmt.raw(c.nnPehe()), c == null ? "" : Fmt.raw(c.nnPeheCiLow()),
                        c == null ? "" : Fmt.raw(c.nnPeheCiHigh()));
                List<NnMetrics.ArmClassAuc> aucs = e.aucByArmClass().stream()
                        .filter(a -> a.outcomeClass().equals(k)).toList();
                if (c == null && aucs.isEmpty()) {
                    continue;
                }
                if (aucs.isEmpty()) {
                    List<String> row = new ArrayList<>(common);
                    row.addAll(List.of("", "", "", "", "", ""));
                    rows.add(row);
                }
                for (NnMetrics.ArmClassAuc a : aucs) {
                    List<String> row = new ArrayList<>(common);
                    row.addAll(List.of(a.arm(), Integer.toString(a.n()), Integer.toString(a.positives()),
                            Fmt.raw(a.auc()), Fmt.raw(a.ciLow()), Fmt.raw(a.ciHigh())));
                    rows.add(row);
                }
            }
        }
        return List.of(CsvTables.writeTable(dir, CSV, rows));
    }

    /** The per-class paragraph and table, after the overall NN-metrics table. */
    static void html(NnMetrics nn, HtmlWriter b) {
        if (!has(nn)) {
            return;
        }
        b.markup("<h4 id=\"nn-metrics-by-class\">Per class (categorical outcome: ")
                .text(String.join(", ", nn.classes())).markup(")</h4>\n<p>The outcome is categorical "
                + "with classes coded 0..").text(nn.classes().size() - 1).markup(" in the order listed. The "
                + "overall effect, the NN-PEHE above and every policy value and sign rule use the <b>expected class "
                + "value</b> (the class code as an ordinal score) with the study's direction. Estimators with class "
                + "heads (the neural ones) also give a per-class effect, the difference in class probability "
                + "P(Y\u00b9 = k) \u2212 P(Y\u2070 = k), which sums to 0 over the classes; the table shows its mean "
                + "over the test patients, the per-class NN-PEHE (pseudo-effects of the class indicator) and the "
                + "one-vs-rest AUC per arm. Estimators without class heads (T- and meta-learners) model the class "
                + "code as a number and appear only in the overall table. Details in <code>tables/").text(CSV)
                .markup("</code>.</p>\n");
        List<String> arms = nn.estimators().stream().flatMap(e -> e.aucByArmClass().stream())
                .map(NnMetrics.ArmClassAuc::arm).distinct().toList();
        List<String> headers = new ArrayList<>(List.of("Estimator", "Class", "Mean effect", "NN-PEHE",
                "95 % interval"));
        arms.forEach(a -> headers.add("AUC " + a));
        boolean[] numeric = new boolean[headers.size()];
        java.util.Arrays.fill(numeric, 2, numeric.length, true);
        Html.Table t = new Html.Table(headers, numeric);
        boolean any = false;
        for (NnMetrics.Estimator e : nn.estimators()) {
            for (NnMetrics.ClassEffect c : e.byClass()) {
                any = true;
                List<Object> cells = new ArrayList<>(List.of(Markup.code(e.estimator()),
                        c.outcomeClass(), Fmt.num(c.meanEffect()), Fmt.num(c.nnPehe()),
                        Fmt.range(c.nnPeheCiLow(), c.nnPeheCiHigh())));
                for (String arm : arms) {
                    cells.add(e.aucByArmClass().stream()
                            .filter(a -> a.arm().equals(arm) && a.outcomeClass().equals(c.outcomeClass())).findFirst()
                            .map(a -> Fmt.num(a.auc()) + " " + Fmt.range(a.ciLow(), a.ciHigh())).orElse("\u2014"));
                }
                t.row(null, cells.toArray());
            }
        }
        b.add(any ? t.html() : Markup.trusted("<p>No estimator of this run has class heads; list e.g. "
                + "<code>tarnet</code> for per-class effects.</p>\n"));
    }
}
