package org.causalrx.pipeline;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.causalrx.data.Table;
import org.causalrx.study.Study;

/**
 * What a run knows so far: the study and its data, plus every value the stages before produced, each under its
 * {@link Slot}. Immutable: a stage returns a new context with its products added ({@link #with}).
 */
public final class RunContext {
    private final Study study;
    private final Table table;
    private final Map<Slot<?>, Object> values;

    private RunContext(Study study, Table table, Map<Slot<?>, Object> values) {
        this.study = study;
        this.table = table;
        this.values = values;
    }

    /** A context holding only the study and the table read from its data file. */
    public static RunContext of(Study study, Table table) {
        if (study == null || table == null) {
            throw new IllegalArgumentException("a run needs a study and its data");
        }
        return new RunContext(study, table, Map.of());
    }

    public Study study() {
        return study;
    }

    public Table table() {
        return table;
    }

    /** The study's seed; every stochastic stage derives its own seed from it. */
    public long seed() {
        return study.seed();
    }

    /** The value under {@code slot}; fails when no earlier stage produced it (a wrongly ordered stage list). */
    public <T> T get(Slot<T> slot) {
        return find(slot).orElseThrow(() -> new IllegalStateException("no stage before this one produced '"
                + slot.name() + "'; check the order of the run's stages"));
    }

    /** The value under {@code slot}, if a stage produced one. */
    @SuppressWarnings("unchecked")
    public <T> Optional<T> find(Slot<T> slot) {
        return Optional.ofNullable((T) values.get(slot));
    }

    /** This context plus {@code value} under {@code slot} (replacing an earlier value there). */
    public <T> RunContext with(Slot<T> slot, T value) {
        if (value == null) {
            throw new IllegalArgumentException("stage product '" + slot.name() + "' is null");
        }
        Map<Slot<?>, Object> m = new LinkedHashMap<>(values);
        m.put(slot, value);
        return new RunContext(study, table, Collections.unmodifiableMap(m));
    }

    /** This context with a different study (same data and products), e.g. rounds overridden. */
    public RunContext withStudy(Study other) {
        return new RunContext(other, table, values);
    }
}
