package org.causalrx.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.causalrx.pipeline.RunResult;
import org.causalrx.pipeline.Sensitivity;
import org.causalrx.result.PolicyId;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sensitivity analysis reaches its CSV tables, its figure and its report section, names escaped. */
@Tag("slow")
class SensitivitySectionTest {
    static final String NAME = "t<b>ridge</b>";

    private static Sensitivity sensitivity(double largest, boolean fragile) {
        double[] lambda = {1, 1.1, 1.2, 1.3};
        double[] gain = {0.3, 0.1, -0.05, -0.2};
        return new Sensitivity(new Sensitivity.EValues(3.41, 1.8, 2, 1.4, "risk ratio of the AIPW arm means"),
                new Sensitivity.Msm(PolicyId.of(NAME), "higher", 400, 2.5, lambda, gain, largest, false,
                        String.format(java.util.Locale.ROOT, "%.2f", largest), Sensitivity.FRAGILE_LAMBDA, fragile,
                        "self-normalised IPW"));
    }

    @Test
    void tablesFigureAndSectionShowTheCurve(@TempDir Path dir) throws Exception {
        RunResult r = ReportFixture.result("higher", "Q?").toBuilder().sensitivity(sensitivity(1.16, true)).build();
        ReportWriter.write(r, ReportFixture.figures(42L), dir);
        String html = Files.readString(dir.resolve(ReportWriter.REPORT_HTML), StandardCharsets.UTF_8);
        assertTrue(html.contains("<h2 id=\"sensitivity\">Sensitivity to hidden confounding</h2>"));
        assertTrue(html.contains("t&lt;b&gt;ridge&lt;/b&gt;"), "policy name escaped");
        assertFalse(html.contains(NAME), "no raw markup from a name");
        assertTrue(html.contains("fragile: below 1.2"), "fragility badge");
        assertTrue(html.contains("Worst-case gain of"), "figure captioned");
        Path tables = dir.resolve(ReportWriter.TABLES_DIR);
        List<String> rows = Files.readAllLines(tables.resolve(SensitivitySection.MSM_TABLE));
        assertEquals(5, rows.size());
        assertEquals("policy,lambda,gain_lower_bound,current_practice,direction,largest_lambda", rows.get(0));
        assertTrue(rows.get(3).contains(",1.2,-0.05,"), rows.get(3));
        List<String> e = Files.readAllLines(tables.resolve(SensitivitySection.E_VALUE_TABLE));
        assertTrue(e.get(1).startsWith("3.41,1.8,2.0,1.4,"), e.get(1));
    }

    @Test
    void aRunWithoutTheAnalysisSaysSoAndWritesNoTable(@TempDir Path dir) throws Exception {
        ReportWriter.write(ReportFixture.result("higher", "Q?"), ReportFixture.figures(42L), dir);
        assertFalse(Files.exists(dir.resolve(ReportWriter.TABLES_DIR).resolve(SensitivitySection.MSM_TABLE)));
        String html = Files.readString(dir.resolve(ReportWriter.REPORT_HTML), StandardCharsets.UTF_8);
        assertTrue(html.contains("No sensitivity analysis was run."));
    }
}
