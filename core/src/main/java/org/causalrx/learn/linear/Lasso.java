package org.causalrx.learn.linear;

import java.util.Objects;
import org.causalrx.learn.Regressor;

/**
 * Weighted lasso regression (elastic net with α = 1) with λ chosen by cross-validation or fixed.
 * Use {@code new Lasso()} or {@code new Lasso(LinearSettings.defaults().withOneStandardErrorRule(true))}.
 *
 * @param settings path, cross-validation and solver options
 */
public record Lasso(LinearSettings settings) implements Regressor {

    /** Validates settings. */
    public Lasso {
        Objects.requireNonNull(settings, "settings");
    }

    /** Lasso with default settings (5-fold CV over 100 λ). */
    public Lasso() {
        this(LinearSettings.defaults());
    }

    @Override
    public LinearModel fit(double[][] x, double[] y, double[] w, long seed) {
        return ElasticNet.fitGaussian(name(), 1.0, settings, x, y, w, null, seed);
    }

    /** As above; the cross-validation folds that choose lambda keep rows of one group together. */
    @Override
    public LinearModel fit(double[][] x, double[] y, double[] w, int[] groups, long seed) {
        return ElasticNet.fitGaussian(name(), 1.0, settings, x, y, w, groups, seed);
    }

    /** {@code "lasso"}. */
    @Override
    public String name() {
        return "lasso";
    }
}
