package org.causalrx.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;

import org.causalrx.causal.diagnostics.BlpCalibration;
import org.causalrx.causal.diagnostics.Rate;
import org.causalrx.pipeline.Heterogeneity;
import org.causalrx.pipeline.RunResult;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The heterogeneity tests reach the CSV tables, the TOC figure and the insights section, names escaped. */
@Tag("slow")
class HeterogeneityReportTest {
    static final String NAME = "t<b>ridge</b>";

    private static Heterogeneity heterogeneity(boolean significant) {
        SplittableRandom r = new SplittableRandom(3);
        double[] cate = new double[400];
        double[] psi = new double[400];
        for (int i = 0; i < cate.length; i++) {
            cate[i] = r.nextGaussian();
            psi[i] = 2 * r.nextGaussian();
        }
        BlpCalibration.Result blp = BlpCalibration.test(cate, psi);
        Rate.Result rate = Rate.estimate(cate, psi, 20, 5);
        Heterogeneity.EstimatorTests e = new Heterogeneity.EstimatorTests(NAME, blp.meanPrediction(),
                blp.differentialPrediction(), significant, rate.autoc(), rate.qini(),
                new Heterogeneity.Toc(rate.share(), rate.toc(), rate.tocLow(), rate.tocHigh()));
        return new Heterogeneity("AIPW", 400, "lower", 20, 0.05, 0.05, significant, List.of(e));
    }

    @Test
    void tablesFigureAndSectionShowTheTests(@TempDir Path dir) throws Exception {
        RunResult r = ReportFixture.result("lower", "Q?").toBuilder().heterogeneity(heterogeneity(false)).build();
        ReportWriter.write(r, ReportFixture.figures(42L), dir);
        String html = Files.readString(dir.resolve(ReportWriter.REPORT_HTML), StandardCharsets.UTF_8);
        assertTrue(html.contains("Is there heterogeneity worth personalising?"));
        assertTrue(html.contains("t&lt;b&gt;ridge&lt;/b&gt;"), "estimator name escaped");
        assertFalse(html.contains(NAME), "no raw markup from a name");
        assertTrue(html.contains("treat by the ATE; personalising adds nothing"));
        assertTrue(html.contains("Targeting operator characteristic"), "TOC figure captioned");
        List<String> rows = Files.readAllLines(dir.resolve(ReportWriter.TABLES_DIR).resolve("heterogeneity.csv"));
        assertEquals(2, rows.size());
        assertTrue(rows.get(0).startsWith("estimator,n,mean_prediction"));
        List<String> toc = Files.readAllLines(dir.resolve(ReportWriter.TABLES_DIR).resolve("toc_curve.csv"));
        assertEquals(1 + Rate.TOC_POINTS, toc.size());
    }

    @Test
    void aRunWithoutTestsWritesNoHeterogeneityTable(@TempDir Path dir) throws Exception {
        ReportWriter.write(ReportFixture.result("lower", "Q?"), ReportFixture.figures(42L), dir);
        assertFalse(Files.exists(dir.resolve(ReportWriter.TABLES_DIR).resolve("heterogeneity.csv")));
        String html = Files.readString(dir.resolve(ReportWriter.REPORT_HTML), StandardCharsets.UTF_8);
        assertFalse(html.contains("Is there heterogeneity worth personalising?"));
    }
}
