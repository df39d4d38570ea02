package org.causalrx.cohort;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A summary statistic of one signal's events in a window. Percentiles interpolate linearly between order statistics
 * (DuckDB {@code quantile_cont}); {@code sd} is the sample SD (missing below two values); {@code first} and
 * {@code last} are the values at the earliest and latest time, ties broken by the smaller value; the two time
 * statistics are hours from that event to the decision (≥ 0).
 */
public enum Stat {
    MEAN("mean", true), MEDIAN("median", true), P10("p10", true), P90("p90", true), SD("sd", true),
    MIN("min", true), MAX("max", true), FIRST("first", true), LAST("last", true), COUNT("count", false),
    HOURS_SINCE_FIRST("hours_since_first", false), HOURS_SINCE_LAST("hours_since_last", false);

    private final String key;
    private final boolean needsValue;

    Stat(String key, boolean needsValue) {
        this.key = key;
        this.needsValue = needsValue;
    }

    /** The word used in the study file and in column names. */
    public String key() {
        return key;
    }

    /** Whether the statistic reads the value column (the others only count events or read their times). */
    public boolean needsValue() {
        return needsValue;
    }

    /** The unit of the statistic for a signal measured in {@code unit}. */
    public String unit(String unit) {
        return switch (this) {
            case COUNT -> "events";
            case HOURS_SINCE_FIRST, HOURS_SINCE_LAST -> "h";
            default -> unit;
        };
    }

    /** Whether an outcome rule may use the statistic (a value of the signal, not a count or a time). */
    public boolean forOutcome() {
        return needsValue && this != SD;
    }

    /** The statistic named {@code key}. */
    public static Optional<Stat> ofKey(String key) {
        return Arrays.stream(values()).filter(s -> s.key.equals(key)).findFirst();
    }

    /** All keys, comma-separated, for messages. */
    public static String allowed() {
        return Arrays.stream(values()).map(Stat::key).collect(Collectors.joining(", "));
    }
}
