package org.causalrx.causal.bounds;

import org.causalrx.learn.RegressionModel;

/**
 * The B-learner's two final regressions at one Lambda: {@code upper} predicts tau+(x), {@code lower} predicts
 * tau−(x) (before the envelope of {@link CateBoundsFamily}). At Lambda = 1 both are the same model (the DR-learner).
 *
 * @param lambda the MSM parameter, ≥ 1
 * @param upper  regression of the upper-bound pseudo-outcome on x
 * @param lower  regression of the lower-bound pseudo-outcome on x
 */
public record CateBounds(double lambda, RegressionModel upper, RegressionModel lower) {
    public CateBounds {
        SharpBounds.check(lambda);
        if (upper == null || lower == null) {
            throw new IllegalArgumentException("both bound regressions are needed");
        }
    }
}
