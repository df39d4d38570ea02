package org.causalrx.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Set;

import org.causalrx.data.Table;
import org.causalrx.data.TableReader;
import org.causalrx.study.Study;
import org.causalrx.study.StudyLoader;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Known answer on real data: the effect of quitting smoking on weight gain in NHEFS (Hernán & Robins,
 * ch. 12–13: IPW 3.44 kg, 95 % CI 2.41–4.47). The cross-fitted AIPW ATE must land inside the book's interval
 * with the study's own seed and with five other seeds (no seed hunting).
 */
@Tag("slow")
class NhefsWeightTest {
    static final Path STUDY = Path.of("examples", "nhefs", "weight.yaml");

    private static Study withSeed(Study s, long seed) {
        // the ATE is what is checked here: deferral by uncertainty is off to keep six runs quick
        return s.withSeedAndRounds(seed, 200).withDeferral(null);
    }

    /**
     * The run's cross-fitted AIPW ATE: the standard pipeline's stages up to it that it depends on (cohort, split and
     * encoding, ATE), so the estimate is the one a whole run reports, without the CATE, policy and refutation fits.
     */
    static RunResult.AteResult ate(Study study, Table table) {
        Set<String> needed = Set.of("cohort", "split", "ate");
        RunEngine ateOnly = new RunEngine(PipelineStages.standard(Learners.standard(), true).stages().stream()
                .filter(s -> needed.contains(s.name())).toList());
        return ateOnly.run(RunContext.of(study, table), Progress.NONE).get(RunSlots.ATE);
    }

    @Test
    void aipwAteLandsInsideTheBooksIntervalForTheStudySeedAndFiveOthers() {
        Study study = StudyLoader.load(STUDY);
        Table table = TableReader.read(study.data());
        long[] seeds = {study.seed(), 1, 2, 3, 4, 5};
        StringBuilder seen = new StringBuilder();
        for (long seed : seeds) {
            RunResult.AteResult r = ate(withSeed(study, seed), table);
            double ate = r.estimate();
            seen.append(String.format(java.util.Locale.ROOT, "seed %d: %.2f [%.2f, %.2f]; ", seed, ate,
                    r.ciLow(), r.ciHigh()));
            assertEquals(1566, r.n(), "complete cases after dropping 63 missing outcomes");
            assertTrue(ate > 2.41 && ate < 4.47, "ATE outside the book's 95 % CI: " + seen);
            assertTrue(r.ciHigh() - r.ciLow() < 3.0, "interval width sensible: " + seen);
        }
        System.out.println("NHEFS weight AIPW ATE " + seen);
    }
}
