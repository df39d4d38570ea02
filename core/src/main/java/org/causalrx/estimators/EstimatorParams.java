package org.causalrx.estimators;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads an estimator's hyperparameters from the values a study gives (snake_case key → YAML scalar: Long, Double,
 * Boolean or String), falling back to the defaults, and records every key read with the value used. A binder asks
 * for each key it accepts, so the keys read are the accepted keys and a key given but never read is unknown. One
 * instance serves one binding (it collects what was read).
 */
public final class EstimatorParams {
    private final Map<String, Object> given;
    private final Map<String, Object> used = new LinkedHashMap<>();

    /** @param given key → value as written in the study file (empty: all defaults) */
    public EstimatorParams(Map<String, Object> given) {
        this.given = Map.copyOf(given);
    }

    /** A whole number (an integral YAML number, or a decimal with no fractional part). */
    public int integer(String key, int fallback) {
        Object v = given.get(key);
        int out = v == null ? fallback : toInt(key, v);
        used.put(key, out);
        return out;
    }

    /** As {@link #integer}, where {@code auto} is a marker for "chosen automatically" (recorded as null). */
    public int integerOrAuto(String key, int fallback, int auto) {
        Object v = given.get(key);
        int out = v == null ? fallback : toInt(key, v);
        used.put(key, out == auto ? null : out);
        return out;
    }

    /** A finite number. */
    public double real(String key, double fallback) {
        Object v = given.get(key);
        double out = v == null ? fallback : toDouble(key, v);
        used.put(key, out);
        return out;
    }

    /** As {@link #real}, where NaN means "chosen automatically" (recorded as null). */
    public double realOrAuto(String key, double fallback) {
        Object v = given.get(key);
        double out = v == null ? fallback : toDouble(key, v);
        used.put(key, Double.isNaN(out) ? null : out);
        return out;
    }

    /** true or false. */
    public boolean bool(String key, boolean fallback) {
        Object v = given.get(key);
        if (v != null && !(v instanceof Boolean)) {
            throw new ParamException(key, "must be true or false, got " + show(v));
        }
        boolean out = v == null ? fallback : (Boolean) v;
        used.put(key, out);
        return out;
    }

    /** Every key read so far with the value used (null: chosen automatically), in reading order. */
    public Map<String, Object> used() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(used));
    }

    /** Keys given that no read asked for, sorted. */
    public List<String> unknown() {
        List<String> out = new ArrayList<>();
        for (String k : given.keySet()) {
            if (!used.containsKey(k)) {
                out.add(k);
            }
        }
        Collections.sort(out);
        return out;
    }

    private static int toInt(String key, Object v) {
        double d = v instanceof Number n && !(v instanceof Double) && !(v instanceof Float) ? n.longValue()
                : v instanceof Number n ? n.doubleValue() : Double.NaN;
        if (!(v instanceof Number) || d != Math.rint(d) || Math.abs(d) > Integer.MAX_VALUE) {
            throw new ParamException(key, "must be a whole number, got " + show(v));
        }
        return (int) d;
    }

    private static double toDouble(String key, Object v) {
        if (!(v instanceof Number n) || !Double.isFinite(n.doubleValue())) {
            throw new ParamException(key, "must be a number, got " + show(v));
        }
        return n.doubleValue();
    }

    private static String show(Object v) {
        return v instanceof String s ? "'" + s + "'" : String.valueOf(v);
    }
}
