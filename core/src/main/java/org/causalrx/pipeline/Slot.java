package org.causalrx.pipeline;

/**
 * A typed name for one thing a {@link Stage} produces and later stages read from the {@link RunContext}.
 *
 * @param name short name used in messages ("cohort", "propensity")
 * @param <T>  type of the value held under this name
 */
public record Slot<T>(String name) {
    public Slot {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a slot needs a name");
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
