package org.causalrx.report;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.causalrx.pipeline.NnMetrics;
import org.causalrx.pipeline.ResultsJson;
import org.causalrx.pipeline.RunResult;
import org.junit.jupiter.api.Test;

/** The NN-PEHE text and results.json say when NN-PEHE was scored on a seeded sample of a large test split. */
class NnPeheSampleReportTest {
    private static String section(RunResult r) {
        HtmlWriter b = new HtmlWriter();
        ModelEvaluationReport.evaluation(r, b, new HtmlReport(r, Map.of(), List.of()));
        return b.toString();
    }

    @Test
    void sampleIsNamedInTheTextAndInResultsJsonOnlyWhenThereIsOne() throws Exception {
        RunResult base = ReportFixture.result("lower", "Q");
        NnMetrics all = base.nnMetrics();
        NnMetrics sampled = new NnMetrics(all.split(), 200_000, all.bootstrapRounds(), all.estimators(), List.of(),
                10_000);
        String full = section(base);
        String part = section(base.toBuilder().nnMetrics(sampled).build());
        assertFalse(full.contains("seeded sample"), full);
        assertTrue(part.contains("NN-PEHE is computed on a seeded sample of 10,000 of the 200,000 test patients"),
                part);
        assertFalse(ResultsJson.write(base).contains("nn_pehe_sample"));
        assertTrue(ResultsJson.write(base.toBuilder().nnMetrics(sampled).build())
                .contains("\"nn_pehe_sample\" : 10000"));
    }
}
