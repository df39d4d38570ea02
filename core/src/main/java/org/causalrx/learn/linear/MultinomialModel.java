package org.causalrx.learn.linear;

import java.util.Arrays;
import org.causalrx.learn.MultiProbabilityModel;

/**
 * A fitted multinomial logistic regression, immutable: {@code P(a|x) = e^{η_a} / Σ_b e^{η_b}},
 * {@code η_a = intercepts[a] + x·coefficients[a]} (symmetric parametrisation; class 0 is the reference arm for
 * {@link #contrast(int)}).
 *
 * @param intercepts   K intercepts (sum 0)
 * @param coefficients K × p coefficients on the original feature scale (0 for constant features)
 * @param featureSd    p weighted SDs of the features in the training data (0 for constant features)
 * @param lambda       the penalty λ the model was fitted at
 * @param lambdaCvRows rows of the seeded subsample whose cross-validation chose λ (the large-n rule of the
 *                     penalised path, λ then rescaled to all rows); 0 when λ was chosen on all rows or fixed
 */
public record MultinomialModel(double[] intercepts, double[][] coefficients, double[] featureSd, double lambda,
                               int lambdaCvRows)
        implements MultiProbabilityModel {

    /** A model whose λ was chosen on all rows or fixed ({@code lambdaCvRows} 0). */
    public MultinomialModel(double[] intercepts, double[][] coefficients, double[] featureSd, double lambda) {
        this(intercepts, coefficients, featureSd, lambda, 0);
    }

    /** Copies the arrays; checks their shapes. */
    public MultinomialModel {
        if (lambdaCvRows < 0) {
            throw new IllegalArgumentException("lambdaCvRows must be >= 0, got " + lambdaCvRows);
        }
        if (intercepts.length != coefficients.length || intercepts.length < 2) {
            throw new IllegalArgumentException("multinomial model: need K >= 2 intercepts and K coefficient rows");
        }
        intercepts = intercepts.clone();
        double[][] c = new double[coefficients.length][];
        for (int a = 0; a < c.length; a++) {
            if (coefficients[a].length != featureSd.length) {
                throw new IllegalArgumentException("multinomial model: coefficient row " + a + " has "
                        + coefficients[a].length + " values for " + featureSd.length + " features");
            }
            c[a] = coefficients[a].clone();
        }
        coefficients = c;
        featureSd = featureSd.clone();
    }

    @Override
    public int classes() {
        return intercepts.length;
    }

    /** Number of features p. */
    public int featureCount() {
        return featureSd.length;
    }

    /** K intercepts (a copy). */
    @Override
    public double[] intercepts() {
        return intercepts.clone();
    }

    /** K × p coefficients (a copy). */
    @Override
    public double[][] coefficients() {
        double[][] out = new double[coefficients.length][];
        for (int a = 0; a < out.length; a++) {
            out[a] = coefficients[a].clone();
        }
        return out;
    }

    /** Weighted training SD of each feature (a copy). */
    @Override
    public double[] featureSd() {
        return featureSd.clone();
    }

    /**
     * The log-odds of arm a against arm 0, {@code log P(a|x)/P(0|x) = out[0] + Σ_j out[j+1] x_j}: p + 1 values,
     * intercept first, original feature scale.
     */
    public double[] contrast(int a) {
        int p = featureSd.length;
        double[] out = new double[p + 1];
        out[0] = intercepts[a] - intercepts[0];
        for (int j = 0; j < p; j++) {
            out[j + 1] = coefficients[a][j] - coefficients[0][j];
        }
        return out;
    }

    /** n × K linear predictors η. */
    public double[][] linearPredictors(double[][] x) {
        Inputs.predictionRows(x, featureSd.length);
        int k = intercepts.length;
        double[][] out = new double[x.length][k];
        for (int i = 0; i < x.length; i++) {
            double[] row = x[i];
            for (int a = 0; a < k; a++) {
                double s = intercepts[a];
                double[] b = coefficients[a];
                for (int j = 0; j < b.length; j++) {
                    s += b[j] * row[j];
                }
                out[i][a] = s;
            }
        }
        return out;
    }

    /** n × K probabilities by a numerically stable softmax; each row sums to 1 (up to rounding). */
    @Override
    public double[][] predictProba(double[][] x) {
        double[][] out = linearPredictors(x);
        for (double[] row : out) {
            double m = Double.NEGATIVE_INFINITY;
            for (double v : row) {
                m = Math.max(m, v);
            }
            double s = 0;
            for (int a = 0; a < row.length; a++) {
                row[a] = Math.exp(row[a] - m);
                s += row[a];
            }
            for (int a = 0; a < row.length; a++) {
                row[a] /= s;
            }
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MultinomialModel m && Arrays.equals(intercepts, m.intercepts)
                && Arrays.deepEquals(coefficients, m.coefficients) && Arrays.equals(featureSd, m.featureSd)
                && Double.compare(lambda, m.lambda) == 0;
    }

    @Override
    public int hashCode() {
        return 31 * (31 * (31 * Arrays.hashCode(intercepts) + Arrays.deepHashCode(coefficients))
                + Arrays.hashCode(featureSd)) + Double.hashCode(lambda);
    }

    @Override
    public String toString() {
        return "MultinomialModel[intercepts=" + Arrays.toString(intercepts) + ", coefficients="
                + Arrays.deepToString(coefficients) + ", lambda=" + lambda + "]";
    }
}
