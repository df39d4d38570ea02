package org.causalrx.causal;

/**
 * A K-arm CATE estimator whose fit depends on which outcomes are better (the K-action policy tree chooses each
 * leaf's action in the study's direction, under the study's default arm and margin). The pipeline asks for the
 * study's direction and rule before fitting.
 */
public interface DirectionAware {
    /**
     * A configured estimator for this direction (a new instance; this one is not changed).
     *
     * @param betterSign +1 when higher outcomes are better, −1 when lower are
     */
    MultiArmCateEstimator forDirection(int betterSign);

    /**
     * A configured estimator for this direction and the decision rule's default arm and margin; estimators whose fit
     * does not depend on the rule ignore them.
     *
     * @param betterSign +1 when higher outcomes are better, −1 when lower are
     * @param defaultArm the arm kept unless another beats it by more than the margin, 0..K−1
     * @param margin     the margin δ ≥ 0 (outcome units)
     */
    default MultiArmCateEstimator forRule(int betterSign, int defaultArm, double margin) {
        return forDirection(betterSign);
    }
}
