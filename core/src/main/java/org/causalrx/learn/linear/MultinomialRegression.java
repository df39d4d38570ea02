package org.causalrx.learn.linear;

import java.util.Objects;
import org.causalrx.learn.MultiClassifier;
import org.causalrx.util.CausalRxException;

/**
 * Weighted penalised multinomial logistic regression (multinomial elastic net, symmetric parametrisation: every class
 * has its own penalised coefficients, intercepts unpenalised), λ chosen by cross-validated weighted multinomial
 * deviance or fixed; the K-arm generalized propensity model P(T = a | x). Features are standardised internally;
 * coefficients are reported on the original scale.
 *
 * <p>With K = 2 the model is the binary logistic model with log-odds coefficients β_1 − β_0: for the lasso
 * (α = 1) at the same λ as {@link LogisticRegression}, for ridge (α = 0) at λ/2 (the symmetric split β_1 = −β_0 =
 * β/2 halves the squared norm). Under cross-validation the two pick λ from different paths, so their fits agree
 * closely but not exactly.
 *
 * @param alpha    mixing parameter in [0, 1]: 0 = L2 (ridge), 1 = L1 (lasso)
 * @param settings path, cross-validation and solver options (shared with the binary learners)
 */
public record MultinomialRegression(double alpha, LinearSettings settings) implements MultiClassifier {

    /** Validates alpha and settings. */
    public MultinomialRegression {
        if (!(alpha >= 0 && alpha <= 1)) {
            throw new CausalRxException("multinomial regression: alpha must be in [0, 1], got " + alpha);
        }
        Objects.requireNonNull(settings, "settings");
    }

    /** L1-penalised multinomial regression with default settings; name {@code "multinomial_l1"}. */
    public static MultinomialRegression l1() {
        return new MultinomialRegression(1.0, LinearSettings.defaults());
    }

    /** L1-penalised multinomial regression with the given settings. */
    public static MultinomialRegression l1(LinearSettings settings) {
        return new MultinomialRegression(1.0, settings);
    }

    /** L2-penalised multinomial regression with default settings; name {@code "multinomial_l2"}. */
    public static MultinomialRegression l2() {
        return new MultinomialRegression(0.0, LinearSettings.defaults());
    }

    /** L2-penalised multinomial regression with the given settings. */
    public static MultinomialRegression l2(LinearSettings settings) {
        return new MultinomialRegression(0.0, settings);
    }

    /** Points of the warm-start path from λ_max that {@link #atLambda} walks to its λ. */
    public static final int FIXED_PATH_POINTS = 5;

    /**
     * This regression at exactly {@code lambda} (≥ 0): no cross-validation, warm-started along a
     * {@value #FIXED_PATH_POINTS}-point path from λ_max (the penalised fit is convex, so the path only speeds
     * convergence). For re-fits that keep a λ chosen earlier.
     */
    public MultinomialRegression atLambda(double lambda) {
        return new MultinomialRegression(alpha, settings.withFixedLambda(lambda).withNLambda(FIXED_PATH_POINTS));
    }

    @Override
    public MultinomialModel fit(double[][] x, int[] t, int k, double[] w, long seed) {
        return fit(x, t, k, w, null, seed);
    }

    /**
     * As {@link #fit(double[][], int[], int, double[], long)}; the cross-validation folds that choose λ keep rows
     * sharing an id in {@code groups} (n ids, or null) together.
     */
    public MultinomialModel fit(double[][] x, int[] t, int k, double[] w, int[] groups, long seed) {
        String name = name();
        Inputs.features(name, x);
        double[] ww = Inputs.weights(name, w, x.length);
        Inputs.classLabels(name, t, k, ww, x.length);
        MultinomialPath.Result r = MultinomialPath.fit(x, t, k, ww, groups, seed, alpha, settings);
        return new MultinomialModel(r.intercepts(), r.coefficients(), r.featureSd(), r.lambda(),
                r.cvRows() == x.length ? 0 : r.cvRows());
    }

    /** {@code "multinomial_l1"} for α = 1, {@code "multinomial_l2"} for α = 0, otherwise {@code "multinomial_enet"}. */
    @Override
    public String name() {
        return alpha == 1.0 ? "multinomial_l1" : alpha == 0.0 ? "multinomial_l2" : "multinomial_enet";
    }
}
