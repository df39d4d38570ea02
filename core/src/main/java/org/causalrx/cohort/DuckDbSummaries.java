package org.causalrx.cohort;

import java.util.ArrayList;
import java.util.List;

/**
 * The feature summaries of {@link CohortSql} on DuckDB, computed from one ordered list per stay instead of one
 * aggregate per statistic: the stay's events in the window are gathered once as {t, v} pairs sorted by time, then value
 * (non-null values only), and every value statistic is a list function over that list, which applies the same
 * DuckDB aggregate to the same values in the same order as {@code avg(v ORDER BY t, v)} and the others in
 * {@link CohortSql#aggregate}, so the table is the same; counts and the time statistics are plain aggregates. One sort
 * per stay and signal replaces up to seven order-sensitive aggregates, which dominate the query at scale; the list
 * is gathered by a plain (unordered, parallel) aggregate and then sorted by {@code list_sort} (pairs compare by time,
 * then value), because DuckDB's ordered aggregates ({@code ORDER BY} inside an aggregate) are far slower.
 */
final class DuckDbSummaries {
    private DuckDbSummaries() {
    }

    /**
     * The CTE body computing {@code stats} of events {@code e} joined to decisions {@code idx d} on {@code on}: one row
     * per stay ({@code sid}) with one column per statistic, named by {@code columns}.
     */
    static String cte(List<Stat> stats, List<String> columns, String e, String on) {
        boolean values = stats.stream().anyMatch(Stat::needsValue);
        String inner = "SELECT d.sid, d.t0, count(*) AS n, min(e.t) AS tmin, max(e.t) AS tmax"
                + (values ? ", list({'t': e.t, 'v': e.v}) FILTER (WHERE e.v IS NOT NULL) AS l0" : "")
                + " FROM idx d JOIN " + e + " e ON " + on + " GROUP BY d.sid, d.t0";
        String middle = values ? "SELECT *, list_transform(l, x -> x.v) AS vs FROM (SELECT *, list_sort(l0) AS l FROM ("
                + inner + "))" : inner;
        List<String> out = new ArrayList<>();
        for (int i = 0; i < stats.size(); i++) {
            out.add(expression(stats.get(i)) + " AS " + columns.get(i));
        }
        return "SELECT sid, " + String.join(", ", out) + " FROM (" + middle + ")";
    }

    /** Statistic {@code s} from the columns n, tmin, tmax, t0, l (ordered {t, v} pairs) and vs (their values). */
    static String expression(Stat s) {
        return switch (s) {
            case MEAN -> "list_avg(vs)";
            case MEDIAN -> "list_aggregate(vs, 'quantile_cont', 0.5)";
            case P10 -> "list_aggregate(vs, 'quantile_cont', 0.1)";
            case P90 -> "list_aggregate(vs, 'quantile_cont', 0.9)";
            case SD -> "list_stddev_samp(vs)";
            case MIN -> "list_min(vs)";
            case MAX -> "list_max(vs)";
            case FIRST -> "vs[1]";
            case LAST -> "list_min(list_transform(list_filter(l, x -> x.t = l[-1].t), x -> x.v))";
            case COUNT -> "n";
            case HOURS_SINCE_FIRST -> "t0 - tmin";
            case HOURS_SINCE_LAST -> "t0 - tmax";
        };
    }
}
