package org.causalrx.causal.forest;

import java.util.function.Supplier;
import org.causalrx.learn.forest.ForestSettings;
import org.causalrx.learn.forest.ForestTrainer;
import org.causalrx.learn.forest.Relabeling;
import org.causalrx.learn.forest.SplittingRule;

/** Wires the causal forest's strategies: gradient relabeling + constrained CART split (one set per worker). */
final class CausalForestFactory {
    private CausalForestFactory() {
    }

    static Supplier<ForestTrainer.Strategies> strategies(double[] yt, double[] wt, ForestSettings s) {
        return () -> {
            Relabeling relabeling = new GradientRelabeling(yt, wt);
            SplittingRule rule = new CausalSplittingRule(wt, s.alpha(), s.minNodeSize(), s.imbalancePenalty());
            return new ForestTrainer.Strategies() {
                @Override
                public Relabeling relabeling() {
                    return relabeling;
                }

                @Override
                public SplittingRule splittingRule() {
                    return rule;
                }
            };
        };
    }
}
