package org.causalrx.estimators;

import java.util.List;

/**
 * Adds named CATE estimators to the {@link EstimatorRegistry} from another module (the neural estimators of the
 * {@code nn} module), found with {@link java.util.ServiceLoader} so that core does not depend on heavy engines.
 * Declare an implementation in {@code META-INF/services/org.causalrx.estimators.EstimatorProvider}.
 */
public interface EstimatorProvider {
    /** The provider's entries, each with its settings and their study-file keys; names must not clash. */
    List<EstimatorEntry<?>> entries();
}
