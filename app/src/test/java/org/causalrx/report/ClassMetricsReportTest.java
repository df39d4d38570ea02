package org.causalrx.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.causalrx.pipeline.NnMetrics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The per-class NN-metrics table and CSV of a categorical outcome; nothing for other outcomes. */
class ClassMetricsReportTest {
    private static NnMetrics metrics(List<String> classes) {
        List<NnMetrics.ClassEffect> byClass = List.of(new NnMetrics.ClassEffect("none", 0.41, 0.38, 0.44, 0.12),
                new NnMetrics.ClassEffect("one", 0.45, 0.42, 0.48, -0.02),
                new NnMetrics.ClassEffect("two_plus", 0.39, 0.36, 0.42, -0.10));
        List<NnMetrics.ArmClassAuc> auc = new ArrayList<>();
        for (String arm : List.of("control", "treated")) {
            for (String k : List.of("none", "one", "two_plus")) {
                auc.add(new NnMetrics.ArmClassAuc(arm, k, 150, 50, 0.71, 0.65, 0.77));
            }
        }
        return new NnMetrics("test", 300, 1000, List.of(
                new NnMetrics.Estimator("t_xgboost", 0.9, 0.8, 1.0, -0.3, -0.4, -0.2, List.of()),
                new NnMetrics.Estimator("tarnet", 0.8, 0.7, 0.9, -0.32, -0.4, -0.25, List.of(), byClass, auc)),
                classes);
    }

    @Test
    void categoricalRunsGetThePerClassTableAndCsv(@TempDir Path dir) throws Exception {
        NnMetrics nn = metrics(List.of("none", "one", "two_plus"));
        HtmlWriter b = new HtmlWriter();
        ClassMetricsReport.html(nn, b);
        String html = b.toString();
        assertTrue(html.contains("id=\"nn-metrics-by-class\"") && html.contains("expected class value"), html);
        assertTrue(html.contains("AUC treated") && html.contains("0.710 [0.650, 0.770]"), html);
        assertEquals(3, html.split("<code>tarnet</code>", -1).length - 1, "one row per class for tarnet");
        assertTrue(!html.contains("<code>t_xgboost</code>"), "T-learner has no class rows");

        assertEquals(List.of(ClassMetricsReport.CSV), ClassMetricsReport.tables(nn, dir));
        List<List<String>> rows = ReportWriterTest.parseCsv(Files.readString(dir.resolve(ClassMetricsReport.CSV)));
        assertEquals(1 + 3 * 2, rows.size(), "tarnet: one row per class and arm");
        assertEquals("mean_effect", rows.get(0).get(2));
        assertEquals(0.12, Double.parseDouble(rows.get(1).get(2)));
        rows.forEach(r -> assertEquals(12, r.size(), r.toString()));
    }

    @Test
    void otherOutcomesGetNothing(@TempDir Path dir) throws Exception {
        NnMetrics nn = metrics(List.of());
        HtmlWriter b = new HtmlWriter();
        ClassMetricsReport.html(nn, b);
        assertEquals("", b.toString());
        assertTrue(ClassMetricsReport.tables(nn, dir).isEmpty());
    }
}
