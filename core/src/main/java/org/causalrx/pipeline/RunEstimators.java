package org.causalrx.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.causalrx.causal.BoundaryAware;
import org.causalrx.causal.CateEstimator;
import org.causalrx.causal.OutcomeAware;
import org.causalrx.causal.TLearner;
import org.causalrx.estimators.ConfiguredEstimator;
import org.causalrx.estimators.EstimatorKind;
import org.causalrx.estimators.EstimatorRegistry;
import org.causalrx.study.EstimatorSpec;
import org.causalrx.study.Study;

/**
 * A run's estimators: the registry, each study estimator bound to its study-file params (the others at their
 * defaults), and the named DR plug-in T-learner. Build with {@link #of} after {@link EstimatorChecks#check}.
 *
 * @param registry   the run's estimator registry
 * @param configured study estimator name → its configured entry (single estimators only)
 * @param plugIn     name of the DR plug-in T-learner
 * @param boundary   the effect at which the study's decision rule switches arm ({@code DecisionRule#boundary}),
 *                   passed to estimators whose fit depends on it ({@link BoundaryAware}); 0 for the sign rule
 */
public record RunEstimators(EstimatorRegistry registry, Map<String, ConfiguredEstimator> configured, String plugIn,
                            double boundary) {
    /** The T-learners whose outcome models are always reported, in order (the DR plug-in joins them if other). */
    static final List<String> STANDARD_T_LEARNERS = List.of("t_xgboost", "t_ridge", "t_lasso");

    public RunEstimators {
        configured = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(configured));
    }

    /** Every estimator at its defaults; the default plug-in. */
    public static RunEstimators defaults(EstimatorRegistry registry) {
        return new RunEstimators(registry, Map.of(), Study.PolicyEvaluation.DEFAULT_PLUG_IN, 0);
    }

    /** The study's estimators bound to their params (checked: the messages name the study file). */
    public static RunEstimators of(EstimatorRegistry registry, Study study) {
        EstimatorChecks.check(registry, study);
        Map<String, ConfiguredEstimator> m = new LinkedHashMap<>();
        for (EstimatorSpec s : study.estimatorSpecs()) {
            if (registry.contains(s.name())) {
                m.put(s.name(), registry.entry(s.name()).configure(s.params()));
            }
        }
        double boundary = study.treatment().binary() ? study.decisionRule().boundary() : 0;
        return new RunEstimators(registry, m, study.policyEvaluation().plugIn(), boundary);
    }

    /** The configured entry of a single estimator (the study's params, or the defaults when it is not listed). */
    public ConfiguredEstimator get(String name) {
        ConfiguredEstimator c = configured.get(name);
        return c != null ? c : registry.entry(name).configure(Map.of());
    }

    /**
     * A fresh configured estimator for outcomes of {@code kind} (null: the outcome as a number), told the decision
     * rule's boundary when its fit depends on it.
     */
    public CateEstimator estimator(String name, OutcomeAware.Kind kind) {
        CateEstimator e = get(name).create(kind);
        return e instanceof BoundaryAware b ? b.forBoundary(boundary) : e;
    }

    /** The T-learner {@code name}, with a binary outcome modelled by its family's classifier. */
    public TLearner tLearner(String name, boolean binaryOutcome) {
        CateEstimator e = estimator(name, binaryOutcome ? OutcomeAware.Kind.BINARY : OutcomeAware.Kind.CONTINUOUS);
        if (!(e instanceof TLearner t)) {
            throw new IllegalArgumentException("'" + name + "' is not a T-learner");
        }
        return t;
    }

    /** t_xgboost, t_ridge, t_lasso, then the DR plug-in when it is another T-learner (e.g. t_bart). */
    public List<TLearner> tLearners(boolean binaryOutcome) {
        List<String> names = new ArrayList<>(STANDARD_T_LEARNERS);
        if (!names.contains(plugIn)) {
            names.add(plugIn);
        }
        return names.stream().map(n -> tLearner(n, binaryOutcome)).toList();
    }

    /** The DR plug-in T-learner (its per-arm models give mu_0, mu_1 of the held-out DR values). */
    public TLearner plugIn(boolean binaryOutcome) {
        return tLearner(plugIn, binaryOutcome);
    }

    /** The estimators and plug-in as results.json records them: the study's list, then the plug-in if not listed. */
    public EstimatorSettings settings(List<String> studyEstimators) {
        List<EstimatorSettings.Entry> out = new ArrayList<>();
        List<String> names = new ArrayList<>(studyEstimators);
        if (!names.contains(plugIn)) {
            names.add(plugIn);
        }
        for (String n : names) {
            if (registry.contains(n)) {
                ConfiguredEstimator c = get(n);
                out.add(new EstimatorSettings.Entry(n, c.kind().key(), c.params()));
            } else {
                out.add(new EstimatorSettings.Entry(n, EstimatorKind.ENSEMBLE.key(), Map.of()));
            }
        }
        return new EstimatorSettings(plugIn, out);
    }
}
