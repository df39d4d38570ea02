package org.causalrx.causal;

/**
 * A K-arm CATE estimator whose fit depends on which outcomes are better (the K-action policy tree chooses each
 * leaf's action in the study's direction). The pipeline asks for the study's direction before fitting.
 */
public interface DirectionAware {
    /**
     * A configured estimator for this direction (a new instance; this one is not changed).
     *
     * @param betterSign +1 when higher outcomes are better, −1 when lower are
     */
    MultiArmCateEstimator forDirection(int betterSign);
}
