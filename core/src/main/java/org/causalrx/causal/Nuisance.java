package org.causalrx.causal;

import java.util.List;

import org.causalrx.learn.Classifier;
import org.causalrx.learn.ProbabilityModel;
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
        return clipped(propensityFit(learner, x, t, cf, groups, seed).e(), clip);
    }

    /**
     * Out-of-fold propensities, not clipped, and the fold models behind them.
     *
     * @param e      out-of-fold P(T = 1 | x) per row, as the fold models predicted it (not clipped)
     * @param models fold f's propensity model at entry f
     */
    public record PropensityFit(double[] e, List<ProbabilityModel> models) {
        public PropensityFit {
            models = List.copyOf(models);
        }
    }

    /**
     * As {@link #propensity(Classifier, double[][], int[], CrossFit, double, int[], long)}, not clipped, with the fold
     * models (the same fits: clipping these values gives that method's).
     */
    public static PropensityFit propensityFit(Classifier learner, double[][] x, int[] t, CrossFit cf, int[] groups,
                                              long seed) {
        double[] e = new double[t.length];
        List<FoldPropensity> fits = IndexedTasks.map(cf.k(), f -> {
            int[] tr = cf.trainRows(f);
            ProbabilityModel m = learner.fit(Stats.select(x, tr), Stats.select(t, tr), null,
                    CrossFit.groupsOf(groups, tr), Seeds.derive(seed, f));
            return new FoldPropensity(m, m.predictProba(Stats.select(x, cf.heldOutRows(f))));
        });
        for (int f = 0; f < cf.k(); f++) {
            int[] ho = cf.heldOutRows(f);
            double[] p = fits.get(f).held();
            for (int j = 0; j < ho.length; j++) {
                e[ho[j]] = p[j];
            }
        }
        return new PropensityFit(e, fits.stream().map(FoldPropensity::model).toList());
    }

    /** One fold's propensity model and its held-out predictions. */
    private record FoldPropensity(ProbabilityModel model, double[] held) {
    }

    /** A copy of {@code e} clipped to [clip, 1 − clip]. */
    public static double[] clipped(double[] e, double clip) {
        double[] out = new double[e.length];
        for (int i = 0; i < e.length; i++) {
            out[i] = Math.min(Math.max(e[i], clip), 1 - clip);
        }
        return out;
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
        return armOutcomeFit(learner, x, t, y, cf, groups, seed).mu();
    }

    /**
     * Out-of-fold arm outcomes and the fold models behind them.
     *
     * @param mu     row 0 mu_0, row 1 mu_1, one value per row
     * @param models fold f's arm a model at entry 2f + a
     */
    public record ArmOutcomeFit(double[][] mu, List<RegressionModel> models) {
        public ArmOutcomeFit {
            models = List.copyOf(models);
        }
    }

    /** As {@link #armOutcomes(Regressor, double[][], int[], double[], CrossFit, int[], long)}, with the fold models. */
    public static ArmOutcomeFit armOutcomeFit(Regressor learner, double[][] x, int[] t, double[] y, CrossFit cf,
                                              int[] groups, long seed) {
        double[][] mu = new double[2][y.length];
        // task 2f + arm: the arm model of fold f (fit and held-out prediction), independent of every other task
        List<ArmFit> fits = IndexedTasks.map(2 * cf.k(), task -> {
            int f = task / 2;
            int arm = task % 2;
            int[] rows = java.util.Arrays.stream(cf.trainRows(f)).filter(i -> t[i] == arm).toArray();
            RegressionModel m = learner.fit(Stats.select(x, rows), Stats.select(y, rows), null,
                    CrossFit.groupsOf(groups, rows), Seeds.derive(seed, 2L * f + arm));
            return new ArmFit(m, m.predict(Stats.select(x, cf.heldOutRows(f))));
        });
        for (int f = 0; f < cf.k(); f++) {
            int[] ho = cf.heldOutRows(f);
            for (int arm = 0; arm <= 1; arm++) {
                double[] p = fits.get(2 * f + arm).held();
                for (int j = 0; j < ho.length; j++) {
                    mu[arm][ho[j]] = p[j];
                }
            }
        }
        return new ArmOutcomeFit(mu, fits.stream().map(ArmFit::model).toList());
    }

    /** One arm model and its held-out predictions. */
    private record ArmFit(RegressionModel model, double[] held) {
    }
}
