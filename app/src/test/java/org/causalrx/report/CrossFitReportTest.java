package org.causalrx.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.causalrx.pipeline.CrossFittedPolicyValues;
import org.causalrx.pipeline.PolicyValueScheme;
import org.causalrx.pipeline.ResultsJson;
import org.causalrx.pipeline.RunResult;
import org.causalrx.result.PolicyId;
import org.causalrx.study.Study;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cross-fitted policy values reach the report, a CSV table and results.json, each naming its scheme. */
@Tag("slow")
class CrossFitReportTest {

    static RunResult withCrossFit(RunResult b) {
        CrossFittedPolicyValues v = new CrossFittedPolicyValues(PolicyValueScheme.CROSS_FITTED_AIPW, 5, 1566,
                "death", Study.Direction.LOWER, "l2_logistic", "l2_logistic", "t_xgboost (xgboost per arm)",
                List.of(PolicyId.parse("t_ridge@conservative")), "every patient is scored once",
                List.of(new CrossFittedPolicyValues.Policy(PolicyId.of("doctors"), "observed", 0.26, 0, 0.195, 0.010,
                                0.175, 0.215, 0, 0, 0, 0, Double.NaN),
                        new CrossFittedPolicyValues.Policy(PolicyId.of("treat_all_1"),
                                "give everyone 'quit'", 0.97, 0.03, 0.231,
                                0.021, 0.190, 0.272, 0.036, 0.018, 0.001, 0.071, 0.023)));
        return b.toBuilder().policyValueScheme(PolicyValueScheme.TEST_SPLIT).crossFittedPolicyValues(v).build();
    }

    @Test
    void tableCsvAndJsonNameTheScheme(@TempDir Path dir) throws Exception {
        RunResult r = withCrossFit(ReportFixture.result("lower", "Q"));
        ReportWriter.write(r, ReportFixture.figures(42L), dir);
        String html = Files.readString(dir.resolve(ReportWriter.REPORT_HTML), StandardCharsets.UTF_8);
        int at = html.indexOf("id=\"cross-fitted-values\"");
        assertTrue(at > html.indexOf("id=\"policies\""), "in the policy section");
        assertTrue(html.contains("scheme <code>cross_fitted_aipw</code>"), "caption names the scheme");
        assertTrue(html.contains("doubly robust (DR), scheme test_split"), "test-split table names its scheme");
        assertTrue(html.indexOf("<code>t_ridge@conservative</code>", at) > 0, "test-split-only policies listed");
        assertTrue(html.indexOf("[0.001, 0.071]", at) > 0, "gain interval shown");

        List<List<String>> csv = ReportWriterTest.parseCsv(Files.readString(dir.resolve("tables")
                .resolve(CrossFitSection.CSV)));
        assertEquals(3, csv.size());
        assertEquals("cross_fitted_aipw", csv.get(1).get(0));
        assertEquals("treat_all_1", csv.get(2).get(3));
        assertEquals(0.036, Double.parseDouble(csv.get(2).get(11)));
        assertEquals("", csv.get(1).get(15), "no probability for doctors against itself");

        String json = ResultsJson.write(r);
        assertTrue(json.contains("\"policy_value_scheme\" : \"test_split\""), "test-split values are labelled");
        assertTrue(json.contains("\"scheme\" : \"cross_fitted_aipw\""));
        assertTrue(json.contains("\"prob_better_than_doctors\" : null"));
        assertTrue(json.contains("\"not_cross_fitted\" : [ \"t_ridge@conservative\" ]"));
    }

    @Test
    void nothingIsDrawnWithoutCrossFittedValues(@TempDir Path dir) throws Exception {
        RunResult r = ReportFixture.result("lower", "Q");
        ReportWriter.write(r, ReportFixture.figures(42L), dir);
        String html = Files.readString(dir.resolve(ReportWriter.REPORT_HTML), StandardCharsets.UTF_8);
        assertFalse(html.contains("cross-fitted-values"));
        assertFalse(Files.exists(dir.resolve("tables").resolve(CrossFitSection.CSV)));
        assertTrue(ResultsJson.write(r).contains("\"policy_value_scheme\" : \"test_split\""));
    }
}
