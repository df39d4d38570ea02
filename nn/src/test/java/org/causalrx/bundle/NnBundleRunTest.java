package org.causalrx.bundle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.SplittableRandom;

import org.causalrx.data.Table;
import org.causalrx.data.TableReader;
import org.causalrx.pipeline.Progress;
import org.causalrx.pipeline.RunOutput;
import org.causalrx.pipeline.StudyRun;
import org.causalrx.result.PolicyId;
import org.causalrx.study.Study;
import org.causalrx.study.StudyLoader;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run whose selected policy is {@code tarnet} (the only estimator; default network settings, small simulated
 * data) bundles tarnet itself, not a fallback, and the bundle applied to the raw test rows reproduces the run's
 * decisions, CATE and propensities bit for bit.
 */
@Tag("slow")
class NnBundleRunTest {
    @Test
    void selectedTarnetIsBundledAndReproducesTheRun(@TempDir Path dir) throws Exception {
        SplittableRandom r = new SplittableRandom(21);
        StringBuilder csv = new StringBuilder("id,age,score,treated,outcome\n");
        for (int i = 0; i < 300; i++) {
            double age = 40 + 10 * r.nextGaussian();
            double score = r.nextGaussian();
            int t = r.nextDouble() < 1 / (1 + Math.exp(-0.8 * score)) ? 1 : 0;
            double y = 0.05 * age + score + t * (0.5 + score) + 0.5 * r.nextGaussian();
            csv.append("p").append(i).append(',').append(age).append(',').append(score).append(',').append(t)
                    .append(',').append(y).append('\n');
        }
        Files.writeString(dir.resolve("sim.csv"), csv.toString());
        Study study = StudyLoader.load(Files.writeString(dir.resolve("study.yaml"), """
                name: sim-nn-bundle
                data: sim.csv
                id: id
                treatment: {column: treated, arms: {"0": control, "1": treated}}
                outcome: {column: outcome, type: continuous, direction: higher}
                covariates:
                  - {name: age, role: confounder}
                  - {name: score, role: confounder}
                seed: 3
                bootstrap: {rounds: 20}
                estimators: [tarnet]
                deferral: {enabled: false}
                """));
        Table table = TableReader.read(study.data());
        RunOutput out = new StudyRun().withoutRefutation().run(study, table, Progress.NONE);
        PolicyId selected = out.result().policyInsights().selectedPolicy();
        assertEquals("tarnet", selected.estimator(), "the study's only learned policy is selected");

        Path model = dir.resolve("model");
        BundleWriter.Written w = BundleWriter.write(model, study, out, Instant.EPOCH);
        assertEquals(selected, w.policy(), w.note());
        assertTrue(w.note().contains("the run's selected policy"), w.note());

        ModelBundle b = ModelBundle.load(model);
        RunOutput.HeldOutDetail held = out.heldOut();
        Table testRows = table.rows(held.sourceRows());
        Recommender.Result rec = Recommender.apply(b, testRows);
        assertTrue(rec.problems().isEmpty(), rec.problems().toString());
        assertArrayEquals(held.decisions().get(selected),
                rec.rows().stream().mapToInt(Recommender.Row::arm).toArray(), "decisions as the run made them");
        double[] tau = out.models().cateModels().get("tarnet").effect(out.models().encoding().transform(testRows));
        assertArrayEquals(tau, rec.rows().stream().mapToDouble(Recommender.Row::cate).toArray(), 0.0,
                "CATE bit for bit");
        assertArrayEquals(held.propensity(), rec.rows().stream().mapToDouble(Recommender.Row::propensity).toArray(),
                0.0, "propensity bit for bit");
    }
}
