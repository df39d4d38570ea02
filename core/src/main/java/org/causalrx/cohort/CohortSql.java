package org.causalrx.cohort;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Translates a {@link CohortSpec} into one query (DuckDB over files, or PostgreSQL when the spec names a database;
 * the engine differences live in {@link SqlDialect}) giving one row per kept stay: the patient and stay ids, the
 * decision time, baseline columns, features, treatment and outcome, ordered by patient then stay. Event times are
 * converted to hours since 1970 ({@code t}); {@code t0} is the stay's decision time. The windows are the leakage
 * guard: features join events with {@code t0 − lookback ≤ t ≤ t0}, the treatment and the outcome events with
 * {@code t0 + from < t ≤ t0 + to} (from ≥ 0, so strictly after the decision). Identifiers and strings from the study
 * are quoted by {@link Sql}. Order-sensitive floating-point aggregates (mean, SD) read their events in time order,
 * so the table is the same bit for bit whatever DuckDB's thread count; on DuckDB the summaries come from one sorted
 * list per stay and signal ({@link DuckDbSummaries}).
 */
public final class CohortSql {
    private final CohortSpec spec;
    private final SqlDialect d;
    private final List<String> ctes = new ArrayList<>();
    private final Map<CohortSpec.Events, String> events = new LinkedHashMap<>();

    private CohortSql(CohortSpec spec) {
        this.spec = spec;
        this.d = dialect(spec);
    }

    /** The engine that runs {@code spec}: PostgreSQL when it names a database, else DuckDB. */
    public static SqlDialect dialect(CohortSpec spec) {
        return spec.database() == null ? SqlDialect.DUCKDB : SqlDialect.POSTGRES;
    }

    /** What a FROM clause names to read {@code t}: its file through DuckDB, or its database relation. */
    public static String from(CohortSpec spec, CohortSpec.SourceTable t) {
        return spec.database() == null ? Sql.source(t.path()) : Sql.relation(t.relation());
    }

    /** The query's common table expressions, ending with {@code wide} (before the include / exclude filter). */
    public static String with(CohortSpec spec) {
        return new CohortSql(spec).build();
    }

    /** The whole query: the kept stays of the wide table. */
    public static String query(CohortSpec spec) {
        SqlDialect d = dialect(spec);
        return with(spec) + "\nSELECT * FROM wide" + where(spec) + "\nORDER BY "
                + d.orderKey(Sql.id(spec.staysTable().patient())) + ", " + d.orderKey(Sql.id(spec.staysTable().stay()));
    }

    /** One row: stays listed, stays with an index event, stays kept after the include / exclude conditions. */
    public static String counts(CohortSpec spec) {
        return with(spec) + "\nSELECT (SELECT count(*) FROM stays), (SELECT count(*) FROM idx), "
                + "(SELECT count(*) FROM wide" + where(spec) + ")";
    }

    /** One row: stays listed, stays with an index event (the features are not computed). */
    public static String indexCounts(CohortSpec spec) {
        return with(spec) + "\nSELECT (SELECT count(*) FROM stays), (SELECT count(*) FROM idx)";
    }

    private String build() {
        CohortSpec.SourceTable st = spec.staysTable();
        ctes.add("stays AS (SELECT DISTINCT " + d.asText(Sql.id(st.patient())) + " AS pid, "
                + d.asText(Sql.id(st.stay())) + " AS sid FROM " + from(spec, st) + " WHERE "
                + Sql.id(st.stay()) + " IS NOT NULL AND " + Sql.id(st.patient()) + " IS NOT NULL)");
        index();
        List<String> select = new ArrayList<>();
        List<String> joins = new ArrayList<>();
        select.add("d.pid AS " + Sql.id(st.patient()));
        select.add("d.sid AS " + Sql.id(st.stay()));
        select.add(d.timestamp("d.t0") + " AS " + Sql.id(CohortSpec.DECISION_TIME));
        baseline(select, joins);
        for (int k = 0; k < spec.features().size(); k++) {
            feature(k, spec.features().get(k), select, joins);
        }
        treatment(select, joins);
        outcome(select, joins);
        ctes.add("wide AS (SELECT " + String.join(", ", select) + " FROM idx d" + String.join("", joins) + ")");
        return "WITH " + String.join(",\n", ctes);
    }

    /** The CTE name of the events selected by {@code e} (one CTE per distinct selection). */
    private String events(CohortSpec.Events e) {
        String have = events.get(e);
        if (have != null) {
            return have;
        }
        String name = "e" + events.size();
        CohortSpec.SourceTable src = spec.tables().get(e.table());
        List<String> match = new ArrayList<>();
        if (!e.items().isEmpty()) {
            match.add(d.asText(Sql.id(src.item())) + " IN ("
                    + e.items().stream().map(Sql::text).collect(Collectors.joining(", ")) + ")");
        }
        for (String c : e.contains()) {
            match.add(d.contains("lower(" + d.asText(Sql.id(src.item())) + ")",
                    Sql.text(c.toLowerCase(java.util.Locale.ROOT))));
        }
        String filter = Sql.id(src.time()) + " IS NOT NULL AND " + Sql.id(src.patient()) + " IS NOT NULL"
                + (match.isEmpty() ? "" : " AND (" + String.join(" OR ", match) + ")");
        ctes.add(name + " AS (SELECT " + d.asText(Sql.id(src.patient())) + " AS pid, "
                + (src.stay() == null ? d.asText("NULL") : d.asText(Sql.id(src.stay())))
                + " AS sid, " + d.hours(Sql.id(src.time())) + " AS t, "
                + (src.value() == null ? d.toDouble("NULL") : d.toDouble(Sql.id(src.value())))
                + " AS v FROM " + from(spec, src) + " WHERE " + filter + ")");
        events.put(e, name);
        return name;
    }

    private void index() {
        CohortSpec.IndexRule r = spec.index();
        String e = events(r.events());
        String from = "stays s JOIN " + e + " e ON e.sid = s.sid AND e.pid = s.pid";
        String cond = switch (r.kind()) {
            case FIRST -> "";
            case ABOVE -> " WHERE e.v > " + d.number(r.threshold());
            case RISE_OVER_FIRST -> {
                ctes.add("idx_base AS (SELECT sid, " + d.first("v", "t") + " AS v0 FROM " + e
                        + " WHERE v IS NOT NULL GROUP BY sid)");
                from += " JOIN idx_base b ON b.sid = e.sid";
                yield " WHERE e.v > b.v0 + " + d.number(r.threshold());
            }
        };
        ctes.add("idx AS (SELECT s.pid, s.sid, min(e.t) AS t0 FROM " + from + cond + " GROUP BY s.pid, s.sid)");
    }

    private void baseline(List<String> select, List<String> joins) {
        Map<String, List<CohortSpec.Baseline>> byTable = new LinkedHashMap<>();
        spec.baseline().forEach(b -> byTable.computeIfAbsent(b.table(), k -> new ArrayList<>()).add(b));
        int k = 0;
        for (Map.Entry<String, List<CohortSpec.Baseline>> en : byTable.entrySet()) {
            CohortSpec.SourceTable src = spec.tables().get(en.getKey());
            String name = "b" + k++;
            boolean byStay = src.stay() != null;
            String keys = d.asText(Sql.id(src.patient())) + " AS pid"
                    + (byStay ? ", " + d.asText(Sql.id(src.stay())) + " AS sid" : "");
            String cols = en.getValue().stream().map(b -> "min(" + column(b.column()) + ") AS "
                    + Sql.id(b.name())).collect(Collectors.joining(", "));
            ctes.add(name + " AS (SELECT " + keys + ", " + cols + " FROM " + from(spec, src)
                    + " GROUP BY " + (byStay ? "1, 2" : "1") + ")");
            joins.add(" LEFT JOIN " + name + " ON " + name + ".pid = d.pid"
                    + (byStay ? " AND " + name + ".sid = d.sid" : ""));
            en.getValue().forEach(b -> select.add(name + "." + Sql.id(b.name())));
        }
    }

    private void feature(int k, CohortSpec.Feature f, List<String> select, List<String> joins) {
        String e = events(f.events());
        String name = "f" + k;
        List<String> aggs = new ArrayList<>();
        for (Stat s : f.stats()) {
            aggs.add(aggregate(s, d) + " AS " + Sql.id(f.column(s)));
            select.add(s == Stat.COUNT ? "coalesce(" + name + "." + Sql.id(f.column(s)) + ", 0) AS "
                    + Sql.id(f.column(s)) : name + "." + Sql.id(f.column(s)));
        }
        String on = "e.pid = d.pid AND e.t <= d.t0 AND e.t >= d.t0 - " + d.number(spec.lookbackHours());
        if (d == SqlDialect.DUCKDB) {
            ctes.add(name + " AS (" + DuckDbSummaries.cte(f.stats(), f.stats().stream().map(s -> Sql.id(f.column(s)))
                    .toList(), e, on) + ")");
        } else {
            ctes.add(name + " AS (SELECT d.sid, " + String.join(", ", aggs) + " FROM idx d JOIN " + e + " e ON " + on
                    + " GROUP BY d.sid, d.t0)");
        }
        joins.add(" LEFT JOIN " + name + " ON " + name + ".sid = d.sid");
    }

    /** The aggregate of {@code s} over events {@code e} of a stay with decision time {@code d.t0}. */
    static String aggregate(Stat s, SqlDialect dialect) {
        return switch (s) {
            case MEAN -> "avg(e.v ORDER BY e.t, e.v)";
            case MEDIAN -> dialect.quantile("e.v", 0.5);
            case P10 -> dialect.quantile("e.v", 0.1);
            case P90 -> dialect.quantile("e.v", 0.9);
            case SD -> "stddev_samp(e.v ORDER BY e.t, e.v)";
            case MIN -> "min(e.v)";
            case MAX -> "max(e.v)";
            case FIRST -> dialect.first("e.v", "e.t");
            case LAST -> dialect.last("e.v", "e.t");
            case COUNT -> "count(*)";
            case HOURS_SINCE_FIRST -> "d.t0 - min(e.t)";
            case HOURS_SINCE_LAST -> "d.t0 - max(e.t)";
        };
    }

    /** A column of a baseline table: as it is in a file, as text in a database (as DuckDB reads CSV files). */
    private String column(String col) {
        return d == SqlDialect.DUCKDB ? Sql.id(col) : d.orderKey(d.asText(Sql.id(col)));
    }

    private String after(CohortSpec.Window w) {
        return "e.pid = d.pid AND e.t > d.t0 + " + d.number(w.fromHours()) + " AND e.t <= d.t0 + "
                + d.number(w.toHours());
    }

    private void treatment(List<String> select, List<String> joins) {
        CohortSpec.TreatmentRule r = spec.treatment();
        ctes.add("tr AS (SELECT DISTINCT d.sid FROM idx d JOIN " + events(r.events()) + " e ON " + after(r.window())
                + ")");
        joins.add(" LEFT JOIN tr ON tr.sid = d.sid");
        select.add("CASE WHEN tr.sid IS NULL THEN 0 ELSE 1 END AS " + Sql.id(r.column()));
    }

    private void outcome(List<String> select, List<String> joins) {
        CohortSpec.OutcomeRule r = spec.outcome();
        String e = events(r.events());
        if (r.kind() == CohortSpec.OutcomeKind.EVENT) {
            ctes.add("oc AS (SELECT DISTINCT d.sid FROM idx d JOIN " + e + " e ON " + after(r.window()) + ")");
            joins.add(" LEFT JOIN oc ON oc.sid = d.sid");
            select.add("CASE WHEN oc.sid IS NULL THEN 0 ELSE 1 END AS " + Sql.id(r.column()));
            return;
        }
        ctes.add("oc AS (" + summary(r.stat(), e, after(r.window())) + ")");
        joins.add(" LEFT JOIN oc ON oc.sid = d.sid");
        if (r.kind() == CohortSpec.OutcomeKind.VALUE) {
            select.add("oc.y AS " + Sql.id(r.column()));
            return;
        }
        ctes.add("ob AS (" + summary(Stat.LAST, e, "e.pid = d.pid AND e.t <= d.t0 AND e.t >= d.t0 - "
                + d.number(spec.lookbackHours())) + ")");
        joins.add(" LEFT JOIN ob ON ob.sid = d.sid");
        select.add("oc.y - ob.y AS " + Sql.id(r.column()));
    }

    /** {@code SELECT sid, y}: statistic {@code s} of events {@code e} joined to the decisions on {@code on}. */
    private String summary(Stat s, String e, String on) {
        return d == SqlDialect.DUCKDB ? DuckDbSummaries.cte(List.of(s), List.of("y"), e, on)
                : "SELECT d.sid, " + aggregate(s, d) + " AS y FROM idx d JOIN " + e + " e ON " + on
                + " GROUP BY d.sid, d.t0";
    }

    /** The include / exclude filter: a missing value fails an include condition and triggers no exclude one. */
    private static String where(CohortSpec spec) {
        List<String> parts = new ArrayList<>();
        SqlDialect d = dialect(spec);
        spec.include().forEach(c -> parts.add("coalesce(" + condition(c, d) + ", false)"));
        spec.exclude().forEach(c -> parts.add("NOT coalesce(" + condition(c, d) + ", false)"));
        return parts.isEmpty() ? "" : " WHERE " + String.join(" AND ", parts);
    }

    private static String condition(CohortSpec.Condition c, SqlDialect d) {
        String col = Sql.id(c.variable());
        return switch (c.op()) {
            case MISSING -> col + " IS NULL";
            case PRESENT -> col + " IS NOT NULL";
            default -> d.toDouble(col) + " " + (c.op() == CohortSpec.Op.EQ ? "="
                    : c.op() == CohortSpec.Op.NE ? "<>" : c.op().key()) + " " + d.number(c.value());
        };
    }
}
