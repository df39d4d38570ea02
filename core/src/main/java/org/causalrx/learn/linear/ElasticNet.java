package org.causalrx.learn.linear;

import java.util.Objects;
import org.causalrx.learn.Regressor;
import org.causalrx.util.CausalRxException;

/**
 * Weighted Gaussian elastic net with λ chosen by cross-validation (or fixed), fitted by coordinate descent.
 * Use {@code new ElasticNet(0.5)} or {@code new ElasticNet(0.5, LinearSettings.defaults().withFolds(10))}.
 *
 * @param alpha    mixing parameter in [0, 1]: 0 = ridge, 1 = lasso
 * @param settings path, cross-validation and solver options
 */
public record ElasticNet(double alpha, LinearSettings settings) implements Regressor {

    /** Validates alpha and settings. */
    public ElasticNet {
        if (!(alpha >= 0 && alpha <= 1)) {
            throw new CausalRxException("elastic net: alpha must be in [0, 1], got " + alpha);
        }
        Objects.requireNonNull(settings, "settings");
    }

    /** Elastic net with default settings. */
    public ElasticNet(double alpha) {
        this(alpha, LinearSettings.defaults());
    }

    @Override
    public LinearModel fit(double[][] x, double[] y, double[] w, long seed) {
        return fitGaussian(name(), alpha, settings, x, y, w, null, seed);
    }

    /** As above; the cross-validation folds that choose lambda keep rows of one group together. */
    @Override
    public LinearModel fit(double[][] x, double[] y, double[] w, int[] groups, long seed) {
        return fitGaussian(name(), alpha, settings, x, y, w, groups, seed);
    }

    /** {@code "elastic_net"}. */
    @Override
    public String name() {
        return "elastic_net";
    }

    static LinearModel fitGaussian(String name, double alpha, LinearSettings settings, double[][] x, double[] y,
                                   double[] w, int[] groups, long seed) {
        Inputs.features(name, x);
        double[] ww = Inputs.weights(name, w, x.length);
        Inputs.targets(name, y, x.length);
        PenalizedPath.Result r = PenalizedPath.fit(PenalizedPath.Family.GAUSSIAN, x, y, ww, groups, seed, alpha,
                settings);
        return new LinearModel(r.intercept(), r.coefficients(), r.featureSd(), r.lambda(),
                r.cvRows() == x.length ? 0 : r.cvRows());
    }
}
