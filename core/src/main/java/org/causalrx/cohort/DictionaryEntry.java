package org.causalrx.cohort;

/**
 * One column of the wide cohort table, as the data dictionary (TRS Table S.2) lists it.
 *
 * @param variable  the column name
 * @param role      what the column is
 * @param table     the source table, or "" for the decision time
 * @param signal    which events of the table (e.g. "item in [50912]"), or the source column of a baseline column
 * @param statistic the statistic (features, outcome), or ""
 * @param unit      the unit, or ""
 * @param window    the time window relative to the decision, in words
 * @param missing   number of kept stays with no value (−1 before the table is built)
 */
public record DictionaryEntry(String variable, Role role, String table, String signal, String statistic, String unit,
                              String window, long missing) {

    /** What a wide-table column is. */
    public enum Role {
        PATIENT_ID("patient_id"), STAY_ID("stay_id"), DECISION_TIME("decision_time"), BASELINE("baseline"),
        FEATURE("feature"), TREATMENT("treatment"), OUTCOME("outcome");

        private final String key;

        Role(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }
    }

    /** This entry with its missing count. */
    public DictionaryEntry withMissing(long n) {
        return new DictionaryEntry(variable, role, table, signal, statistic, unit, window, n);
    }
}
