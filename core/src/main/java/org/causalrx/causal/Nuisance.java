package org.causalrx.causal;

import org.causalrx.learn.Classifier;
import org.causalrx.learn.RegressionModel;
import org.causalrx.learn.Regressor;
import org.causalrx.util.Seeds;
import org.causalrx.util.Stats;

/**
 * Out-of-fold nuisance predictions for every row: propensity e(x), arm outcomes mu0(x), mu1(x) and the
 * marginal outcome m(x) = E[Y | x], each fit on the other folds of a {@link CrossFit}.
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
        for (int f = 0; f < cf.k(); f++) {
            int[] tr = cf.trainRows(f);
            int[] ho = cf.heldOutRows(f);
            double[] p = learner.fit(Stats.select(x, tr), Stats.select(t, tr), null, CrossFit.groupsOf(groups, tr),
                    Seeds.derive(seed, f))
                    .predictProba(Stats.select(x, ho));
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
        for (int f = 0; f < cf.k(); f++) {
            int[] tr = cf.trainRows(f);
            int[] ho = cf.heldOutRows(f);
            double[] p = learner.fit(Stats.select(x, tr), Stats.select(y, tr), null, CrossFit.groupsOf(groups, tr),
                    Seeds.derive(seed, f))
                    .predict(Stats.select(x, ho));
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
        for (int f = 0; f < cf.k(); f++) {
            int[] tr = cf.trainRows(f);
            int[] ho = cf.heldOutRows(f);
            double[][] xHo = Stats.select(x, ho);
            for (int arm = 0; arm <= 1; arm++) {
                final int a = arm;
                int[] rows = java.util.Arrays.stream(tr).filter(i -> t[i] == a).toArray();
                RegressionModel m = learner.fit(Stats.select(x, rows), Stats.select(y, rows), null,
                        CrossFit.groupsOf(groups, rows), Seeds.derive(seed, 2L * f + arm));
                double[] p = m.predict(xHo);
                for (int j = 0; j < ho.length; j++) {
                    mu[arm][ho[j]] = p[j];
                }
            }
        }
        return mu;
    }
}
