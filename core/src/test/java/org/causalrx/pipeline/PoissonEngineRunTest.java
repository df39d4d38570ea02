package org.causalrx.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.causalrx.data.SplitIndices;
import org.causalrx.data.TableReader;
import org.causalrx.policy.Bootstrap;
import org.causalrx.policy.BootstrapEngine;
import org.causalrx.study.Cohort;
import org.causalrx.study.Study;
import org.causalrx.study.StudyLoader;
import org.causalrx.util.Seeds;
import org.causalrx.util.Stats;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A K = 3 run with several rows per patient and {@code bootstrap: {engine: poisson}}: the test-split valuation's
 * rounds are the Poisson engine's with one weight per patient, and results.json's provenance names the engine.
 */
@Tag("slow")
class PoissonEngineRunTest {
    @Test
    void multiArmRunUsesPatientPoissonWeightsAndSaysSo(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("data.csv"), MultiArmGroupedRunTest.csv(4));
        String text = MultiArmGroupedRunTest.STUDY.replace("bootstrap: {rounds: 60}",
                "bootstrap: {rounds: 60, engine: poisson}");
        Study study = StudyLoader.load(Files.writeString(dir.resolve("study.yaml"), text));
        assertEquals(BootstrapEngine.POISSON, study.bootstrapEngine());
        RunEngine upToValuation = new RunEngine(List.of(new MultiArmStages.CohortCheck(),
                new PipelineStages.SplitAndEncode(), new MultiArmStages.Propensity(), new MultiArmStages.Cate(),
                new MultiArmStages.Evaluation(false)));
        RunContext done = upToValuation.run(RunContext.of(study, TableReader.read(study.data())), Progress.NONE);
        Cohort cohort = done.get(RunSlots.COHORT);
        SplitIndices split = done.get(RunSlots.SPLIT);
        MultiArmEvaluation.Valued valued = done.get(MultiArmStages.VALUED);
        int[] testGroups = Stats.select(cohort.groupIndex(), split.test());
        long seed = Seeds.derive(done.seed(), "bootstrap");
        Bootstrap.Result byPatient = org.causalrx.policy.PoissonBootstrap.run(valued.test(), valued.policies(), 60,
                seed, false, testGroups);
        assertEquals(BootstrapEngine.POISSON, valued.boot().engine());
        for (int p = 0; p < valued.policies().size(); p++) {
            assertArrayEquals(byPatient.dr()[p], valued.boot().dr()[p], 0.0, "policy " + p);
        }
        assertEquals("poisson", done.get(MultiArmStages.RESULT).provenance().bootstrapEngine());
    }
}
