package org.causalrx.result;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Which patients a learned policy defers to the clinician (METHOD steps 8–9).
 * <ul>
 *   <li>{@link #NONE}: the run has no uncertainty-based deferral; the policy defers outside overlap and its name
 *       carries no suffix ("t_xgboost").</li>
 *   <li>{@link #INCLUSIVE}: defers outside the overlap set ("t_xgboost@inclusive").</li>
 *   <li>{@link #CONSERVATIVE}: also defers where the joint interval contains the rule's boundary
 *       ("t_xgboost@conservative").</li>
 * </ul>
 */
public enum DeferralSet {
    NONE(""),
    INCLUSIVE("inclusive"),
    CONSERVATIVE("conservative");

    private final String key;

    DeferralSet(String key) {
        this.key = key;
    }

    /** The text in results.json, the CSV tables and policy names ("" for {@link #NONE}). */
    @JsonValue
    public String key() {
        return key;
    }

    /** The set named {@code key} ("inclusive", "conservative"; "" is {@link #NONE}). */
    public static DeferralSet of(String key) {
        String k = key == null ? "" : key.trim().toLowerCase(Locale.ROOT);
        for (DeferralSet s : values()) {
            if (s.key.equals(k)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown deferral set '" + key + "' (expected inclusive or conservative)");
    }

    @Override
    public String toString() {
        return key;
    }
}
