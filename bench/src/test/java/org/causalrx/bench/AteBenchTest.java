package org.causalrx.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import org.causalrx.pipeline.ResultsJson;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bench ate} on two small data sets of the scale design: the JSON has a row per data set with the run's AIPW,
 * the oracle and the variants, a summary over both, and the same command writes the same estimates again.
 */
class AteBenchTest {
    private static JsonNode run(Path out) throws Exception {
        StringWriter err = new StringWriter();
        int code = BenchMain.execute(new PrintWriter(err, true), "bench", "ate", "--rows", "400", "--features", "6",
                "--reps", "2", "--variants", "cv_l2,l2_tenth", "--out", out.toString());
        assertEquals(0, code, err.toString());
        return ResultsJson.mapper().readTree(Files.readString(out));
    }

    @Test
    @Tag("slow")
    void writesOneRowPerDataSetAndASummary(@TempDir Path dir) throws Exception {
        JsonNode res = run(dir.resolve("a.json"));
        assertEquals("causalrx bench ate", res.get("written_by").asText());
        assertEquals(2, res.get("replications").size());
        assertEquals(2, res.get("summary").get("reps").asInt());
        for (JsonNode r : res.get("replications")) {
            double ate = r.get("ate").asDouble();
            double se = r.get("se").asDouble();
            assertTrue(se > 0 && Math.abs(ate - ScaleDesign.TRUE_ATE) < 8 * se, "estimate " + ate + " SE " + se);
            assertEquals((ate - 1) / se, r.get("z").asDouble(), 1e-12);
            // cv_l2 is the run's own propensity learner on the run's folds and seeds: the run's estimate exactly
            assertEquals(ate, r.get("ate_cv_l2").asDouble(), 0.0);
            assertTrue(r.get("e_min").asDouble() >= 0.01 && r.get("e_max").asDouble() <= 0.99, "clipped");
            assertEquals(5, r.get("propensity_lambdas").size());
        }
        JsonNode again = run(dir.resolve("b.json"));
        for (int i = 0; i < 2; i++) {
            assertEquals(res.get("replications").get(i).get("ate").asDouble(),
                    again.get("replications").get(i).get("ate").asDouble(), 0.0, "same seed, same estimate");
        }
    }
}
