package org.causalrx.causal;

import java.util.List;

import org.causalrx.learn.Classifier;
import org.causalrx.learn.RegressionModel;
import org.causalrx.learn.Regressor;
import org.causalrx.util.IndexedTasks;
import org.causalrx.util.Seeds;
import org.causalrx.util.Stats;

/**
 * Out-of-fold nuisance predictions for every row: propensity e(x), arm outcomes mu0(x), mu1(x) and the
 * marginal outcome m(x) = E[Y | x], each fit on the other folds of a {@link CrossFit}. The folds' models are fit on
 * several threads ({@link IndexedTasks}); each has its own seed and is placed by fold, so the values do not depend on
 * the thread count.
 */
public final class Nuisance {
    private Nuisance() {
    }

    /** Out-of-fold e(x), clipped to [clip, 1 − clip]. */
    public static double[] propensity(Classifier learner, double[][] x, int[] t, CrossFit cf, double clip, long seed) {
        return propensity(learner, x, t, cf, clip, null, seed);
    }

    /** As above; {@code groups} (may be null) is passed to each fold's fit for its internal splits. */
    public static double[] propensity(Classifier learner, double[][] x, int[] t, CrossFit cf, double clip,
                                      int[] groups, long seed) {
        double[] e = new double[t.length];
        List<double[]> preds = IndexedTasks.map(cf.k(), f -> {
            int[] tr = cf.trainRows(f);
            return learner.fit(Stats.select(x, tr), Stats.select(t, tr), null, CrossFit.groupsOf(groups, tr),
                    Seeds.derive(seed, f)).predictProba(Stats.select(x, cf.heldOutRows(f)));
        });
        for (int f = 0; f < cf.k(); f++) {
            int[] ho = cf.heldOutRows(f);
            double[] p = preds.get(f);
            for (int j = 0; j < ho.length; j++) {
                e[ho[j]] = Math.min(Math.max(p[j], clip), 1 - clip);
            }
        }
        return e;
    }

    /** Out-of-fold E[Y | x] fit on all arms. */
    public static double[] marginal(Regressor learner, double[][] x, double[] y, CrossFit cf, long seed) {
        return marginal(learner, x, y, cf, null, seed);
    }

    /** As above; {@code groups} (may be null) is passed to each fold's fit for its internal splits. */
    public static double[] marginal(Regressor learner, double[][] x, double[] y, CrossFit cf, int[] groups,
                                    long seed) {
        double[] m = new double[y.length];
        List<double[]> preds = IndexedTasks.map(cf.k(), f -> {
            int[] tr = cf.trainRows(f);
            return learner.fit(Stats.select(x, tr), Stats.select(y, tr), null, CrossFit.groupsOf(groups, tr),
                    Seeds.derive(seed, f)).predict(Stats.select(x, cf.heldOutRows(f)));
        });
        for (int f = 0; f < cf.k(); f++) {
            int[] ho = cf.heldOutRows(f);
            double[] p = preds.get(f);
            for (int j = 0; j < ho.length; j++) {
                m[ho[j]] = p[j];
            }
        }
        return m;
    }

    /** Out-of-fold mu0 (row 0) and mu1 (row 1) from per-arm models fit on the other folds. */
    public static double[][] armOutcomes(Regressor learner, double[][] x, int[] t, double[] y, CrossFit cf, long seed) {
        return armOutcomes(learner, x, t, y, cf, null, seed);
    }

    /** As above; {@code groups} (may be null) is passed to each arm model's fit for its internal splits. */
    public static double[][] armOutcomes(Regressor learner, double[][] x, int[] t, double[] y, CrossFit cf,
                                         int[] groups, long seed) {
        double[][] mu = new double[2][y.length];
        // task 2f + arm: the arm model of fold f (fit and held-out prediction), independent of every other task
        List<double[]> preds = IndexedTasks.map(2 * cf.k(), task -> {
            int f = task / 2;
            int arm = task % 2;
            int[] rows = java.util.Arrays.stream(cf.trainRows(f)).filter(i -> t[i] == arm).toArray();
            RegressionModel m = learner.fit(Stats.select(x, rows), Stats.select(y, rows), null,
                    CrossFit.groupsOf(groups, rows), Seeds.derive(seed, 2L * f + arm));
            return m.predict(Stats.select(x, cf.heldOutRows(f)));
        });
        for (int f = 0; f < cf.k(); f++) {
            int[] ho = cf.heldOutRows(f);
            for (int arm = 0; arm <= 1; arm++) {
                double[] p = preds.get(2 * f + arm);
                for (int j = 0; j < ho.length; j++) {
                    mu[arm][ho[j]] = p[j];
                }
            }
        }
        return mu;
    }
}
