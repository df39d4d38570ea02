package org.causalrx.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.causalrx.pipeline.RunResult;
import org.causalrx.pipeline.RunResult.PropensityMetric;
import org.junit.jupiter.api.Test;

/**
 * The report shows the flags core set on the result and applies no threshold of its own: a propensity row is
 * flagged "AUROC near 1" exactly when core flagged it, whatever its AUROC.
 */
class ReportReadsCoreDecisionsTest {

    @Test
    void propensityWarningFollowsCoresFlagNotTheAuroc() {
        RunResult base = ReportFixture.result("lower", "Q");
        List<PropensityMetric> rows = List.of(
                new PropensityMetric("flagged_low", "validation", 0.2, 0.60, 0.7, 0.5, 0.5, 0.5, true),
                new PropensityMetric("unflagged_high", "validation", 0.2, 0.99, 0.7, 0.5, 0.5, 0.5, false));
        String html = new HtmlReport(base.toBuilder().propensity(rows).build(), Map.of(), List.of()).render();
        assertTrue(row(html, "flagged_low").contains("AUROC near 1"), row(html, "flagged_low"));
        assertTrue(row(html, "flagged_low").startsWith("<tr class=\"warn\">"));
        assertFalse(row(html, "unflagged_high").contains("AUROC near 1"), row(html, "unflagged_high"));
    }

    @Test
    void coreFlagsAurocAtItsThreshold() {
        double t = PropensityMetric.MAX_AUROC;
        assertTrue(new PropensityMetric("m", "validation", 0.1, t, 0, 0, 0, 0).aurocNearOne());
        assertFalse(new PropensityMetric("m", "validation", 0.1, Math.nextDown(t), 0, 0, 0, 0).aurocNearOne());
        assertFalse(new PropensityMetric("m", "validation", 0.1, Double.NaN, 0, 0, 0, 0).aurocNearOne());
    }

    @Test
    void rejectionShareInTheTextIsCores() {
        String html = new HtmlReport(ReportFixture.result("lower", "Q"), Map.of(), List.of()).render();
        String share = OutcomeModelsSection.rejectShare();
        assertEquals(Double.toString(RunResult.OutcomeModelMetric.REJECT_SHARE), share);
        assertTrue(html.contains("MSE is at least " + share + " \u00d7 the outcome variance"));
    }

    /** The table row ({@code <tr …>…</tr>}) of the propensity model with this name. */
    private static String row(String html, String model) {
        int at = html.indexOf("<code>" + model + "</code>");
        assertTrue(at >= 0, model + " not in the report");
        int start = html.lastIndexOf("<tr", at);
        return html.substring(start, html.indexOf("</tr>", at));
    }
}
