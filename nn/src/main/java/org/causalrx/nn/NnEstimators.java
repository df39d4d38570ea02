package org.causalrx.nn;

import java.util.List;

import org.causalrx.causal.CateEstimator;
import org.causalrx.causal.OutcomeAware;
import org.causalrx.estimators.EstimatorEntry;
import org.causalrx.estimators.EstimatorKind;
import org.causalrx.estimators.EstimatorParams;
import org.causalrx.estimators.EstimatorProvider;

/**
 * Registers the neural estimators ({@code tarnet}, {@code dragonnet}, {@code xmultitask}) with the estimator
 * registry through {@link java.util.ServiceLoader}; their study-file keys are those of {@link NnSettings}
 * (the outcome type comes from the study).
 */
public final class NnEstimators implements EstimatorProvider {
    @Override
    public List<EstimatorEntry<?>> entries() {
        NnSettings d = NnSettings.defaults();
        return List.of(
                new EstimatorEntry<>("tarnet", EstimatorKind.NEURAL, d, NnEstimators::bind,
                        (s, k) -> forOutcome(new TarNet(s), k)),
                new EstimatorEntry<>("dragonnet", EstimatorKind.NEURAL, d, NnEstimators::bind,
                        (s, k) -> forOutcome(new DragonNet(s, 1.0, 0.0), k)),
                new EstimatorEntry<>("xmultitask", EstimatorKind.NEURAL, d, NnEstimators::bind,
                        (s, k) -> forOutcome(new XMultiTask(s, org.causalrx.learn.linear.LogisticRegression.l2(),
                                XMultiTask.CLIP, true), k)));
    }

    /** Architecture, training and ensemble keys of {@link NnSettings}. */
    static NnSettings bind(NnSettings d, EstimatorParams p) {
        return new NnSettings(p.integer("hidden", d.hidden()), p.integer("shared_depth", d.sharedDepth()),
                p.integer("head_hidden", d.headHidden()), p.integer("head_depth", d.headDepth()),
                p.real("dropout", d.dropout()), p.real("weight_decay", d.weightDecay()),
                p.real("learning_rate", d.learningRate()), p.integer("batch_size", d.batchSize()),
                p.integer("max_epochs", d.maxEpochs()), p.integer("patience", d.patience()),
                p.real("validation_share", d.validationShare()), d.outcome(), p.integer("members", d.members()));
    }

    private static CateEstimator forOutcome(CateEstimator e, OutcomeAware.Kind kind) {
        return kind == null ? e : ((OutcomeAware) e).forOutcome(kind);
    }
}
