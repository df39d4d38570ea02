package org.causalrx.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.causalrx.pipeline.RunResult;
import org.causalrx.result.PolicyId;
import org.causalrx.result.ExitStatus;
import org.causalrx.verdict.ExitPoints;
import org.junit.jupiter.api.Test;

/**
 * Text that comes from the study, the data or the run (study name, protocol text, covariate and policy names,
 * warnings, exit points, figure captions, table file names) reaches {@code report.html} escaped wherever it appears,
 * in element content and in attribute values alike.
 */
class HtmlReportEscapingTest {
    static final String PAYLOAD = "<script>&\"'";
    static final String ESCAPED = "&lt;script&gt;&amp;&quot;&#39;";

    @Test
    void hostileTextAppearsEscapedEverywhere() {
        RunResult base = ReportFixture.result("lower", v("Question"));
        RunResult.ProtocolInfo p = base.protocol();
        RunResult.ProtocolInfo protocol = new RunResult.ProtocolInfo(v("name"), p.question(), v("time"),
                v("population"), v("users"), v("data"), v("treatment"), v("control"), v("treated"), v("c"), v("t"),
                v("outcome"), p.outcomeType(), p.direction(), p.outcomeSd(), p.rowsRead(), p.rowsDropped(),
                v("dropped"), p.decisionRule());
        List<RunResult.CovariateDecision> covariates = new ArrayList<>(base.covariates());
        covariates.add(new RunResult.CovariateDecision(v("covariate"), v("role"), true, v("reason"), v("type"), 0,
                List.of(v("feature"))));
        List<RunResult.PolicyResult> policies = new ArrayList<>(base.policies());
        RunResult.PolicyResult any = policies.get(policies.size() - 1);
        policies.add(new RunResult.PolicyResult(PolicyId.of(v("policy")), v("description"), 0.3, 0.1,
                any.pointDr(), any.pointIpw(), any.valueDr(), any.valueIpw()));
        RunResult r = base.toBuilder().study(v("study")).protocol(protocol).covariates(covariates)
                .policies(policies).dataWarnings(List.of(v("warning"))).build();
        Map<String, Figures.Figure> figures = Map.of("calibration",
                new Figures.Figure("calibration", v("caption"), new byte[] {1, 2, 3}));
        List<ExitPoints.ExitPoint> exits = List.of(new ExitPoints.ExitPoint(v("step"), ExitStatus.WARNING,
                v("finding"), v("next")));

        String html = new HtmlReport(r, figures, List.of(v("table") + ".csv"), null, exits).render();

        assertFalse(html.contains("<script"), "a raw <script> tag reached the report");
        List<String> fields = List.of("Question", "name", "time", "population", "users", "data", "treatment",
                "control", "treated", "c", "t", "outcome", "dropped", "covariate", "role", "reason", "type",
                "feature", "policy", "description", "study", "warning", "caption", "step", "finding", "next",
                "table");
        for (String f : fields) {
            int mentions = count(html, "x-" + f + ":");
            assertTrue(mentions > 0, f + " does not reach the report");
            assertEquals(mentions, count(html, "x-" + f + ":" + ESCAPED), f + " is not escaped everywhere");
        }
        String rest = html.replace(ESCAPED, "");
        for (String raw : List.of(PAYLOAD, "<script", "&\"'")) {
            assertFalse(rest.contains(raw), "unescaped part of the text left: " + raw);
        }
        // in an attribute value (the figure's alt text) the quote is escaped too
        assertTrue(html.contains("alt=\"x-caption:" + ESCAPED + "\""));
    }

    /** Field text marked with its name, then the hostile characters. */
    private static String v(String field) {
        return "x-" + field + ":" + PAYLOAD;
    }

    private static int count(String s, String part) {
        int n = 0;
        for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
