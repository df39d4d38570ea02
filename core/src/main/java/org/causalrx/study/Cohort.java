package org.causalrx.study;

import java.util.List;

import org.causalrx.data.Table;

/**
 * The analysis cohort: rows kept after applying the outcome-missing policy, with treatment coded as arm indices
 * 0..K−1 of the study's {@link org.causalrx.result.Arms} (0 the reference: 0 control / 1 treated in a two-arm study).
 *
 * @param covariates  the kept covariate columns, analysis rows only
 * @param treatment   arm index per analysis row
 * @param outcome     outcome per analysis row (no missing values)
 * @param ids         patient id text (or 1-based data row number when the study has no id column)
 * @param sourceRows  0-based row in the data file of each analysis row
 * @param rowsRead    rows in the data file
 * @param rowsDropped rows removed (missing outcome with {@code missing: drop}); never silent
 * @param dropReason  why rows were removed, or "" when none were
 * @param plan        one entry per declared covariate
 * @param groups      patient (group column) text per analysis row, or null when the study has no group column
 */
public record Cohort(Table covariates, int[] treatment, double[] outcome, String[] ids, int[] sourceRows,
                     int rowsRead, int rowsDropped, String dropReason, List<CovariatePlan> plan, String[] groups) {
    /** A cohort without a group column. */
    public Cohort(Table covariates, int[] treatment, double[] outcome, String[] ids, int[] sourceRows,
                  int rowsRead, int rowsDropped, String dropReason, List<CovariatePlan> plan) {
        this(covariates, treatment, outcome, ids, sourceRows, rowsRead, rowsDropped, dropReason, plan, null);
    }

    public Cohort {
        groups = groups == null ? null : groups.clone();
        treatment = treatment.clone();
        outcome = outcome.clone();
        ids = ids.clone();
        sourceRows = sourceRows.clone();
        plan = List.copyOf(plan);
    }

    @Override
    public int[] treatment() {
        return treatment.clone();
    }

    @Override
    public double[] outcome() {
        return outcome.clone();
    }

    @Override
    public String[] ids() {
        return ids.clone();
    }

    @Override
    public int[] sourceRows() {
        return sourceRows.clone();
    }

    @Override
    public String[] groups() {
        return groups == null ? null : groups.clone();
    }

    /** Group index (0..G−1, in order of first appearance) per analysis row, or null without a group column. */
    public int[] groupIndex() {
        if (groups == null) {
            return null;
        }
        java.util.Map<String, Integer> index = new java.util.HashMap<>();
        int[] out = new int[groups.length];
        for (int i = 0; i < groups.length; i++) {
            out[i] = index.computeIfAbsent(groups[i], g -> index.size());
        }
        return out;
    }

    /** Number of analysis rows. */
    public int size() {
        return treatment.length;
    }
}
