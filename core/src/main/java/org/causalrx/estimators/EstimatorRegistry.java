package org.causalrx.estimators;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

import org.causalrx.causal.CateEstimator;
import org.causalrx.causal.OutcomeAware;
import org.causalrx.util.CausalRxException;

/**
 * The named CATE estimators of a run: the built-in entries followed by those of every {@link EstimatorProvider}
 * on the class path, in that order. Immutable; build it once per run with {@link #load()} and pass it on. The
 * ensembles "average" and "majority" are not entries: they combine the fitted members a study lists.
 */
public final class EstimatorRegistry {
    /** Ensemble names, listed after the single estimators. */
    public static final List<String> ENSEMBLES = List.of("average", "majority");

    private final Map<String, EstimatorEntry<?>> entries;

    private EstimatorRegistry(Map<String, EstimatorEntry<?>> entries) {
        this.entries = Collections.unmodifiableMap(entries);
    }

    /** The built-in entries and those of the {@link ServiceLoader} providers. */
    public static EstimatorRegistry load() {
        List<EstimatorEntry<?>> all = new ArrayList<>(BuiltinEstimators.entries());
        for (EstimatorProvider provider : ServiceLoader.load(EstimatorProvider.class)) {
            all.addAll(provider.entries());
        }
        return of(all);
    }

    /** A registry of exactly these entries, in order; a name given twice is an error. */
    public static EstimatorRegistry of(List<EstimatorEntry<?>> entries) {
        Map<String, EstimatorEntry<?>> m = new LinkedHashMap<>();
        for (EstimatorEntry<?> e : entries) {
            if (m.putIfAbsent(e.name(), e) != null) {
                throw new CausalRxException("estimator '" + e.name() + "' is defined twice");
            }
        }
        return new EstimatorRegistry(m);
    }

    /** Single estimator names in catalogue order, then the ensembles. */
    public List<String> names() {
        List<String> n = new ArrayList<>(entries.keySet());
        n.addAll(ENSEMBLES);
        return n;
    }

    /** Whether {@code name} is a single estimator of this registry. */
    public boolean contains(String name) {
        return entries.containsKey(name);
    }

    /** The entry of a single estimator; an unknown name is an error listing the available ones. */
    public EstimatorEntry<?> entry(String name) {
        EstimatorEntry<?> e = entries.get(name);
        if (e == null) {
            throw new CausalRxException("unknown estimator '" + name + "'; available: " + String.join(", ", names()));
        }
        return e;
    }

    /** Names of the entries of one kind, in catalogue order. */
    public List<String> namesOf(EstimatorKind kind) {
        return entries.values().stream().filter(e -> e.kind() == kind).map(EstimatorEntry::name).toList();
    }

    /** A fresh estimator with default settings that models the outcome as a number. */
    public CateEstimator create(String name) {
        return create(name, null);
    }

    /** A fresh estimator with default settings for outcomes of {@code kind} (null: the outcome as a number). */
    public CateEstimator create(String name, OutcomeAware.Kind kind) {
        return entry(name).configure(Map.of()).create(kind);
    }
}
