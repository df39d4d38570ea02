package org.causalrx.learn.xgb;

import java.util.Map;
import ml.dmlc.xgboost4j.java.Booster;
import org.causalrx.learn.MultiClassifier;
import org.causalrx.learn.MultiProbabilityModel;

/**
 * Gradient-boosted trees for a K-class label (XGBoost {@code multi:softprob}: one tree per class per round, softmax
 * of the K scores), e.g. the generalized propensity P(T = a | x). Same settings, seeding, thread count and
 * early-stopping split (on the multiclass log loss) as {@link XGBoostClassifier}; a fit is deterministic given the
 * seed. A class absent from the labels is allowed: it gets a small probability everywhere.
 */
public record XGBoostSoftprobClassifier(XGBoostParams params) implements MultiClassifier {
    /** With {@link XGBoostParams#defaults()}. */
    public XGBoostSoftprobClassifier() {
        this(XGBoostParams.defaults());
    }

    @Override
    public Model fit(double[][] x, int[] t, int k, double[] w, long seed) {
        return fit(x, t, k, w, null, seed);
    }

    /**
     * As {@link #fit(double[][], int[], int, double[], long)}; the early-stopping validation split keeps rows sharing
     * an id in {@code groups} (n ids, or null) together.
     */
    public Model fit(double[][] x, int[] t, int k, double[] w, int[] groups, long seed) {
        if (k < 2) {
            throw new IllegalArgumentException("xgboost_softprob needs at least 2 classes, got " + k);
        }
        if (t.length != x.length) {
            throw new IllegalArgumentException("xgboost_softprob: " + t.length + " labels for " + x.length + " rows");
        }
        double[] label = new double[t.length];
        for (int i = 0; i < t.length; i++) {
            if (t[i] < 0 || t[i] >= k) {
                throw new IllegalArgumentException("label must be in 0.." + (k - 1) + ", row " + i + " has " + t[i]);
            }
            label[i] = t[i];
        }
        Booster b = Boosters.train(x, label, w, groups, params, "multi:softprob", Map.of("num_class", k), seed);
        return new Model(b, k);
    }

    @Override
    public String name() {
        return "xgboost_softprob";
    }

    /** A fitted booster returning the n × K class probabilities. */
    public static final class Model implements MultiProbabilityModel {
        private final Booster booster;
        private final int classes;

        Model(Booster booster, int classes) {
            this.booster = booster;
            this.classes = classes;
        }

        /** The booster, for {@link BoosterFiles}. */
        Booster booster() {
            return booster;
        }

        @Override
        public int classes() {
            return classes;
        }

        /** n × K probabilities; XGBoost's single-precision softmax, renormalised in double so rows sum to 1. */
        @Override
        public double[][] predictProba(double[][] x) {
            double[][] out = Boosters.predictRows(booster, x);
            for (double[] row : out) {
                if (row.length != classes) {
                    throw new IllegalStateException("XGBoost returned " + row.length + " values per row, expected "
                            + classes);
                }
                double s = 0;
                for (double v : row) {
                    s += v;
                }
                for (int a = 0; a < row.length; a++) {
                    row[a] /= s;
                }
            }
            return out;
        }
    }
}
