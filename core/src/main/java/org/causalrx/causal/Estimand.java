package org.causalrx.causal;

import java.util.Locale;
import java.util.Optional;

/**
 * Which average effect a cross-fitted AIPW estimate targets, on the outcome's scale (treated − control).
 * ATE = E[Y1 − Y0]; ATT = E[Y1 − Y0 | T = 1], the effect on those who were treated; ATC = E[Y1 − Y0 | T = 0],
 * the effect on those who were not.
 */
public enum Estimand {
    ATE, ATT, ATC;

    /** The lower-case key used in study files and results.json ("ate", "att", "atc"). */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The estimand with this key (case-insensitive), if any. */
    public static Optional<Estimand> ofKey(String key) {
        for (Estimand e : values()) {
            if (e.key().equalsIgnoreCase(key)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }
}
