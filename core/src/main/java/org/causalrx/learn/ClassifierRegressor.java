package org.causalrx.learn;

/**
 * Uses a classifier as a regressor for a 0/1 target: predictions are probabilities P(y = 1 | x).
 * This is how outcome models are fitted for binary outcomes.
 */
public record ClassifierRegressor(Classifier classifier) implements Regressor {
    @Override
    public RegressionModel fit(double[][] x, double[] y, double[] w, long seed) {
        return fit(x, y, w, null, seed);
    }

    /** As above; {@code groups} (may be null) goes to the classifier's internal splits. */
    @Override
    public RegressionModel fit(double[][] x, double[] y, double[] w, int[] groups, long seed) {
        int[] t = new int[y.length];
        for (int i = 0; i < y.length; i++) {
            if (y[i] != 0 && y[i] != 1) {
                throw new IllegalArgumentException("binary target must be 0 or 1, row " + i + " has " + y[i]);
            }
            t[i] = (int) y[i];
        }
        return new Fitted(classifier.fit(x, t, w, groups, seed));
    }

    /** The fitted classifier, predicting P(y = 1 | x). */
    public record Fitted(ProbabilityModel model) implements RegressionModel {
        @Override
        public double[] predict(double[][] x) {
            return model.predictProba(x);
        }
    }

    @Override
    public String name() {
        return classifier.name();
    }
}
