package org.causalrx.pipeline;

import org.causalrx.data.SplitIndices;
import org.causalrx.data.Splits;
import org.causalrx.study.Cohort;
import org.causalrx.study.Study;
import org.causalrx.util.Seeds;
import org.causalrx.util.Stats;

/**
 * The run's train / validation / test split of a cohort: stratified by arm, and by patient when the study names a
 * group column (no patient on two sides). Every stage and check that needs the split computes it here.
 */
public final class CohortSplits {
    private CohortSplits() {
    }

    /** The split of {@code cohort} for a run seeded with {@code runSeed} (the seed "split" is derived from it). */
    public static SplitIndices of(Study study, Cohort cohort, long runSeed) {
        return of(study, cohort.treatment(), cohort.groupIndex(), runSeed);
    }

    /** The same split from the cohort's arms and patient index (null: every row its own patient). */
    static SplitIndices of(Study study, int[] treatment, int[] groups, long runSeed) {
        Study.Split fr = study.split();
        return Splits.stratifiedGrouped(treatment, groups, fr.train(), fr.validation(), fr.test(),
                Seeds.derive(runSeed, "split"));
    }

    /** Patient index per row of {@code rows} (e.g. the training split), or null without a group column. */
    public static int[] groupsOf(Cohort cohort, int[] rows) {
        int[] g = cohort.groupIndex();
        return g == null ? null : Stats.select(g, rows);
    }
}
