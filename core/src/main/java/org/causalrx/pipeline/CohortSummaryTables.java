package org.causalrx.pipeline;

import java.util.List;

import org.causalrx.policy.GroupProfile;

/**
 * TRS Tables S.1 and S.2 of a run: the cohort's "table one" by split and by arm, and its variable dictionary.
 *
 * @param n          patients per split: train, validation, test
 * @param nAll       patients in the analysed cohort (all splits)
 * @param tableOne   Table S.1, one row per numeric covariate and one per level of a categorical one, in covariate
 *                   order; every cell has its split's missing count
 * @param dictionary Table S.2: the columns of the wide table a {@code cohort:} block built (source, statistic,
 *                   unit, window, missing), or, for a study read from a data file, its covariates with their types
 * @param fromCohort whether the dictionary is the cohort block's (else the covariate list)
 * @param arms       the treatment arms in analysis order (reference first), one Table S.1 column each
 *                   ({@link TableOneRow#byArm}); empty when not computed
 */
public record CohortSummaryTables(RunResult.SampleSizes n, int nAll, List<TableOneRow> tableOne,
                                  List<Variable> dictionary, boolean fromCohort, List<ArmColumn> arms) {
    public CohortSummaryTables {
        tableOne = List.copyOf(tableOne);
        dictionary = List.copyOf(dictionary);
        arms = arms == null ? List.of() : List.copyOf(arms);
    }

    /** Tables without the by-arm columns. */
    public CohortSummaryTables(RunResult.SampleSizes n, int nAll, List<TableOneRow> tableOne,
                               List<Variable> dictionary, boolean fromCohort) {
        this(n, nAll, tableOne, dictionary, fromCohort, List.of());
    }

    /**
     * One arm's column of Table S.1.
     *
     * @param index arm index in analysis order (0 the reference)
     * @param code  the arm's value in the data
     * @param label the arm's label
     * @param n     patients (analysis rows) given the arm, all splits
     */
    public record ArmColumn(int index, String code, String label, int n) {
    }

    /**
     * One line of Table S.1. Numeric: n = non-missing values, value = mean, sd = sample SD; level: n = patients
     * at the level, value = their share of the split's patients, sd = NaN (null in results.json).
     *
     * @param level the category level, or "" for a numeric covariate
     * @param byArm one cell per arm of {@link CohortSummaryTables#arms} (all splits), the same statistics; empty
     *              when not computed
     */
    public record TableOneRow(String variable, String level, GroupProfile.Stat train, GroupProfile.Stat validation,
                              GroupProfile.Stat test, GroupProfile.Stat all, List<GroupProfile.Stat> byArm) {
        public TableOneRow {
            byArm = byArm == null ? List.of() : List.copyOf(byArm);
        }

        /** A row without the by-arm cells. */
        public TableOneRow(String variable, String level, GroupProfile.Stat train, GroupProfile.Stat validation,
                           GroupProfile.Stat test, GroupProfile.Stat all) {
            this(variable, level, train, validation, test, all, List.of());
        }
    }

    /**
     * One line of Table S.2.
     *
     * @param role        cohort columns: patient_id, stay_id, decision_time, baseline, feature, treatment, outcome;
     *                    data-file covariates: their causal role (confounder, ...)
     * @param type        numeric or categorical for a covariate of the run, else ""
     * @param sourceTable the cohort table the column comes from, else ""
     * @param signal      which events (or source column), else ""
     * @param statistic   the summary statistic, else ""
     * @param unit        the unit, else ""
     * @param window      the time window relative to the decision, else ""
     * @param missing     rows of the analysed table with no value
     */
    public record Variable(String variable, String role, String type, String sourceTable, String signal,
                           String statistic, String unit, String window, long missing) {
    }
}
