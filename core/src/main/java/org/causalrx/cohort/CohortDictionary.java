package org.causalrx.cohort;

import java.util.ArrayList;
import java.util.List;

/** The data dictionary of a cohort's wide table (TRS Table S.2): one entry per column, in column order. */
public final class CohortDictionary {
    /** The header of the dictionary CSV. */
    public static final String CSV_HEADER = "variable,role,source_table,signal,statistic,unit,window,missing";

    private CohortDictionary() {
    }

    /** The entries of {@code spec}'s wide table, missing counts −1. */
    public static List<DictionaryEntry> entries(CohortSpec spec) {
        List<DictionaryEntry> out = new ArrayList<>();
        CohortSpec.SourceTable st = spec.staysTable();
        out.add(entry(st.patient(), DictionaryEntry.Role.PATIENT_ID, st.name(), st.patient(), "", "", ""));
        out.add(entry(st.stay(), DictionaryEntry.Role.STAY_ID, st.name(), st.stay(), "", "", ""));
        CohortSpec.IndexRule ix = spec.index();
        String rule = switch (ix.kind()) {
            case FIRST -> "first event";
            case ABOVE -> "first value > " + Durations.plain(ix.threshold());
            case RISE_OVER_FIRST -> "first value > the stay's first value + " + Durations.plain(ix.threshold());
        };
        out.add(entry(CohortSpec.DECISION_TIME, DictionaryEntry.Role.DECISION_TIME, ix.events().table(),
                ix.events().describe(), rule, "timestamp", "within the stay"));
        for (CohortSpec.Baseline b : spec.baseline()) {
            out.add(entry(b.name(), DictionaryEntry.Role.BASELINE, b.table(), b.column(), "", "", "stay or patient"));
        }
        String lookback = "[-" + Durations.format(spec.lookbackHours()) + ", 0h] around the decision";
        for (CohortSpec.Feature f : spec.features()) {
            for (Stat s : f.stats()) {
                out.add(entry(f.column(s), DictionaryEntry.Role.FEATURE, f.events().table(),
                        f.name() + ": " + f.events().describe(), s.key(), s.unit(f.unit()), lookback));
            }
        }
        CohortSpec.TreatmentRule t = spec.treatment();
        out.add(entry(t.column(), DictionaryEntry.Role.TREATMENT, t.events().table(), t.events().describe(),
                "any event (1) or none (0)", "0/1", t.window().describe()));
        CohortSpec.OutcomeRule o = spec.outcome();
        String stat = switch (o.kind()) {
            case EVENT -> "any event (1) or none (0)";
            case VALUE -> o.stat().key();
            case CHANGE -> o.stat().key() + " minus the last value in [-" + Durations.format(spec.lookbackHours())
                    + ", 0h]";
        };
        out.add(entry(o.column(), DictionaryEntry.Role.OUTCOME, o.events().table(), o.events().describe(), stat,
                o.unit(), o.window().describe()));
        return out;
    }

    private static DictionaryEntry entry(String v, DictionaryEntry.Role r, String table, String signal, String stat,
                                         String unit, String window) {
        return new DictionaryEntry(v, r, table, signal, stat, unit, window, -1);
    }

    /** The entries as CSV with {@link #CSV_HEADER}, values quoted where needed. */
    public static String csv(List<DictionaryEntry> entries) {
        StringBuilder sb = new StringBuilder(CSV_HEADER).append('\n');
        for (DictionaryEntry e : entries) {
            sb.append(String.join(",", cell(e.variable()), cell(e.role().key()), cell(e.table()), cell(e.signal()),
                    cell(e.statistic()), cell(e.unit()), cell(e.window()), Long.toString(e.missing()))).append('\n');
        }
        return sb.toString();
    }

    private static String cell(String s) {
        return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
