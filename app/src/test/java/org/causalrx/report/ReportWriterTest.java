package org.causalrx.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import org.causalrx.pipeline.DecisionRuleInfo;
import org.causalrx.pipeline.RunFigures;
import org.causalrx.pipeline.RunResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("slow")
class ReportWriterTest {

    static final String QUESTION = "Should smokers quit? <script>alert('x')</script> & \"weight\"";
    static final List<String> FIGURE_IDS = List.of("calibration", "propensity_before_trimming",
            "propensity_after_trimming", "policy_value_dr", "policy_value_ipw", "cate_calibration",
            "cate_correlation_pearson", "cate_correlation_kendall", "outcome_errors", "win_matrix_dr", "rank_graph");
    /** Figures drawn from RunFigures (the CATE insight figures come from results.json itself). */
    static final int RAW_FIGURES = 6;

    @TempDir
    static Path dir;
    static String html;

    @BeforeAll
    static void writeReport() throws IOException {
        ReportWriter.write(ReportFixture.result("lower", QUESTION), ReportFixture.figures(42L), dir);
        html = Files.readString(dir.resolve(ReportWriter.REPORT_HTML), StandardCharsets.UTF_8);
    }

    @Test
    void reportIsSelfContained() {
        assertTrue(html.startsWith("<!DOCTYPE html>"));
        Matcher m = Pattern.compile("(?i)(src|href)\\s*=\\s*[\"']?\\s*(https?:|//)").matcher(html);
        assertFalse(m.find(), "external reference in report.html");
        assertFalse(html.toLowerCase().contains("<link"), "no external stylesheets");
        assertFalse(html.contains("http://") || html.contains("https://"), "no URLs at all");
    }

    @Test
    void everySectionIsPresentAndInTheTableOfContents() {
        for (ReportSection s : HtmlReport.sections(null, null, List.of())) {
            String title = Markup.text(s.title()).toString();
            assertTrue(html.contains("<h2 id=\"" + s.id() + "\">" + title + "</h2>"), "heading " + s.title());
            assertTrue(html.contains("<a href=\"#" + s.id() + "\">" + title + "</a>"), "toc " + s.title());
        }
        for (String t : List.of("1 Protocol", "2 Covariates", "3 Propensity models", "4 Overlap",
                "6 Outcome models", "10 Policies and held-out value", "Average treatment effect (AIPW)",
                "Provenance", "Summary")) {
            assertTrue(html.contains(t), t);
        }
    }

    @Test
    void everyFigureIsEmbeddedAndCaptioned() throws IOException {
        Matcher m = Pattern.compile("<img [^>]*src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\"").matcher(html);
        int n = 0;
        while (m.find()) {
            BufferedImage img = ImageIO.read(new java.io.ByteArrayInputStream(Base64.getDecoder().decode(m.group(1))));
            assertNotNull(img);
            n++;
        }
        assertEquals(FIGURE_IDS.size(), n);
        assertEquals(FIGURE_IDS.size(), count(html, "<figcaption>"));
        for (int i = 1; i <= FIGURE_IDS.size(); i++) {
            assertTrue(html.contains("<b>Figure " + i + ".</b>"));
        }
    }

    @Test
    void pngAndSvgFilesAreWritten() throws IOException {
        for (String id : FIGURE_IDS) {
            Path png = dir.resolve("figures").resolve(id + ".png");
            BufferedImage img = ImageIO.read(png.toFile());
            assertNotNull(img, id);
            if (id.startsWith("cate_correlation") || id.startsWith("win_matrix")) {
                assertTrue(img.getWidth() > 300 && img.getHeight() > 200, id + " heat map sized to its matrix");
            } else {
                assertEquals(Figures.WIDTH, img.getWidth(), id);
                assertEquals(Figures.HEIGHT, img.getHeight(), id);
            }
            String svg = Files.readString(dir.resolve("figures").resolve(id + ".svg"));
            assertTrue(svg.contains("<svg"), id);
            assertTrue(svg.trim().endsWith("</svg>"), id);
        }
    }

    @Test
    void csvTablesParseBack() throws IOException {
        RunResult r = ReportFixture.result("lower", QUESTION);
        Map<String, Integer> rows = Map.of(CsvTables.PROPENSITY, r.propensity().size(), CsvTables.COVARIATES,
                r.covariates().size(), CsvTables.OUTCOME_MODELS, r.outcomeModels().size(), CsvTables.POLICIES,
                r.policies().size(), CsvTables.OVERLAP, 1, CsvTables.ATE, 1);
        for (Map.Entry<String, Integer> e : rows.entrySet()) {
            List<List<String>> csv = parseCsv(Files.readString(dir.resolve("tables").resolve(e.getKey())));
            assertEquals(e.getValue() + 1, csv.size(), e.getKey());
            int width = csv.get(0).size();
            csv.forEach(row -> assertEquals(width, row.size(), e.getKey() + " " + row));
        }
        List<List<String>> cov = parseCsv(Files.readString(dir.resolve("tables").resolve(CsvTables.COVARIATES)));
        assertEquals("modifies the effect of quitting, \"heavy\" smokers gain more", cov.get(3).get(3));
        assertEquals("smokeintensity;smokeintensity^2", cov.get(3).get(6));
        List<List<String>> pol = parseCsv(Files.readString(dir.resolve("tables").resolve(CsvTables.POLICIES)));
        assertEquals(List.of("name", "description", "treated_share", "deferred_share", "dr_point", "ipw_point",
                "dr_mean", "dr_sd", "dr_min", "dr_q25", "dr_median", "dr_q75", "dr_max", "ipw_mean", "ipw_sd",
                "ipw_min", "ipw_q25", "ipw_median", "ipw_q75", "ipw_max", "value_scheme", "selected"), pol.get(0));
        assertEquals("test_split", pol.get(1).get(20));
        assertEquals(r.policies().get(6).valueDr().median(), Double.parseDouble(pol.get(7).get(10)));
        List<List<String>> om = parseCsv(Files.readString(dir.resolve("tables").resolve(CsvTables.OUTCOME_MODELS)));
        assertTrue(om.stream().anyMatch(row -> row.get(8).equals("true")));
    }

    @Test
    void decisionRuleIsShownWithItsMarginWhenNotZero() {
        assertTrue(html.contains("<dt>Decision rule</dt>"), "protocol row");
        assertTrue(html.contains("margin <b>0</b>: the plain sign rule"), "sign rule in the fixture");
        assertEquals("", DecisionRuleText.policiesNote(new DecisionRuleInfo(0, "0", "Kept smoking", 0.0, "x"))
                .toString());
        DecisionRuleInfo m = DecisionRuleInfo.of(
                new org.causalrx.policy.DecisionRule(1, 2.5, -1), new String[] {"0", "1"},
                new String[] {"Kept smoking", "Quit smoking"}, "wt82_71");
        String row = DecisionRuleText.protocolRow(m).toString();
        assertTrue(row.contains("margin <b>2.5</b> in outcome units"), row);
        assertTrue(row.contains("keep &#39;Quit smoking&#39;"), row);
        assertTrue(row.contains("give &#39;Kept smoking&#39; only when it is predicted to lower wt82_71 by more "
                + "than 2.5"), row);
        String note = DecisionRuleText.policiesNote(m).toString();
        assertTrue(note.contains("The margin 2.5"), note);
    }

    @Test
    void protocolTextIsEscaped() {
        assertFalse(html.contains("<script"), "raw script tag");
        assertTrue(html.contains("Should smokers quit? &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; "
                + "&quot;weight&quot;"));
    }

    @Test
    void flagsWeakOutcomeModelsAndHighAuroc() {
        assertTrue(html.contains("no better than predicting the mean"));
        assertTrue(html.contains("AUROC near 1"));
        assertTrue(html.contains("287 of 313"));
    }

    @Test
    void summaryShowsThePolicyCoreSelectedNotTheBestTestValue(@TempDir Path other) throws IOException {
        // the fixture's selected policy is not the best learned policy by test DR mean (t_ridge when lower is
        // better, t_xgboost when higher is): the report must not re-pick on the test split
        assertEquals("t_xgboost", bestInSummary(html));
        ReportWriter.write(ReportFixture.result("higher", "Q"), ReportFixture.figures(42L), other);
        String h2 = Files.readString(other.resolve(ReportWriter.REPORT_HTML));
        assertEquals("t_ridge", bestInSummary(h2));
        assertTrue(h2.contains("id=\"policy-selection\""));
        List<String> csv = Files.readAllLines(other.resolve("tables/policy_selection.csv"));
        assertEquals("policy,learned,scheme,n,dr,ipw,selected", csv.get(0));
        assertTrue(csv.stream().anyMatch(l -> l.startsWith("t_ridge,true,validation_split_dr,315,")
                && l.endsWith(",true")));
        List<String> pol = Files.readAllLines(other.resolve("tables/policies.csv"));
        assertTrue(pol.get(0).endsWith(",value_scheme,selected"));
        RunResult r = ReportFixture.result("lower", "Q");
        assertEquals("t_xgboost", PolicyChoice.selected(r).orElseThrow().name().name());
    }

    @Test
    void outputIsDeterministic(@TempDir Path other) throws IOException {
        ReportWriter.write(ReportFixture.result("lower", QUESTION), ReportFixture.figures(42L), other);
        assertEquals(html, Files.readString(other.resolve(ReportWriter.REPORT_HTML)));
        for (String f : List.of("tables/policies.csv", "figures/calibration.png", "figures/policy_value_dr.svg")) {
            assertArrayEquals(Files.readAllBytes(dir.resolve(f)), Files.readAllBytes(other.resolve(f)), f);
        }
    }

    @Test
    void missingFigureDataIsReportedNotFatal(@TempDir Path other) throws IOException {
        RunFigures empty = new RunFigures(Map.of(), Map.of(), Map.of(), Map.of(), Map.of());
        ReportWriter.write(ReportFixture.result("lower", "Q"), empty, other);
        String h = Files.readString(other.resolve(ReportWriter.REPORT_HTML));
        assertEquals(FIGURE_IDS.size() - RAW_FIGURES, count(h, "<img"), "only the CATE insight figures remain");
        assertEquals(RAW_FIGURES, count(h, "Figure not available"));
    }

    private static String bestInSummary(String h) {
        Matcher m = Pattern.compile("<b id=\"best-policy\">([^<]*)</b>").matcher(h);
        assertTrue(m.find());
        return m.group(1);
    }

    private static int count(String s, String needle) {
        int n = 0;
        for (int i = s.indexOf(needle); i >= 0; i = s.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }

    /** Minimal RFC 4180 parser. */
    static List<List<String>> parseCsv(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder f = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    f.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    f.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(f.toString());
                f.setLength(0);
            } else if (c == '\n') {
                row.add(f.toString());
                f.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else if (c != '\r') {
                f.append(c);
            }
        }
        if (f.length() > 0 || !row.isEmpty()) {
            row.add(f.toString());
            rows.add(row);
        }
        return rows;
    }
}
