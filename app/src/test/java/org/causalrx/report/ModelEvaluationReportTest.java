package org.causalrx.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.causalrx.pipeline.LinearCoefficients;
import org.causalrx.pipeline.ModelFigures;
import org.causalrx.pipeline.NnMetrics;
import org.causalrx.pipeline.RunFigures;
import org.causalrx.pipeline.RunResult;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The evaluation table with AUC per arm, the ROC and error figures, the coefficient tables and their CSVs. */
@Tag("slow")
class ModelEvaluationReportTest {

    @Test
    void rocErrorsCoefficientsAndComparisonTableAreWritten(@TempDir Path dir) throws Exception {
        RunResult base = ReportFixture.result("lower", "Q");
        List<NnMetrics.Estimator> rows = new ArrayList<>();
        for (NnMetrics.Estimator e : base.nnMetrics().estimators()) {
            List<NnMetrics.ArmAuc> aucs = e.estimator().startsWith("t_") ? List.of(
                    new NnMetrics.ArmAuc("Kept smoking", 230, 40, 0.74, 0.66, 0.81),
                    new NnMetrics.ArmAuc("Quit smoking", 83, 20, 0.69, 0.55, 0.80)) : List.of();
            rows.add(new NnMetrics.Estimator(e.estimator(), e.nnPehe(), e.nnPeheCiLow(), e.nnPeheCiHigh(),
                    e.impliedAte(), e.impliedAteCiLow(), e.impliedAteCiHigh(), aucs));
        }
        RunResult r = base.toBuilder().nnMetrics(new NnMetrics("test", 313, 1000, rows)).build();
        RunFigures f0 = ReportFixture.figures(42L);
        List<ModelFigures.RocCurve> roc = List.of(
                new ModelFigures.RocCurve("t_xgboost", "Kept smoking", 0.74, new double[] {0, 0.2, 0.5, 1},
                        new double[] {0, 0.5, 0.8, 1}),
                new ModelFigures.RocCurve("t_xgboost", "Quit smoking", 0.69, new double[] {0, 0.3, 1},
                        new double[] {0, 0.6, 1}));
        RunFigures f = new RunFigures(f0.calibration(), f0.propensityByArm(), f0.trimmedByArm(), f0.bootstrapDr(),
                f0.bootstrapIpw(), new ModelFigures(roc, f0.models().residuals()));
        ReportWriter.write(r, f, dir);
        String html = Files.readString(dir.resolve(ReportWriter.REPORT_HTML), StandardCharsets.UTF_8);

        for (String id : List.of("roc_by_arm", "outcome_errors")) {
            assertTrue(html.contains("<figure id=\"fig-" + id + "\">"), id);
            assertTrue(Files.size(dir.resolve("figures").resolve(id + ".png")) > 1000, id);
        }
        // the figures sit in their sections: errors in 6 (before 7), ROC in 7 (after the heading of 7)
        assertTrue(html.indexOf("fig-outcome_errors") < html.indexOf("id=\"insights\""));
        assertTrue(html.indexOf("fig-roc_by_arm") > html.indexOf("id=\"insights\""));
        assertTrue(html.contains("AUC Kept smoking") && html.contains("0.740 [0.660, 0.810]"), "AUC column");
        assertTrue(html.contains("lowest NN-PEHE"));

        List<List<String>> nn = ReportWriterTest.parseCsv(Files.readString(dir.resolve("tables/nn_metrics.csv")));
        // t_xgboost and t_ridge: one row per arm; average: one row without AUC
        assertEquals(1 + 2 + 2 + 1, nn.size());
        assertEquals("auc", nn.get(0).get(12));
        assertEquals(0.74, Double.parseDouble(nn.get(1).get(12)));
        assertEquals("", nn.get(5).get(12));
        nn.forEach(row -> assertEquals(15, row.size(), row.toString()));

        List<List<String>> roCsv = ReportWriterTest.parseCsv(Files.readString(dir.resolve("tables/roc_by_arm.csv")));
        assertEquals(1 + 4 + 3, roCsv.size());
        List<List<String>> err = ReportWriterTest.parseCsv(Files.readString(dir.resolve("tables/outcome_errors.csv")));
        assertEquals(1 + 4 * ReportFixture.ROUNDS, err.size());

        // coefficient tables: largest |coefficient| first; all features in the CSV
        List<LinearCoefficients> coefs = r.linearCoefficients();
        List<String> features = coefs.get(0).features();
        String last = features.get(features.size() - 1);
        int table = html.indexOf("id=\"linear-coefficients\"");
        assertTrue(table > 0);
        assertTrue(html.indexOf("<code>" + last + "</code>", table) < html.indexOf("<code>" + features.get(1)
                + "</code>", table), "ordered by |coefficient|");
        List<List<String>> cc =
                ReportWriterTest.parseCsv(Files.readString(dir.resolve("tables/linear_coefficients.csv")));
        assertEquals(1 + coefs.size() * features.size(), cc.size());
    }

    @Test
    void noRocWithoutAucAndNoEvaluationWithoutMetrics(@TempDir Path dir) throws Exception {
        RunResult base = ReportFixture.result("lower", "Q");
        ReportWriter.write(base, ReportFixture.figures(42L), dir);
        String html = Files.readString(dir.resolve(ReportWriter.REPORT_HTML), StandardCharsets.UTF_8);
        assertTrue(html.contains("id=\"nn-metrics\"") && !html.contains("fig-roc_by_arm"));
        assertTrue(!html.contains("AUC Kept smoking"));
        RunResult old = base.toBuilder().nnMetrics(null).linearCoefficients(List.of()).build();
        Path other = dir.resolve("old");
        Files.createDirectories(other);
        ReportWriter.write(old, ReportFixture.figures(42L), other);
        String h = Files.readString(other.resolve(ReportWriter.REPORT_HTML), StandardCharsets.UTF_8);
        assertTrue(!h.contains("id=\"nn-metrics\"") && !h.contains("id=\"linear-coefficients\""));
        assertTrue(!Files.exists(other.resolve("tables/nn_metrics.csv")));
    }
}
