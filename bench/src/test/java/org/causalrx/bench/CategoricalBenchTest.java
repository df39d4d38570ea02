package org.causalrx.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.causalrx.nn.NnSettings;
import org.causalrx.pipeline.ResultsJson;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bench categorical} on NHEFS, one replication with small nets (the command itself uses the default nets):
 * the JSON file has a row per reference and estimator, the truth scores true PEHE 0, "no effect" scores worse than
 * every fitted estimator, NN-PEHE is finite and positive inside its interval, and the same seed writes the same
 * file (fit times aside). A study without the driver covariates is refused before any fit.
 */
class CategoricalBenchTest {
    private static final Path NHEFS = Path.of("examples", "nhefs", "study.yaml");
    private static final NnSettings SMALL = NnSettings.defaults().withSize(32, 2, 16, 1).withEpochs(60, 10)
            .withMembers(1);
    private static final List<String> ROWS = List.of("true_effects", "zero_effects", "tarnet", "dragonnet",
            "xmultitask");

    private static JsonNode bench(Path out) throws Exception {
        CategoricalBench.run(NHEFS, List.of(1), out, CategoricalBenchmark.estimators(SMALL));
        return ResultsJson.mapper().readTree(Files.readString(out));
    }

    @Test
    @Tag("slow")
    void smallRunWritesSensibleReproducibleJson(@TempDir Path dir) throws Exception {
        JsonNode res = bench(dir.resolve("a.json"));
        assertEquals(CategoricalBench.CLASSES, res.get("classes").asInt());
        assertTrue(res.get("rows").asInt() > 1000, "all NHEFS rows: " + res.get("rows"));
        List<String> names = new ArrayList<>();
        res.get("runs").forEach(r -> names.add(r.get("estimator").asText()));
        assertEquals(ROWS, names, "reference rows, then each estimator once");
        List<String> summarised = new ArrayList<>();
        res.get("summary").forEach(r -> summarised.add(r.get("estimator").asText()));
        assertEquals(ROWS, summarised);

        JsonNode truth = res.get("runs").get(0);
        assertEquals(0, truth.get("true_pehe_overall").asDouble(), 0, "the truth against itself");
        truth.get("true_pehe_per_class").forEach(v -> assertEquals(0, v.asDouble(), 0));
        double zero = res.get("runs").get(1).get("true_pehe_overall").asDouble();
        for (JsonNode r : res.get("runs")) {
            String name = r.get("estimator").asText();
            assertEquals(1, r.get("rep").asInt());
            assertEquals(CategoricalBench.CLASSES, r.get("nn_pehe_per_class").size());
            double nn = r.get("nn_pehe_overall").asDouble();
            JsonNode ci = r.get("nn_pehe_overall_ci");
            assertTrue(Double.isFinite(nn) && nn > 0, name + ": NN-PEHE " + nn);
            assertTrue(ci.get(0).asDouble() <= nn && nn <= ci.get(1).asDouble(), name + ": NN-PEHE in its CI " + ci);
            r.get("nn_pehe_per_class").forEach(v -> assertTrue(Double.isFinite(v.asDouble()) && v.asDouble() > 0,
                    name + ": per-class NN-PEHE " + v));
            if (!name.endsWith("_effects")) {
                double fitted = r.get("true_pehe_overall").asDouble();
                assertTrue(fitted < zero, name + ": true PEHE " + fitted + " should beat no effect's " + zero);
            }
        }

        JsonNode again = bench(dir.resolve("b.json"));
        assertEquals(withoutFitTimes(res), withoutFitTimes(again), "same seed, same results (fit times aside)");
    }

    @Test
    void studyWithoutDriverCovariatesIsRefused(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("data.csv"), "t,y,age,wt71\n0,1,40,60\n1,2,50,70\n0,0,60,80\n1,3,45,65\n"
                + "0,1,52,72\n1,2,38,58\n");
        Path study = Files.writeString(dir.resolve("study.yaml"), """
                name: no-drivers
                data: data.csv
                treatment: {column: t, arms: {"0": control, "1": treated}}
                outcome: {column: y, type: continuous, direction: lower}
                seed: 1
                covariates:
                  - {name: age, role: confounder}
                  - {name: wt71, role: confounder}
                """);
        Path out = dir.resolve("bench.json");
        StringWriter err = new StringWriter();
        assertEquals(2, BenchMain.execute(new PrintWriter(err, true), "bench", "categorical", "--study",
                study.toString(),
                "--reps", "1", "--out", out.toString()));
        assertTrue(err.toString().contains("smokeintensity"), err.toString());
        assertFalse(Files.exists(out), "no results file");
    }

    /** The JSON with its wall-clock fields removed: everything else is a function of the seed. */
    private static JsonNode withoutFitTimes(JsonNode res) {
        JsonNode copy = res.deepCopy();
        copy.get("runs").forEach(r -> ((ObjectNode) r).remove("fit_seconds"));
        copy.get("summary").forEach(r -> ((ObjectNode) r).remove("fit_seconds_mean"));
        return copy;
    }
}
