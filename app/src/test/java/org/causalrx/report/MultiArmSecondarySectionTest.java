package org.causalrx.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.causalrx.pipeline.MultiArmResult;
import org.causalrx.pipeline.RunResult;
import org.causalrx.result.PolicyId;
import org.causalrx.study.Study;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The K-arm report's secondary outcomes: a table and a CSV row per policy, nothing without secondary outcomes. */
class MultiArmSecondarySectionTest {
    private static MultiArmResult result(boolean withSecondary) {
        MultiArmResult r = new MultiArmResult(MultiArmResult.KIND, MultiArmResult.KIND, "s", null, List.of(), null,
                null, List.of(), List.of(), null, null, null, List.of());
        if (!withSecondary) {
            return r;
        }
        RunResult.Summary s = new RunResult.Summary(1.5, 0.1, 1.2, 1.4, 1.5, 1.6, 1.8);
        RunResult.SecondaryOutcome z = new RunResult.SecondaryOutcome("z_score", Study.OutcomeType.CONTINUOUS,
                Study.Direction.LOWER, 90, 10, "t_xgboost per arm", List.of(
                        new RunResult.PolicyResult(PolicyId.of("doctors"), "observed", 0.6, 1.0, 1.7, 1.7, s, s),
                        new RunResult.PolicyResult(PolicyId.of("t_ridge"), "rule", 0.8, 0.1, 1.25, 1.3, s, s)));
        return r.withSecondaryOutcomes(List.of(z));
    }

    @Test
    void eachSecondaryOutcomeHasATableAndACsv(@TempDir Path dir) throws Exception {
        HtmlWriter b = new HtmlWriter(1024);
        MultiArmSecondarySection.render(b, result(true));
        String html = b.toString();
        assertTrue(html.contains("Secondary outcome <code>z_score</code>") && html.contains("t_ridge")
                && html.contains("10") && html.contains("t_xgboost per arm"), html);
        MultiArmSecondarySection.tables(result(true), dir);
        List<String> rows = Files.readAllLines(dir.resolve("secondary_z_score_policies.csv"));
        assertEquals(3, rows.size());
        assertTrue(rows.get(2).startsWith("z_score,t_ridge,0.8,0.1,90,1.25,1.3,"), rows.get(2));
    }

    @Test
    void noSecondaryOutcomesNoSection(@TempDir Path dir) throws Exception {
        HtmlWriter b = new HtmlWriter(64);
        MultiArmSecondarySection.render(b, result(false));
        assertEquals("", b.toString());
        MultiArmSecondarySection.tables(result(false), dir);
        try (var files = Files.list(dir)) {
            assertEquals(0, files.count());
        }
    }
}
