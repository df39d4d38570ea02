package org.causalrx.learn;

import java.util.ArrayList;
import java.util.List;

import org.causalrx.util.Seeds;

/**
 * A K-class classifier built from a binary one. For K ≥ 3, one binary model per class a (label 1{t = a}, the rest
 * 0, seed {@code Seeds.derive(seed, a)}), and P(a | x) is its probability divided by the sum over the K models
 * (rows whose K probabilities are all 0 get 1/K each). For K = 2 the single model of class 1 against class 0 is
 * fit with the caller's seed, so P(1 | x) is exactly the binary classifier's own output and P(0 | x) = 1 − P(1 | x).
 *
 * @param binary the binary learner used for every class
 */
public record OneVsRest(Classifier binary) implements MultiClassifier {

    /**
     * @param x n × p features (not modified); t n labels in 0..k−1, every class present; w weights or null
     */
    @Override
    public Fitted fit(double[][] x, int[] t, int k, double[] w, long seed) {
        if (k < 2) {
            throw new IllegalArgumentException("one-vs-rest needs at least 2 classes, got " + k);
        }
        int[] count = new int[k];
        for (int i = 0; i < t.length; i++) {
            if (t[i] < 0 || t[i] >= k) {
                throw new IllegalArgumentException("row " + i + " has class " + t[i] + ", outside 0.." + (k - 1));
            }
            count[t[i]]++;
        }
        for (int a = 0; a < k; a++) {
            if (count[a] == 0) {
                throw new IllegalArgumentException("one-vs-rest needs rows of every class; class " + a + " has none");
            }
        }
        if (k == 2) {
            return new Fitted(List.of(binary.fit(x, t, w, seed)), 2);
        }
        List<ProbabilityModel> models = new ArrayList<>();
        for (int a = 0; a < k; a++) {
            int[] label = new int[t.length];
            for (int i = 0; i < t.length; i++) {
                label[i] = t[i] == a ? 1 : 0;
            }
            models.add(binary.fit(x, label, w, Seeds.derive(seed, a)));
        }
        return new Fitted(models, k);
    }

    @Override
    public String name() {
        return binary.name() + "_ovr";
    }

    /**
     * The fitted models: for K = 2 one model of class 1 against class 0; for K ≥ 3 one model per class against
     * the rest, normalised per row.
     *
     * @param models  1 model (K = 2) or K models
     * @param classes K
     */
    public record Fitted(List<ProbabilityModel> models, int classes) implements MultiProbabilityModel {
        public Fitted {
            models = List.copyOf(models);
            if (models.size() != (classes == 2 ? 1 : classes)) {
                throw new IllegalArgumentException(models.size() + " models for " + classes + " classes");
            }
        }

        /** n × K probabilities; each row sums to 1 (up to rounding). */
        @Override
        public double[][] predictProba(double[][] x) {
            double[][] out = new double[x.length][classes];
            if (classes == 2) {
                double[] p = models.get(0).predictProba(x);
                for (int i = 0; i < x.length; i++) {
                    out[i][0] = 1 - p[i];
                    out[i][1] = p[i];
                }
                return out;
            }
            for (int a = 0; a < classes; a++) {
                double[] p = models.get(a).predictProba(x);
                for (int i = 0; i < x.length; i++) {
                    out[i][a] = p[i];
                }
            }
            for (double[] row : out) {
                double sum = 0;
                for (double v : row) {
                    sum += v;
                }
                for (int a = 0; a < classes; a++) {
                    row[a] = sum > 0 ? row[a] / sum : 1.0 / classes;
                }
            }
            return out;
        }
    }
}
