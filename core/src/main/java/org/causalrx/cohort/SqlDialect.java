package org.causalrx.cohort;

/**
 * The SQL differences between the engines a cohort query runs on: DuckDB (over CSV / Parquet files) and PostgreSQL
 * (over database tables, through JDBC). Every expression that is not plain standard SQL in the query of
 * {@link CohortSql} comes from here, so both engines compute the same table: times become hours since 1970 as
 * double-precision numbers, values are cast leniently (text that is not a number becomes NULL), quantiles are the
 * linear-interpolation (continuous) ones, first and last take the earliest / latest event with ties broken by value.
 */
public enum SqlDialect {
    /** DuckDB: the files are read by table functions (read_csv, read_parquet). */
    DUCKDB,
    /** PostgreSQL 10 or later: the tables are relations of the database. */
    POSTGRES;

    /** A number that is not a well-formed decimal or exponent literal is NULL, as DuckDB's TRY_CAST gives. */
    private static final String NUMBER_PATTERN = "'^\\s*[-+]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][-+]?[0-9]+)?\\s*$'";

    /** The text type for ids and copied columns. */
    public String text() {
        return this == DUCKDB ? "VARCHAR" : "TEXT";
    }

    /** {@code expr} cast to text. */
    public String asText(String expr) {
        return "CAST(" + expr + " AS " + text() + ")";
    }

    /** A double literal (finite values only). */
    public String number(double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException("not a finite number: " + v);
        }
        return "CAST(" + Double.toString(v) + " AS " + (this == DUCKDB ? "DOUBLE" : "DOUBLE PRECISION") + ")";
    }

    /** The time column {@code col} (timestamp, date or timestamp text) as hours since 1970-01-01 (double). */
    public String hours(String col) {
        return this == DUCKDB ? "epoch(CAST(" + col + " AS TIMESTAMP)) / 3600.0"
                : "CAST(EXTRACT(EPOCH FROM CAST(" + col + " AS TIMESTAMP)) AS DOUBLE PRECISION) / 3600.0";
    }

    /**
     * Hours since 1970 back to a timestamp, rounded to the millisecond: an event time to the millisecond comes back
     * exactly (hours are doubles, whose error there is far below a millisecond), through integer arithmetic only.
     */
    public String timestamp(String hoursExpr) {
        return this == DUCKDB ? "make_timestamp(CAST(round(" + hoursExpr + " * 3600000) AS BIGINT) * 1000)"
                : "TIMESTAMP '1970-01-01 00:00:00' + CAST(round(" + hoursExpr + " * 3600000.0) AS BIGINT) "
                + "* INTERVAL '1 millisecond'";
    }

    /** {@code expr} as a double, NULL where it is not a number. */
    public String toDouble(String expr) {
        return this == DUCKDB ? "TRY_CAST(" + expr + " AS DOUBLE)"
                : "CASE WHEN " + asText(expr) + " ~ " + NUMBER_PATTERN + " THEN CAST(" + asText(expr)
                + " AS DOUBLE PRECISION) END";
    }

    /** Whether the text {@code expr} contains the string literal {@code literal}. */
    public String contains(String expr, String literal) {
        return this == DUCKDB ? "contains(" + expr + ", " + literal + ")" : "strpos(" + expr + ", " + literal + ") > 0";
    }

    /** The continuous {@code q}-quantile of {@code v} (linear interpolation between order statistics). */
    public String quantile(String v, double q) {
        return this == DUCKDB ? "quantile_cont(" + v + ", " + q + ")"
                : "percentile_cont(" + q + ") WITHIN GROUP (ORDER BY " + v + ")";
    }

    /** The non-null value of {@code v} at the earliest {@code t} (ties: the smallest value). */
    public String first(String v, String t) {
        String nn = " FILTER (WHERE " + v + " IS NOT NULL)";
        return this == DUCKDB ? "arg_min(" + v + ", [" + t + ", " + v + "])" + nn
                : "(array_agg(" + v + " ORDER BY " + t + ", " + v + ")" + nn + ")[1]";
    }

    /** The non-null value of {@code v} at the latest {@code t} (ties: the smallest value). */
    public String last(String v, String t) {
        String nn = " FILTER (WHERE " + v + " IS NOT NULL)";
        return this == DUCKDB ? "arg_max(" + v + ", [" + t + ", -" + v + "])" + nn
                : "(array_agg(" + v + " ORDER BY " + t + " DESC, " + v + ")" + nn + ")[1]";
    }

    /** A sort key for the text column {@code col}: byte order on both engines. */
    public String orderKey(String col) {
        return this == DUCKDB ? col : col + " COLLATE \"C\"";
    }
}
