package org.causalrx.learn.linear;

import java.util.Arrays;
import org.causalrx.learn.ProbabilityModel;

/**
 * A fitted logistic regression {@code P(t=1|x) = 1 / (1 + exp(−(intercept + x·coefficients)))}, immutable.
 *
 * @param intercept    intercept (log-odds scale)
 * @param coefficients coefficients on the original feature scale (0 for constant features)
 * @param featureSd    weighted SD of each feature in the training data (0 for constant features)
 * @param lambda       the penalty λ the model was fitted at
 * @param lambdaCvRows rows of the seeded subsample whose cross-validation chose λ (the large-n rule of the
 *                     penalised path, λ then rescaled to all rows); 0 when λ was chosen on all rows or fixed
 */
public record LogisticModel(double intercept, double[] coefficients, double[] featureSd, double lambda,
                            int lambdaCvRows)
        implements ProbabilityModel {
    /** Predicted probabilities are clamped to [PROBA_MIN, 1 − PROBA_MIN], strictly inside (0, 1). */
    public static final double PROBA_MIN = 1e-15;

    /** A model whose λ was chosen on all rows or fixed ({@code lambdaCvRows} 0). */
    public LogisticModel(double intercept, double[] coefficients, double[] featureSd, double lambda) {
        this(intercept, coefficients, featureSd, lambda, 0);
    }

    /** Copies the arrays; they must have the same length. */
    public LogisticModel {
        if (coefficients.length != featureSd.length) {
            throw new IllegalArgumentException("coefficients and featureSd differ in length");
        }
        if (lambdaCvRows < 0) {
            throw new IllegalArgumentException("lambdaCvRows must be >= 0, got " + lambdaCvRows);
        }
        coefficients = coefficients.clone();
        featureSd = featureSd.clone();
    }

    /** Coefficients on the original feature scale (a copy). */
    @Override
    public double[] coefficients() {
        return coefficients.clone();
    }

    /** Weighted training SD of each feature (a copy). */
    @Override
    public double[] featureSd() {
        return featureSd.clone();
    }

    /** Coefficient × feature SD: log-odds change per one-SD change of the feature (for reporting). */
    public double[] standardizedCoefficients() {
        double[] out = new double[coefficients.length];
        for (int j = 0; j < out.length; j++) {
            out[j] = coefficients[j] * featureSd[j];
        }
        return out;
    }

    /** Number of features the model was fitted with. */
    public int featureCount() {
        return coefficients.length;
    }

    /** Linear predictor (log-odds) for each row. */
    public double[] logOdds(double[][] x) {
        Inputs.predictionRows(x, coefficients.length);
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            double s = intercept;
            double[] row = x[i];
            for (int j = 0; j < coefficients.length; j++) {
                s += coefficients[j] * row[j];
            }
            out[i] = s;
        }
        return out;
    }

    @Override
    public double[] predictProba(double[][] x) {
        double[] out = logOdds(x);
        for (int i = 0; i < out.length; i++) {
            out[i] = Math.min(Math.max(LogisticSolver.sigmoid(out[i]), PROBA_MIN), 1 - PROBA_MIN);
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LogisticModel m && Double.compare(intercept, m.intercept) == 0
                && Arrays.equals(coefficients, m.coefficients) && Arrays.equals(featureSd, m.featureSd)
                && Double.compare(lambda, m.lambda) == 0;
    }

    @Override
    public int hashCode() {
        return 31 * (31 * (31 * Double.hashCode(intercept) + Arrays.hashCode(coefficients))
                + Arrays.hashCode(featureSd)) + Double.hashCode(lambda);
    }

    @Override
    public String toString() {
        return "LogisticModel[intercept=" + intercept + ", coefficients=" + Arrays.toString(coefficients)
                + ", lambda=" + lambda + "]";
    }
}
