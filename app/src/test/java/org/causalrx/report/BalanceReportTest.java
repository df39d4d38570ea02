package org.causalrx.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;

import javax.imageio.ImageIO;

import org.causalrx.causal.diagnostics.Balance;
import org.causalrx.pipeline.CovariateBalance;
import org.causalrx.pipeline.RunResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The balance part of the report: the overlap section's tables and flag, the Love plot and the two CSV tables. */
class BalanceReportTest {
    static final List<String> NAMES = List.of("age", "<b>sex</b>", "noise");

    /** Confounded data weighted by a propensity that ignores the second feature, which stays imbalanced. */
    static CovariateBalance balance() {
        int n = 600;
        SplittableRandom rnd = new SplittableRandom(3);
        double[][] x = new double[n][3];
        int[] t = new int[n];
        double[] e = new double[n];
        for (int i = 0; i < n; i++) {
            x[i][0] = rnd.nextGaussian();
            x[i][1] = rnd.nextInt(2);
            x[i][2] = rnd.nextGaussian();
            double full = 1 / (1 + Math.exp(-(0.8 * x[i][0] + 1.5 * x[i][1] - 0.7)));
            t[i] = rnd.nextDouble() < full ? 1 : 0;
            e[i] = 1 / (1 + Math.exp(-(0.8 * x[i][0])));
        }
        Balance.Result r = Balance.compute(x, t, e, NAMES, 0.01, Balance.THRESHOLD);
        return new CovariateBalance("l2_logistic", Balance.THRESHOLD, 0.01, r, r, r.flagged(), r.imbalanced());
    }

    @Test
    void theOverlapSectionShowsBalanceWeightsAndTheFlagAndTheTablesAndLovePlotAreWritten(@TempDir Path dir)
            throws IOException {
        CovariateBalance cb = balance();
        assertTrue(cb.imbalanced().contains("<b>sex</b>"), "the fixture leaves the omitted confounder imbalanced");
        RunResult r = ReportFixture.result("lower", "q").toBuilder().balance(cb).build();
        ReportWriter.write(r, ReportFixture.figures(42L), dir);
        String html = Files.readString(dir.resolve(ReportWriter.REPORT_HTML), StandardCharsets.UTF_8);
        int overlap = html.indexOf("<h2 id=\"overlap\">");
        int section = html.indexOf("<h3 id=\"balance\">");
        assertTrue(overlap >= 0 && section > overlap && section < html.indexOf("</section>", overlap),
                "balance is part of the overlap section");
        assertTrue(html.contains("Balance not reached."));
        assertTrue(html.contains("<code>&lt;b&gt;sex&lt;/b&gt;</code>"), "feature names are escaped");
        assertFalse(html.contains("<b>sex</b>"));
        assertTrue(html.contains("Effective n"));
        assertTrue(html.contains("id=\"fig-love_plot\""), "Love plot embedded");

        BufferedImage img = ImageIO.read(dir.resolve("figures").resolve(BalanceReport.FIGURE + ".png").toFile());
        assertNotNull(img);
        assertEquals(Figures.WIDTH, img.getWidth());
        assertTrue(Files.readString(dir.resolve("figures").resolve(BalanceReport.FIGURE + ".svg")).contains("<svg"));

        List<List<String>> csv = ReportWriterTest.parseCsv(Files.readString(dir.resolve("tables")
                .resolve(BalanceReport.CSV)));
        assertEquals(List.of("split", "feature", "mean_control", "mean_treated", "smd_unweighted", "smd_weighted",
                "imbalanced"), csv.get(0));
        assertEquals(1 + 2 * NAMES.size(), csv.size());
        List<String> sex = csv.get(2);
        assertEquals("<b>sex</b>", sex.get(1));
        assertEquals(cb.train().features().get(1).smdWeighted(), Double.parseDouble(sex.get(5)));
        assertEquals("true", sex.get(6));
        List<List<String>> w = ReportWriterTest.parseCsv(Files.readString(dir.resolve("tables")
                .resolve(BalanceReport.WEIGHTS_CSV)));
        assertEquals(5, w.size());
        assertEquals(cb.train().weights().get(1).ess(), Double.parseDouble(w.get(2).get(10)));
    }

    @Test
    void featuresAreOrderedByTheirImbalanceBeforeWeighting() {
        Balance.Result r = balance().train();
        int[] order = BalanceReport.order(r, 2);
        assertEquals(2, order.length);
        assertTrue(Math.abs(r.features().get(order[0]).smdUnweighted())
                >= Math.abs(r.features().get(order[1]).smdUnweighted()));
    }
}
