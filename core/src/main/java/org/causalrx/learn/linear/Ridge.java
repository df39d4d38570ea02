package org.causalrx.learn.linear;

import java.util.Objects;
import org.causalrx.learn.Regressor;

/**
 * Weighted ridge regression (elastic net with α = 0) with λ chosen by cross-validation or fixed.
 * Use {@code new Ridge()} or {@code new Ridge(LinearSettings.defaults().withFixedLambda(0.1))}.
 *
 * @param settings path, cross-validation and solver options
 */
public record Ridge(LinearSettings settings) implements Regressor {

    /** Validates settings. */
    public Ridge {
        Objects.requireNonNull(settings, "settings");
    }

    /** Ridge with default settings (5-fold CV over 100 λ). */
    public Ridge() {
        this(LinearSettings.defaults());
    }

    @Override
    public LinearModel fit(double[][] x, double[] y, double[] w, long seed) {
        return ElasticNet.fitGaussian(name(), 0.0, settings, x, y, w, null, seed);
    }

    /** As above; the cross-validation folds that choose lambda keep rows of one group together. */
    @Override
    public LinearModel fit(double[][] x, double[] y, double[] w, int[] groups, long seed) {
        return ElasticNet.fitGaussian(name(), 0.0, settings, x, y, w, groups, seed);
    }

    /** {@code "ridge"}. */
    @Override
    public String name() {
        return "ridge";
    }
}
