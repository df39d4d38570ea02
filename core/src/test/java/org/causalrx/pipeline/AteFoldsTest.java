package org.causalrx.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;

import org.causalrx.study.MinimalStudy;
import org.causalrx.study.Study;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ATE's cross-fitting folds as the run builds its AIPW: {@code ate.folds: auto} (the default) gives 5 folds below
 * {@link Study#LARGE_ATE_ROWS} rows and 2 from there on, counted on the cohort's rows (the refutations re-fit with the
 * ATE's folds, on a subsample too: RefutationStageSubsampleTest); a number in the study file holds at every size.
 */
class AteFoldsTest {
    @TempDir
    Path dir;

    @Test
    void automaticFoldsFollowTheCohortsRows() throws Exception {
        for (String block : new String[] {"", "ate: {folds: auto}\n"}) {
            Study study = MinimalStudy.load(dir, block);
            Learners learners = Learners.standard().forStudy(study);
            assertEquals(5, AteEstimands.aipw(learners, study, 1_629).folds());
            assertEquals(5, AteEstimands.aipw(learners, study, Study.LARGE_ATE_ROWS - 1).folds());
            assertEquals(2, AteEstimands.aipw(learners, study, Study.LARGE_ATE_ROWS).folds());
        }
    }

    @Test
    void aNumberInTheStudyHoldsAtEverySize() throws Exception {
        Study study = MinimalStudy.load(dir, "ate: {folds: 4}\n");
        Learners learners = Learners.standard().forStudy(study);
        assertEquals(4, AteEstimands.aipw(learners, study, 1_000).folds());
        assertEquals(4, AteEstimands.aipw(learners, study, 10_000_000).folds());
        assertEquals(Study.AUTO_ATE_FOLDS, study.withAteFolds(Study.AUTO_ATE_FOLDS).ateFolds());
        assertEquals(2, study.withAteFolds(Study.AUTO_ATE_FOLDS).ateFolds(1_000_000L));
    }
}
