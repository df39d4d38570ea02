package org.causalrx.learn.linear;

import java.util.Objects;
import org.causalrx.learn.Classifier;
import org.causalrx.util.CausalRxException;

/**
 * Weighted penalised logistic regression (binomial elastic net) with λ chosen by cross-validated weighted deviance
 * or fixed. Use {@code LogisticRegression.l1()}, {@code LogisticRegression.l2()}, or
 * {@code LogisticRegression.l2(LinearSettings.nearlyUnpenalized())}.
 *
 * @param alpha    mixing parameter in [0, 1]: 0 = L2 (ridge), 1 = L1 (lasso)
 * @param settings path, cross-validation and solver options
 */
public record LogisticRegression(double alpha, LinearSettings settings) implements Classifier {

    /** Validates alpha and settings. */
    public LogisticRegression {
        if (!(alpha >= 0 && alpha <= 1)) {
            throw new CausalRxException("logistic regression: alpha must be in [0, 1], got " + alpha);
        }
        Objects.requireNonNull(settings, "settings");
    }

    /** L1-penalised logistic regression with default settings; name {@code "l1_logistic"}. */
    public static LogisticRegression l1() {
        return l1(LinearSettings.defaults());
    }

    /** L1-penalised logistic regression with the given settings. */
    public static LogisticRegression l1(LinearSettings settings) {
        return new LogisticRegression(1.0, settings);
    }

    /** L2-penalised logistic regression with default settings; name {@code "l2_logistic"}. */
    public static LogisticRegression l2() {
        return l2(LinearSettings.defaults());
    }

    /** L2-penalised logistic regression with the given settings. */
    public static LogisticRegression l2(LinearSettings settings) {
        return new LogisticRegression(0.0, settings);
    }

    /** Points of the warm-start path from λ_max that {@link #atLambda} walks to its λ. */
    public static final int FIXED_PATH_POINTS = 5;

    /**
     * This regression at exactly {@code lambda} (≥ 0): no cross-validation, warm-started along a
     * {@value #FIXED_PATH_POINTS}-point path from λ_max (the penalised fit is convex, so the path only speeds
     * convergence). For re-fits that keep a λ chosen earlier; same name.
     */
    public LogisticRegression atLambda(double lambda) {
        return new LogisticRegression(alpha, settings.withFixedLambda(lambda).withNLambda(FIXED_PATH_POINTS));
    }

    @Override
    public LogisticModel fit(double[][] x, int[] t, double[] w, long seed) {
        return fit(x, t, w, null, seed);
    }

    /** As above; the cross-validation folds that choose lambda keep rows of one group together. */
    @Override
    public LogisticModel fit(double[][] x, int[] t, double[] w, int[] groups, long seed) {
        String name = name();
        Inputs.features(name, x);
        double[] ww = Inputs.weights(name, w, x.length);
        double[] labels = Inputs.labels(name, t, ww, x.length);
        PenalizedPath.Result r = PenalizedPath.fit(PenalizedPath.Family.BINOMIAL, x, labels, ww, groups, seed,
                alpha, settings);
        return new LogisticModel(r.intercept(), r.coefficients(), r.featureSd(), r.lambda(),
                r.cvRows() == x.length ? 0 : r.cvRows());
    }

    /** {@code "l1_logistic"} for α = 1, {@code "l2_logistic"} for α = 0, otherwise {@code "enet_logistic"}. */
    @Override
    public String name() {
        return alpha == 1.0 ? "l1_logistic" : alpha == 0.0 ? "l2_logistic" : "enet_logistic";
    }
}
