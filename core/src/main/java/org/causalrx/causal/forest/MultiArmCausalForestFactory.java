package org.causalrx.causal.forest;

import java.util.function.Supplier;
import org.causalrx.learn.forest.ForestSettings;
import org.causalrx.learn.forest.ForestTrainer;
import org.causalrx.learn.forest.Relabeling;
import org.causalrx.learn.forest.SplittingRule;

/**
 * Wires the multi-arm causal forest's strategies (one set per worker): vector gradient relabeling + multivariate
 * constrained CART split, which agree on the response layout {@code rho[q·d + j]}.
 */
final class MultiArmCausalForestFactory {
    private MultiArmCausalForestFactory() {
    }

    static Supplier<ForestTrainer.Strategies> strategies(double[] yt, double[] wt, int d, ForestSettings s) {
        return () -> {
            Relabeling relabeling = new MultiArmGradientRelabeling(yt, wt, d);
            SplittingRule rule = new MultiArmSplittingRule(wt, d, s.alpha(), s.minNodeSize(), s.imbalancePenalty());
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
