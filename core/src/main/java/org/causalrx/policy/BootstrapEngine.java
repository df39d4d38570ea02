package org.causalrx.policy;

import java.util.Locale;

/**
 * Which engine computes the bootstrap of held-out policy values (study setting {@code bootstrap: {engine: ...}}).
 * {@link #EXACT} resamples the test patients (multinomial counts) with values bit-identical to the row-at-a-time
 * engine; {@link #POISSON} weights every patient (or patient group) by an independent Poisson(1) draw per round
 * ({@link PoissonBootstrap}); {@link #AUTO} is exact below {@link #AUTO_POISSON_ROWS} held-out rows and Poisson from
 * there on, so small studies keep their exact-engine results.
 */
public enum BootstrapEngine {
    EXACT, POISSON, AUTO;

    /** Held-out rows from which {@link #AUTO} uses the Poisson engine. */
    public static final int AUTO_POISSON_ROWS = 50_000;

    /** The engine that runs on {@code rows} held-out rows: EXACT or POISSON. */
    public BootstrapEngine resolve(int rows) {
        if (this != AUTO) {
            return this;
        }
        return rows >= AUTO_POISSON_ROWS ? POISSON : EXACT;
    }

    /** The name used in study files and results.json: "exact", "poisson" or "auto". */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The engine named {@code key} ("exact", "poisson", "auto"), or null when none is. */
    public static BootstrapEngine ofKey(String key) {
        for (BootstrapEngine e : values()) {
            if (e.key().equals(key)) {
                return e;
            }
        }
        return null;
    }
}
