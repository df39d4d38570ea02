package org.causalrx.nn;

import java.util.List;
import java.util.Optional;

import org.causalrx.causal.CateEstimator;
import org.causalrx.causal.MultiArmCateEstimator;
import org.causalrx.causal.OutcomeAware;
import org.causalrx.estimators.EstimatorEntry;
import org.causalrx.estimators.EstimatorKind;
import org.causalrx.estimators.EstimatorParams;
import org.causalrx.estimators.EstimatorProvider;
import org.causalrx.learn.OneVsRest;
import org.causalrx.learn.linear.LogisticRegression;
import org.causalrx.util.CausalRxException;

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
                        (s, k) -> forOutcome(new XMultiTask(s, LogisticRegression.l2(),
                                XMultiTask.CLIP, true), k)));
    }

    /**
     * The K-arm variants ({@link MultiArmTarNet}, {@link MultiArmDragonNet}, {@link MultiArmXMultiTask}) under the
     * binary names, built from the same {@link NnSettings} and defaults (DragonNet alpha = 1, beta = 0; X-MultiTask
     * one-vs-rest L2 logistic propensities, clip {@link XMultiTask#CLIP}, weighted).
     */
    @Override
    public Optional<MultiArmCateEstimator> multiArm(String name, Object settings, OutcomeAware.Kind outcome) {
        if (!List.of("tarnet", "dragonnet", "xmultitask").contains(name)) {
            return Optional.empty();
        }
        if (!(settings instanceof NnSettings s)) {
            throw new CausalRxException("estimator '" + name + "' takes NnSettings settings, got "
                    + (settings == null ? "none" : settings.getClass().getSimpleName()));
        }
        return Optional.of(switch (name) {
            case "tarnet" -> new MultiArmTarNet(s).forOutcome(outcome);
            case "dragonnet" -> new MultiArmDragonNet(s, 1.0, 0.0).forOutcome(outcome);
            default -> new MultiArmXMultiTask(s, new OneVsRest(LogisticRegression.l2()), XMultiTask.CLIP, true)
                    .forOutcome(outcome);
        });
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
