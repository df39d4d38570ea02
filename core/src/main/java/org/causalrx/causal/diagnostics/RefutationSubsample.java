package org.causalrx.causal.diagnostics;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

import org.causalrx.causal.uncertainty.PatientSubsample;
import org.causalrx.causal.uncertainty.Subsample;
import org.causalrx.util.Stats;

/**
 * The patient subsample the refutations ran on (results.json {@code refutations.subsample}), when the data are large
 * enough: every refutation asks whether the estimate moves when it should not, which a re-fit on m of the n patients
 * answers as well as one on all of them, at a fraction of the cost. With m rows asked ({@link #rowsFor}) and n ≥ 2m
 * ({@link Subsample#applies}), one seeded subsample is drawn without replacement, stratified by arm with the same
 * fraction m/n in every arm ({@link PatientSubsample#rows}: whole patients when rows are grouped); the estimator is
 * fitted once on it, and that fit, not the full-data estimate, is the reference every check compares with (its ATE
 * and SE). Below 2m the checks run on all rows, as without this rule.
 *
 * @param rows       rows of the subsample
 * @param ofRows     rows of the data
 * @param patients   patients of the subsample (= rows when every row is its own patient)
 * @param ofPatients patients of the data
 */
public record RefutationSubsample(int rows, int ofRows, int patients, int ofPatients) {
    /** Setting for the automatic subsample size: {@link Subsample#autoRows}. */
    public static final int AUTO = 0;
    /** Setting for refutations on all rows, whatever the size. */
    public static final int ALL = -1;

    public RefutationSubsample {
        if (rows < 1 || rows >= ofRows || patients < 1 || patients > rows || patients >= ofPatients
                || ofPatients > ofRows) {
            throw new IllegalArgumentException("a refutation subsample needs 1 <= m < n rows and patients, got "
                    + rows + " of " + ofRows + " rows, " + patients + " of " + ofPatients + " patients");
        }
    }

    /**
     * Rows asked of n rows for a setting: {@link #AUTO} max(20,000, ⌈n^0.75⌉) as the deferral refits, a positive
     * number as given (no floor, so small studies can ask for small subsamples), {@link #ALL}: 0 (never a
     * subsample).
     */
    public static int rowsFor(int setting, int n) {
        if (setting == ALL) {
            return 0;
        }
        if (setting < 0) {
            throw new IllegalArgumentException("refutation rows setting must be >= 0 or ALL, got " + setting);
        }
        return Subsample.rowsFor(setting, n);
    }

    /**
     * One drawn subsample: the row indices into the data (grouped rows: a patient's rows together) and its sizes.
     *
     * @param index row indices of the subsample, each once
     * @param size  its sizes, as recorded
     */
    public record Drawn(int[] index, RefutationSubsample size) {
        public Drawn {
            index = index.clone();
        }

        @Override
        public int[] index() {
            return index.clone();
        }

        public double[][] select(double[][] x) {
            return Stats.select(x, index);
        }

        public double[] select(double[] y) {
            return Stats.select(y, index);
        }

        /** The entries of {@code v} (treatment, patient ids) at the subsample's rows; null stays null. */
        public int[] select(int[] v) {
            return v == null ? null : Stats.select(v, index);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Drawn d && Arrays.equals(index, d.index) && size.equals(d.size);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(index) * 31 + size.hashCode();
        }

        @Override
        public String toString() {
            return "refutation subsample " + size;
        }
    }

    /**
     * The subsample of a setting, or null when the refutations run on all rows (setting {@link #ALL}, or n &lt; 2m).
     *
     * @param t       arms 0..k−1 of the n rows
     * @param groups  patient id per row, or null when every row is its own patient
     * @param setting {@link #AUTO}, {@link #ALL} or rows asked
     * @param seed    the subsample's seed
     */
    public static Drawn draw(int[] t, int k, int[] groups, int setting, long seed) {
        int n = t.length;
        int m = rowsFor(setting, n);
        if (!Subsample.applies(m, n)) {
            return null;
        }
        int[] index = PatientSubsample.rows(t, k, groups, m, seed);
        int patients = groups == null ? index.length : distinct(groups, index);
        int ofPatients = groups == null ? n : distinct(groups, null);
        return new Drawn(index, new RefutationSubsample(index.length, n, patients, ofPatients));
    }

    /** Distinct patient ids among the rows {@code index} of {@code groups} (all rows when null). */
    private static int distinct(int[] groups, int[] index) {
        Set<Integer> seen = new HashSet<>();
        if (index == null) {
            for (int g : groups) {
                seen.add(g);
            }
        } else {
            for (int i : index) {
                seen.add(groups[i]);
            }
        }
        return seen.size();
    }

    /** E.g. "a seeded subsample of 31,623 of 1,000,000 patients"; "rows" counts rows of grouped patients. */
    public String describe() {
        return rows == patients && ofRows == ofPatients
                ? String.format(java.util.Locale.ROOT, "a seeded subsample of %,d of %,d patients", patients,
                        ofPatients)
                : String.format(java.util.Locale.ROOT, "a seeded subsample of %,d of %,d patients (%,d of %,d rows)",
                        patients, ofPatients, rows, ofRows);
    }
}
