package org.causalrx.learn.xgb;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

/** Package-private glue between row-major double matrices and XGBoost4J. */
final class Boosters {
    private Boosters() {
    }

    static float[] flatten(double[][] x) {
        int n = x.length;
        int p = n == 0 ? 0 : x[0].length;
        float[] flat = new float[n * p];
        flatten(x, 0, n, p, flat);
        return flat;
    }

    /** Rows from..from + m − 1 of x (p columns each) as floats, row after row, into the start of {@code flat}. */
    private static void flatten(double[][] x, int from, int m, int p, float[] flat) {
        for (int i = 0; i < m; i++) {
            double[] row = x[from + i];
            int o = i * p;
            for (int j = 0; j < p; j++) {
                flat[o + j] = (float) row[j];
            }
        }
    }

    static DMatrix matrix(double[][] x) throws XGBoostError {
        int p = x.length == 0 ? 0 : x[0].length;
        return new DMatrix(flatten(x), x.length, p, Float.NaN);
    }

    static float[] toFloat(double[] v) {
        float[] f = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            f[i] = (float) v[i];
        }
        return f;
    }

    /** Trains a booster; labels and weights as given (weights may be null). */
    static Booster train(double[][] x, double[] label, double[] w, XGBoostParams p, String objective, long seed) {
        return train(x, label, w, p, objective, Map.of(), seed);
    }

    /** As above, with extra booster parameters (e.g. {@code quantile_alpha} for {@code reg:quantileerror}). */
    static Booster train(double[][] x, double[] label, double[] w, XGBoostParams p, String objective,
                         Map<String, Object> extra, long seed) {
        return train(x, label, w, null, p, objective, extra, seed);
    }

    /**
     * As above; rows sharing an id in {@code groups} (may be null) fall on one side of the early-stopping split
     * ({@link #trainEach} with one label).
     */
    static Booster train(double[][] x, double[] label, double[] w, int[] groups, XGBoostParams settings,
                         String objective, Map<String, Object> extra, long seed) {
        return trainEach(x, List.of(label), w, groups, settings, objective, extra, seed).get(0);
    }

    /**
     * The booster attribute that holds the rounds a kept early-stopping booster predicts with (it was boosted up to
     * {@code earlyStopping} rounds past them); absent: every round. Saved with the model in the bundle.
     */
    static final String BEST_ROUNDS = "causalrx_best_rounds";

    /** The rounds chosen by early stopping and, when kept, the booster of the pass (null otherwise). */
    private record Stopped(int rounds, Booster booster) {
    }

    /**
     * Boosts on {@code dTr} one round at a time, scoring {@code dVal} silently (XGBoost's own early stopping logs
     * every round), and stops after {@code p.earlyStopping()} rounds without improvement.
     */
    private static Stopped stopped(DMatrix dTr, DMatrix dVal, XGBoostParams p, String objective,
                                   Map<String, Object> extra, long seed, boolean keep) throws XGBoostError {
        Booster b = XGBoost.train(dTr, params(p, objective, extra, seed), 0, new HashMap<>(), null, null);
        DMatrix[] evalSets = {dVal};
        String[] evalNames = {"validation"};
        float[] metric = new float[1];
        double best = Double.POSITIVE_INFINITY;
        int bestRounds = 1;
        for (int iter = 0; iter < p.rounds(); iter++) {
            b.update(dTr, iter);
            b.evalSet(evalSets, evalNames, iter, metric);
            if (metric[0] < best - 1e-12) {
                best = metric[0];
                bestRounds = iter + 1;
            } else if (iter + 1 - bestRounds >= p.earlyStopping()) {
                break;
            }
        }
        if (keep) {
            b.setAttr(BEST_ROUNDS, Integer.toString(bestRounds));
            return new Stopped(bestRounds, b);
        }
        b.dispose();
        return new Stopped(bestRounds, null);
    }

    /**
     * One booster per label of {@code labels} on these rows, weights and seed; every single fit ({@link #train}) is
     * this with one label. The fit boosts with {@code settings.forRows(x.length)} (the larger learning rate and every
     * core on large training sets). With early stopping (k = {@code earlyStopping()} &gt; 0, at least 50 rows) the
     * rounds are chosen on a seeded 20 % validation split of the rows (of whole groups when {@code groups} is given,
     * so no patient's copies are on both sides), stopping after k rounds without improvement; from
     * {@code refitRows()} rows on that pass's booster is kept (validated on at most {@link #KEPT_VALIDATION_ROWS}
     * rows, marked with {@link #BEST_ROUNDS} to predict with its best rounds), below it a booster is boosted again
     * on all rows for that many rounds. Without early stopping: {@code rounds()} rounds on all rows.
     *
     * <p>The training matrices are built once for all labels: XGBoost's hist quantises a matrix (its quantile sketch
     * of every column) at the first boosting round and keeps that index with the matrix, so every later booster on
     * it skips that step. The index depends on the rows and weights only, so each booster is the same, bit for bit,
     * as one fitted alone. The sketch is the dominant first-round cost: on 400,000 × 200 rows about 11 s of one
     * core, against 0.12 s per later round.
     */
    static List<Booster> trainEach(double[][] x, List<double[]> labels, double[] w, int[] groups,
                                   XGBoostParams settings, String objective, Map<String, Object> extra, long seed) {
        if (x.length == 0) {
            throw new IllegalArgumentException("cannot fit XGBoost on zero rows");
        }
        XGBoostParams p = settings.forRows(x.length);
        Booster[] out = new Booster[labels.size()];
        int[] rounds = new int[labels.size()];
        Arrays.fill(rounds, p.rounds());
        DMatrix dTr = null;
        DMatrix dVal = null;
        DMatrix all = null;
        try {
            boolean early = p.earlyStopping() > 0 && x.length >= 50;
            boolean keep = early && x.length >= p.refitRows();
            if (early) {
                int maxVal = keep ? KEPT_VALIDATION_ROWS : Integer.MAX_VALUE;
                int[][] split = groups == null ? validationSplit(x.length, seed, maxVal)
                        : EarlyStoppingSplit.grouped(groups, seed, maxVal);
                dTr = weighted(select(x, split[1]), w == null ? null : select(w, split[1]));
                dVal = weighted(select(x, split[0]), w == null ? null : select(w, split[0]));
                for (int k = 0; k < out.length; k++) {
                    dTr.setLabel(toFloat(select(labels.get(k), split[1])));
                    dVal.setLabel(toFloat(select(labels.get(k), split[0])));
                    Stopped s = stopped(dTr, dVal, p, objective, extra, seed, keep);
                    rounds[k] = s.rounds();
                    out[k] = s.booster();
                }
                dispose(dTr, dVal);
                dTr = null;
                dVal = null;
            }
            if (!keep) {
                all = weighted(x, w);
                for (int k = 0; k < out.length; k++) {
                    all.setLabel(toFloat(labels.get(k)));
                    out[k] = XGBoost.train(all, params(p, objective, extra, seed), rounds[k], new HashMap<>(), null,
                            null);
                }
            }
            return List.of(out);
        } catch (XGBoostError e) {
            for (Booster b : out) {
                if (b != null) {
                    b.dispose();
                }
            }
            throw new IllegalStateException("XGBoost training failed: " + e.getMessage(), e);
        } finally {
            dispose(dTr, dVal, all);
        }
    }

    /** The matrix of {@code x} with weights {@code w} (may be null) and no label yet. */
    private static DMatrix weighted(double[][] x, double[] w) throws XGBoostError {
        DMatrix m = matrix(x);
        if (w != null) {
            m.setWeight(toFloat(w));
        }
        return m;
    }

    private static void dispose(DMatrix... matrices) {
        for (DMatrix m : matrices) {
            if (m != null) {
                m.dispose();
            }
        }
    }

    /**
     * Validation rows of an early-stopping pass whose booster is kept: 10,000 rows choose the round as well as the
     * 20 % would (the validation loss is a mean over 10,000 rows), and every further row goes to the booster.
     */
    static final int KEPT_VALIDATION_ROWS = 10_000;

    /** {validation rows, training rows}: a seeded 20 % (at least 10 rows) validation split. */
    static int[][] validationSplit(int n, long seed) {
        return validationSplit(n, seed, Integer.MAX_VALUE);
    }

    /** As above with at most {@code maxVal} validation rows (the same shuffle: a prefix of it). */
    static int[][] validationSplit(int n, long seed, int maxVal) {
        int[] perm = java.util.stream.IntStream.range(0, n).toArray();
        java.util.SplittableRandom rng = new java.util.SplittableRandom(seed ^ 0x5DEECE66DL);
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int tmp = perm[i];
            perm[i] = perm[j];
            perm[j] = tmp;
        }
        int nVal = Math.min(Math.max(10, n / 5), Math.max(10, maxVal));
        return new int[][] {java.util.Arrays.copyOfRange(perm, 0, nVal), java.util.Arrays.copyOfRange(perm, nVal, n)};
    }

    private static double[][] select(double[][] v, int[] idx) {
        double[][] out = new double[idx.length][];
        for (int i = 0; i < idx.length; i++) {
            out[i] = v[idx[i]];
        }
        return out;
    }

    private static double[] select(double[] v, int[] idx) {
        double[] out = new double[idx.length];
        for (int i = 0; i < idx.length; i++) {
            out[i] = v[idx[i]];
        }
        return out;
    }

    static Map<String, Object> params(XGBoostParams p, String objective, Map<String, Object> extra,
                                      long seed) {
        Map<String, Object> params = new HashMap<>(extra);
        params.put("objective", objective);
        params.put("max_depth", p.maxDepth());
        params.put("eta", p.eta());
        params.put("subsample", p.subsample());
        params.put("colsample_bytree", p.colsample());
        params.put("min_child_weight", p.minChildWeight());
        params.put("lambda", p.lambda());
        params.put("nthread", p.threads());
        params.put("tree_method", "hist");
        params.put("seed", (int) (seed ^ (seed >>> 32)) & Integer.MAX_VALUE);
        params.put("verbosity", 0);
        return params;
    }

    /** The rounds to predict with: {@link #BEST_ROUNDS} when the booster has it, else 0 (every round). */
    static int roundLimit(Booster booster) throws XGBoostError {
        String best = booster.getAttr(BEST_ROUNDS);
        return best == null ? 0 : Integer.parseInt(best);
    }

    /** XGBoost's float prediction rows as doubles, value by value. */
    static double[][] toDouble(float[][] out) {
        double[][] res = new double[out.length][];
        for (int i = 0; i < out.length; i++) {
            res[i] = new double[out[i].length];
            for (int j = 0; j < out[i].length; j++) {
                res[i][j] = out[i][j];
            }
        }
        return res;
    }

    /**
     * The n × m predictions of the rows of {@code x} (n &gt; 0), transformed by the objective (m = 1, or K for
     * {@code multi:softprob}), by XGBoost's in-place prediction from the dense floats, NaN missing as in
     * {@link #matrix}: no {@link DMatrix} is built (its single-threaded conversion of the rows into a sparse page was
     * over a third of a prediction's time on 200,000 × 200 rows and 300 depth-3 trees). The iteration range
     * [0, {@link #roundLimit}) counts boosting rounds, each of K trees for {@code multi:softprob} ([0, 0): every
     * round), as the tree limit of {@code Booster.predict} does with one tree per class and round: the values are the
     * same bits as {@code booster.predict(matrix(x), false, roundLimit(booster))} for every objective the project
     * uses, with and without {@link #BEST_ROUNDS}, on any {@code nthread} (InplacePredictTest). Synchronised on the
     * booster, as {@code Booster.predict} is (XGBoost4J does not lock {@code inplace_predict}).
     */
    private static float[][] predictDense(Booster booster, double[][] x) throws XGBoostError {
        return predictDense(booster, x, PREDICT_CHUNK);
    }

    /**
     * Rows converted to float and predicted at a time: a chunk's float copy (8,192 × p) stays in cache and is
     * reused, instead of one n × p copy per prediction. Each row's prediction depends on that row alone, so the
     * chunking does not change any value (InplacePredictTest).
     */
    static final int PREDICT_CHUNK = 8_192;

    /** As {@link #predictDense(Booster, double[][])}, {@code chunk} rows at a time. */
    static float[][] predictDense(Booster booster, double[][] x, int chunk) throws XGBoostError {
        int n = x.length;
        int p = x[0].length;
        synchronized (booster) {
            int[] range = {0, roundLimit(booster)};
            if (n <= chunk) {
                return booster.inplace_predict(flatten(x), n, p, Float.NaN, range, Booster.PredictionType.kValue,
                        null);
            }
            float[][] out = new float[n][];
            float[] flat = new float[chunk * p];
            for (int from = 0; from < n; from += chunk) {
                int m = Math.min(chunk, n - from);
                float[] buf = m == chunk ? flat : new float[m * p];
                flatten(x, from, m, p, buf);
                float[][] part = booster.inplace_predict(buf, m, p, Float.NaN, range, Booster.PredictionType.kValue,
                        null);
                System.arraycopy(part, 0, out, from, m);
            }
            return out;
        }
    }

    /**
     * Predictions (transformed by the objective: probabilities for binary:logistic), in-place
     * ({@link #predictDense}).
     */
    static double[] predict(Booster booster, double[][] x) {
        if (x.length == 0) {
            return new double[0];
        }
        try {
            float[][] out = predictDense(booster, x);
            double[] pred = new double[x.length];
            for (int i = 0; i < pred.length; i++) {
                pred[i] = out[i][0];
            }
            return pred;
        } catch (XGBoostError e) {
            throw new IllegalStateException("XGBoost prediction failed: " + e.getMessage(), e);
        }
    }

    /**
     * n × m prediction rows (m = K class probabilities for multi:softprob), in double; in-place
     * ({@link #predictDense}).
     */
    static double[][] predictRows(Booster booster, double[][] x) {
        if (x.length == 0) {
            return new double[0][];
        }
        try {
            float[][] out = predictDense(booster, x);
            return toDouble(out);
        } catch (XGBoostError e) {
            throw new IllegalStateException("XGBoost prediction failed: " + e.getMessage(), e);
        }
    }

    /**
     * SHAP contributions: n × (p + 1), the last column is the bias. On a {@link DMatrix}: XGBoost's in-place
     * prediction does not compute contributions.
     */
    static double[][] contributions(Booster booster, double[][] x) {
        DMatrix m = null;
        try {
            m = matrix(x);
            float[][] out;
            synchronized (booster) {
                out = booster.predictContrib(m, roundLimit(booster));
            }
            return toDouble(out);
        } catch (XGBoostError e) {
            throw new IllegalStateException("XGBoost SHAP failed: " + e.getMessage(), e);
        } finally {
            if (m != null) {
                m.dispose();
            }
        }
    }
}
