package org.causalrx.study;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.causalrx.util.CausalRxException;

/**
 * A YAML mapping with its location in the study file, giving messages for people: unknown keys, missing
 * keys and wrong types name the file, the key path and what is allowed.
 */
record YamlNode(String file, String path, JsonNode node) {

    /** Fails on any key not in {@code allowed}. */
    YamlNode allowOnly(String... allowed) {
        Set<String> ok = Set.of(allowed);
        Iterator<String> it = node.fieldNames();
        while (it.hasNext()) {
            String k = it.next();
            if (!ok.contains(k)) {
                List<String> sorted = new ArrayList<>(ok);
                java.util.Collections.sort(sorted);
                String guess = closest(k, sorted);
                throw new CausalRxException(file + ": unknown key '" + where(k) + "'"
                        + (guess == null ? "" : " (did you mean '" + guess + "'?)") + "; allowed keys "
                        + (path.isEmpty() ? "at the top level" : "under '" + path + "'") + " are: "
                        + String.join(", ", sorted) + "; fix the spelling or remove it");
            }
        }
        return this;
    }

    /** The allowed key nearest in spelling to {@code key}, or null when none is close. */
    static String closest(String key, List<String> allowed) {
        String best = null;
        int bestD = Integer.MAX_VALUE;
        for (String a : allowed) {
            int d = editDistance(key.toLowerCase(java.util.Locale.ROOT), a.toLowerCase(java.util.Locale.ROOT));
            if (d < bestD) {
                bestD = d;
                best = a;
            }
        }
        return best != null && bestD <= Math.max(2, key.length() / 3) ? best : null;
    }

    /** Levenshtein distance. */
    static int editDistance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] tmp = prev;
            prev = cur;
            cur = tmp;
        }
        return prev[b.length()];
    }

    String where(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    boolean has(String key) {
        return node.has(key) && !node.get(key).isNull();
    }

    YamlNode child(String key) {
        JsonNode c = node.get(key);
        if (c == null || c.isNull()) {
            throw new CausalRxException(file + ": missing required key '" + where(key) + "'; add it to the study file");
        }
        if (!c.isObject()) {
            throw new CausalRxException(file + ": '" + where(key) + "' must be a mapping (key: value lines)");
        }
        return new YamlNode(file, where(key), c);
    }

    YamlNode optionalChild(String key) {
        return has(key) ? child(key) : null;
    }

    String text(String key) {
        JsonNode c = node.get(key);
        if (c == null || c.isNull()) {
            throw new CausalRxException(file + ": missing required key '" + where(key) + "'; add it to the study file");
        }
        if (!c.isValueNode()) {
            throw new CausalRxException(file + ": '" + where(key) + "' must be a single value, not a list or mapping");
        }
        return c.asText();
    }

    String text(String key, String fallback) {
        return has(key) ? text(key) : fallback;
    }

    double number(String key, double fallback) {
        if (!has(key)) {
            return fallback;
        }
        JsonNode c = node.get(key);
        if (!c.isNumber()) {
            throw new CausalRxException(file + ": '" + where(key) + "' must be a number, got '" + c.asText() + "'");
        }
        return c.asDouble();
    }

    Double optionalNumber(String key) {
        return has(key) ? number(key, Double.NaN) : null;
    }

    long integer(String key) {
        JsonNode c = node.get(key);
        if (c == null || c.isNull()) {
            throw new CausalRxException(file + ": missing required key '" + where(key) + "'; add it to the study file");
        }
        if (!c.canConvertToLong() || !c.isIntegralNumber()) {
            throw new CausalRxException(file + ": '" + where(key) + "' must be a whole number, got '" + c.asText()
                    + "'");
        }
        return c.asLong();
    }

    long integer(String key, long fallback) {
        return has(key) ? integer(key) : fallback;
    }

    boolean bool(String key, boolean fallback) {
        if (!has(key)) {
            return fallback;
        }
        JsonNode c = node.get(key);
        if (!c.isBoolean()) {
            throw new CausalRxException(file + ": '" + where(key) + "' must be true or false, got '" + c.asText()
                    + "'");
        }
        return c.asBoolean();
    }

    /** One of the allowed words (case-sensitive, as written in the docs). */
    String choice(String key, String fallback, String... allowed) {
        String v = fallback == null ? text(key) : text(key, fallback);
        for (String a : allowed) {
            if (a.equals(v)) {
                return v;
            }
        }
        throw new CausalRxException(file + ": '" + where(key) + "' is '" + v + "'; use one of: "
                + String.join(", ", allowed));
    }
}
