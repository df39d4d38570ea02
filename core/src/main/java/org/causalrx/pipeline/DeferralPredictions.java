package org.causalrx.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.causalrx.causal.EffectIntervals;
import org.causalrx.causal.bounds.JointCateModel;

/**
 * The deferral models' predictions on one set of patients, each fitted model predicted once: every estimator's point
 * CATE and statistical intervals at each level in {@code alphas}, and the B-learner's Lambda = 1 estimate and bounds
 * at every fitted Lambda. The Conservative policies, the deferral sets' summaries and the alpha_stat × Lambda sweep
 * read their intervals from here instead of predicting the bootstrap refits and bound regressions again (at 10⁶
 * patients each whole-test-set prediction of the refits is tens of XGBoost predictions on 200,000 rows). The values
 * are those of {@link JointCateModel#effect} and {@link JointCateModel#effectInterval}, bit for bit.
 *
 * @param alphas  the statistical levels predicted, in order, without repeats
 * @param lambdas the B-learner's fitted Lambda values, ascending
 * @param tau     per estimator its point CATE
 * @param stats   per estimator its statistical intervals, one per entry of {@code alphas}
 * @param centre  the B-learner's Lambda = 1 estimate tau1
 * @param bounds  the B-learner's bounds, one per entry of {@code lambdas}
 */
record DeferralPredictions(List<Double> alphas, double[] lambdas, Map<String, double[]> tau,
                           Map<String, List<EffectIntervals>> stats, double[] centre, List<EffectIntervals> bounds) {

    /**
     * Predicts every model of {@code fitted} on {@code x} once: the statistical intervals at each of {@code alphas},
     * the bounds at every fitted Lambda up to {@code maxLambda} (one of them).
     */
    static DeferralPredictions of(DeferralStage.Fitted fitted, double[][] x, List<Double> alphas, double maxLambda) {
        org.causalrx.causal.bounds.CateBoundsFamily family = fitted.bounds().upTo(maxLambda);
        List<Double> levels = alphas.stream().distinct().toList();
        Map<String, double[]> tau = new LinkedHashMap<>();
        Map<String, List<EffectIntervals>> stats = new LinkedHashMap<>();
        fitted.models().forEach((name, m) -> {
            tau.put(name, m.effect(x));
            stats.put(name, List.copyOf(m.statistical().effectIntervals(x, levels)));
        });
        List<EffectIntervals> bounds = List.copyOf(family.allBounds(x));
        // the first level is Lambda = 1, where the bounds are the point estimate tau1 itself
        return new DeferralPredictions(levels, family.lambdas(), tau, stats, bounds.get(0).lo(), bounds);
    }

    /** Estimator names, in the fitted models' order. */
    List<String> estimators() {
        return new ArrayList<>(tau.keySet());
    }

    /** {@code name}'s statistical interval at {@code alpha}, which must be one of {@link #alphas()}. */
    EffectIntervals statistical(String name, double alpha) {
        int k = alphas.indexOf(alpha);
        if (k < 0) {
            throw new IllegalArgumentException("alpha " + alpha + " was not predicted; predicted: " + alphas);
        }
        return stats.get(name).get(k);
    }

    /** The B-learner's bounds at {@code lambda}, which must be one of {@link #lambdas()}. */
    EffectIntervals bounds(double lambda) {
        for (int k = 0; k < lambdas.length; k++) {
            if (lambdas[k] == lambda) {
                return bounds.get(k);
            }
        }
        throw new IllegalArgumentException("Lambda " + lambda + " was not fitted; fitted: "
                + java.util.Arrays.toString(lambdas));
    }

    /** {@code name}'s joint interval at (alpha, Lambda): {@link JointCateModel#combine} of the two above. */
    EffectIntervals joint(String name, double alpha, double lambda) {
        return JointCateModel.combine(statistical(name, alpha), centre, bounds(lambda));
    }
}
