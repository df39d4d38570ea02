package org.causalrx.estimators;

import java.util.List;
import java.util.Optional;

import org.causalrx.causal.MultiArmCateEstimator;
import org.causalrx.causal.OutcomeAware;

/**
 * Adds named CATE estimators to the {@link EstimatorRegistry} from another module (the neural estimators of the
 * {@code nn} module), found with {@link java.util.ServiceLoader} so that core does not depend on heavy engines.
 * Declare an implementation in {@code META-INF/services/org.causalrx.estimators.EstimatorProvider}.
 */
public interface EstimatorProvider {
    /** The provider's entries, each with its settings and their study-file keys; names must not clash. */
    List<EstimatorEntry<?>> entries();

    /**
     * The K-arm variant of one of this provider's entries, consulted by {@link MultiArmEstimators} for names without
     * a built-in variant.
     *
     * @param name     an entry name of this provider
     * @param settings the entry's settings record (its defaults or a study's configured settings)
     * @param outcome  outcome kind (null: the outcome as a number)
     * @return the configured K-arm estimator, or empty when {@code name} has no K-arm variant here
     * @throws org.causalrx.util.CausalRxException when the name has a variant but the settings are of another type
     */
    default Optional<MultiArmCateEstimator> multiArm(String name, Object settings, OutcomeAware.Kind outcome) {
        return Optional.empty();
    }
}
