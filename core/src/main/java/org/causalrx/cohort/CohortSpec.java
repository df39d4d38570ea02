package org.causalrx.cohort;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A study's {@code cohort:} block: how one row per stay is built from event tables. All times are in hours relative
 * to the decision time of the stay (the time of its index event); windows never reach across the decision: features
 * use events in [decision − look-back, decision], the treatment and the outcome only events strictly after it.
 *
 * @param tables        the source tables by name, in declaration order
 * @param stays         name of the table listing the stays (one row per stay; patient and stay columns required)
 * @param index         the index event that sets each stay's decision time; stays without one are left out
 * @param lookbackHours how far back before the decision features look, in hours (&gt; 0)
 * @param baseline      columns copied from stay or patient tables (one value per stay or patient)
 * @param features      summary statistics of time series up to the decision
 * @param treatment     the treatment rule: 1 when a matching event falls in the window after the decision, else 0
 * @param outcome       the outcome rule
 * @param include       conditions every kept stay satisfies (all of them)
 * @param exclude       conditions that remove a stay (any of them)
 * @param database      the PostgreSQL database the tables are read from, or null when they are files
 */
public record CohortSpec(Map<String, SourceTable> tables, String stays, IndexRule index, double lookbackHours,
                         List<Baseline> baseline, List<Feature> features, TreatmentRule treatment,
                         OutcomeRule outcome, List<Condition> include, List<Condition> exclude,
                         Database database) {
    public CohortSpec {
        tables = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(tables));
        baseline = List.copyOf(baseline);
        features = List.copyOf(features);
        include = List.copyOf(include);
        exclude = List.copyOf(exclude);
    }

    /** The stays table. */
    public SourceTable staysTable() {
        return tables.get(stays);
    }

    /** Names of the covariate columns of the wide table: baseline columns, then features, in declaration order. */
    public List<String> covariateColumns() {
        List<String> out = new ArrayList<>();
        baseline.forEach(b -> out.add(b.name()));
        features.forEach(f -> f.stats().forEach(s -> out.add(f.column(s))));
        return out;
    }

    /** Name of the decision-time column of the wide table (a timestamp). */
    public static final String DECISION_TIME = "decision_time";

    /**
     * A PostgreSQL database reached through JDBC. The password is never part of the study: it is read at connection
     * time from the environment variable {@code passwordEnv}.
     *
     * @param url         the JDBC URL, e.g. jdbc:postgresql://host:5432/mimic
     * @param user        the user name, or null to use the URL's
     * @param passwordEnv the name of the environment variable holding the password, or null for none
     * @param fetchSize   rows per round trip while the wide table streams from the server (&gt; 0)
     */
    public record Database(String url, String user, String passwordEnv, int fetchSize) {
        public Database {
            if (fetchSize <= 0) {
                throw new IllegalArgumentException("fetch size must be positive, got " + fetchSize);
            }
        }
    }

    /**
     * A source table: a CSV, CSV.gz or Parquet file, a folder of Parquet files, or a table of the database.
     *
     * @param name    the name the rules use
     * @param path    the file or folder (absolute), or null for a database table
     * @param patient the patient id column
     * @param stay    the stay (admission) id column, or null for a patient-level table
     * @param time    the event time column (timestamp or date), or null for a table without events
     * @param item    the column naming what was measured or given (lab item id, drug name), or null
     * @param value   the numeric value column, or null
     * @param relation the database table, e.g. mimiciv_hosp.labevents, or null for a file
     */
    public record SourceTable(String name, java.nio.file.Path path, String patient, String stay, String time,
                              String item, String value, String relation) {
        /** Where the table is read from, for messages: its file, or "database table X". */
        public String where() {
            return path != null ? path.toString() : "database table " + relation;
        }
    }

    /**
     * Which events of a table a rule uses: rows whose item equals one of {@code items}, or whose item contains one of
     * {@code contains} (case-insensitive); all rows with a time when both are empty.
     */
    public record Events(String table, List<String> items, List<String> contains) {
        public Events {
            items = List.copyOf(items);
            contains = List.copyOf(contains);
        }

        /** The selection in words, for the data dictionary. */
        public String describe() {
            List<String> parts = new ArrayList<>();
            if (!items.isEmpty()) {
                parts.add("item in " + items);
            }
            if (!contains.isEmpty()) {
                parts.add("item contains " + contains);
            }
            return parts.isEmpty() ? "all" : String.join(" or ", parts);
        }
    }

    /** How the index event is found among a stay's events. */
    public enum IndexKind {
        /** The stay's first matching event. */
        FIRST("first"),
        /** The first matching event whose value exceeds {@code threshold}. */
        ABOVE("above"),
        /** The first matching event whose value exceeds the stay's first value by more than {@code threshold}. */
        RISE_OVER_FIRST("rise_over_first");

        private final String key;

        IndexKind(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }
    }

    /**
     * @param events    the candidate events (their table must have a stay column and a time column)
     * @param kind      how the index event is chosen
     * @param threshold the value (ABOVE) or rise (RISE_OVER_FIRST) in the signal's unit; unused for FIRST
     */
    public record IndexRule(Events events, IndexKind kind, double threshold) {
    }

    /** A column copied from a stay-level or patient-level table, named {@code name} in the wide table. */
    public record Baseline(String name, String table, String column) {
    }

    /**
     * Summaries of one signal over [decision − look-back, decision]; column {@code NAME_STAT} per statistic.
     *
     * @param unit the signal's unit, e.g. "mg/dL" (for the dictionary)
     */
    public record Feature(String name, Events events, String unit, List<Stat> stats) {
        public Feature {
            stats = List.copyOf(stats);
        }

        /** The wide-table column holding {@code stat}. */
        public String column(Stat stat) {
            return name + "_" + stat.key();
        }
    }

    /** A window after the decision, in hours: events with from &lt; t − decision ≤ to; 0 ≤ from &lt; to. */
    public record Window(double fromHours, double toHours) {
        public Window {
            if (!(fromHours >= 0 && toHours > fromHours)) {
                throw new IllegalArgumentException("window needs 0 <= from < to, got " + fromHours + ", " + toHours);
            }
        }

        /** "(from h, to h] after the decision". */
        public String describe() {
            return "(" + Durations.format(fromHours) + ", " + Durations.format(toHours) + "] after the decision";
        }
    }

    /** The treatment column: 1 when an event of {@code events} falls in {@code window}, else 0. */
    public record TreatmentRule(String column, Events events, Window window) {
    }

    /** What the outcome column holds. */
    public enum OutcomeKind {
        /** A statistic of the signal's values in the window. */
        VALUE("value"),
        /** That statistic minus the last value at or before the decision (within the look-back). */
        CHANGE("change"),
        /** 1 when a matching event falls in the window, else 0 (e.g. death). */
        EVENT("event");

        private final String key;

        OutcomeKind(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }
    }

    /**
     * @param stat the statistic of the values in the window (VALUE and CHANGE; null for EVENT)
     * @param unit the outcome's unit, for the dictionary
     */
    public record OutcomeRule(String column, OutcomeKind kind, Events events, Window window, Stat stat,
                              String unit) {
    }

    /** A comparison of a wide-table column with a number, or a test for a missing value. */
    public enum Op {
        GT(">"), GE(">="), LT("<"), LE("<="), EQ("=="), NE("!="), MISSING("missing"), PRESENT("present");

        private final String key;

        Op(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }

        /** Whether the operator needs a value. */
        public boolean takesValue() {
            return this != MISSING && this != PRESENT;
        }
    }

    /** An inclusion or exclusion condition on a baseline or feature column, e.g. {@code anchor_age >= 18}. */
    public record Condition(String variable, Op op, Double value) {
        /** The condition as written, e.g. "anchor_age >= 18". */
        public String describe() {
            return variable + " " + op.key() + (op.takesValue() ? " " + Durations.plain(value) : "");
        }
    }
}
