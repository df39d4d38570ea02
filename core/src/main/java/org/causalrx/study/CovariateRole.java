package org.causalrx.study;

/** Roles of a covariate (TRS App. B). Confounders and effect modifiers are kept; the rest are dropped. */
public enum CovariateRole {
    CONFOUNDER("confounder", true, "affects treatment and outcome: kept to adjust for confounding"),
    EFFECT_MODIFIER("effect_modifier", true, "affects the outcome only: kept, it sharpens effect estimates"),
    INSTRUMENT("instrument", false, "affects treatment only: dropped, adjusting for it inflates variance and bias"),
    MEDIATOR("mediator", false, "measured after treatment (mediator): dropped, adjusting for it biases the effect"),
    IGNORE("ignore", false, "declared irrelevant: dropped");

    private final String key;
    private final boolean kept;
    private final String reason;

    CovariateRole(String key, boolean kept, String reason) {
        this.key = key;
        this.kept = kept;
        this.reason = reason;
    }

    /** The YAML spelling, e.g. "effect_modifier". */
    public String key() {
        return key;
    }

    public boolean kept() {
        return kept;
    }

    /** Why this role is kept or dropped, in words for the report. */
    public String reason() {
        return reason;
    }

    /** Parses the YAML spelling; null when unknown. */
    public static CovariateRole fromKey(String key) {
        for (CovariateRole r : values()) {
            if (r.key.equals(key)) {
                return r;
            }
        }
        return null;
    }
}
