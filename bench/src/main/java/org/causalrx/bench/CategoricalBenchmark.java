package org.causalrx.bench;

import java.util.ArrayList;
import java.util.List;

import org.causalrx.causal.CateEstimator;
import org.causalrx.causal.CategoricalCateModel;
import org.causalrx.causal.diagnostics.NnPehe;
import org.causalrx.data.SplitIndices;
import org.causalrx.data.Splits;
import org.causalrx.learn.linear.LogisticRegression;
import org.causalrx.nn.CategoricalSimulation;
import org.causalrx.nn.DragonNet;
import org.causalrx.nn.NnSettings;
import org.causalrx.nn.NnSettings.OutcomeType;
import org.causalrx.nn.TarNet;
import org.causalrx.nn.XMultiTask;
import org.causalrx.util.Seeds;
import org.causalrx.util.Stats;

/**
 * Categorical-outcome benchmark: a K-class outcome with known per-class effects ({@link CategoricalSimulation})
 * over real covariates; per replication a seeded 80/20 arm-stratified split, the neural estimators fitted on
 * the training rows, and on the test rows the true PEHE (against the simulated class-probability effects) beside
 * NN-PEHE (nearest-neighbour pseudo-effects, {@link NnPehe}, bootstrap 95 % CI), per class and overall
 * (expected class value). Two reference rows come first: {@code true_effects} (the truth scored by NN-PEHE: the
 * proxy's noise floor, what a perfect estimator would score) and {@code zero_effects} (predicting no effect: its
 * true PEHE is the size of the effects). Computes; does not print.
 */
public final class CategoricalBenchmark {
    /** Bootstrap rounds for the NN-PEHE intervals. */
    public static final int ROUNDS = 500;

    private CategoricalBenchmark() {
    }

    /**
     * One estimator on one replication; arrays are per class, then the overall value is separate.
     *
     * @param truePehe     sqrt-PEHE per class against the true class effects (test rows)
     * @param nnPehe       NN-PEHE per class (test rows)
     * @param nnLow        bootstrap 2.5 % per class
     * @param nnHigh       bootstrap 97.5 % per class
     * @param truePeheAll  sqrt-PEHE of the overall effect (difference in expected class value)
     * @param nnPeheAll    NN-PEHE of the overall effect, with {@code nnLowAll}, {@code nnHighAll}
     * @param fitSeconds   wall time of the fit
     */
    public record Row(String estimator, int rep, double[] truePehe, double[] nnPehe, double[] nnLow, double[] nnHigh,
                      double truePeheAll, double nnPeheAll, double nnLowAll, double nnHighAll, double fitSeconds) {
    }

    /** The estimators compared, with default settings for a categorical outcome. */
    public static List<CateEstimator> estimators() {
        return estimators(NnSettings.defaults());
    }

    /** The estimators compared, with {@code settings} (smaller nets for tests) told the outcome is categorical. */
    public static List<CateEstimator> estimators(NnSettings settings) {
        NnSettings s = settings.withOutcome(OutcomeType.CATEGORICAL);
        return List.of(new TarNet(s), new DragonNet(s, 1, 1), new XMultiTask(s, LogisticRegression.l2(),
                XMultiTask.CLIP, true));
    }

    /** As below with the default {@link #estimators()}. */
    public static List<Row> run(double[][] x, int[] drivers, int classes, int rep) {
        return run(x, drivers, classes, rep, estimators());
    }

    /**
     * @param x          n × p encoded covariates
     * @param drivers    the three columns driving risk, effect and treatment
     * @param classes    K
     * @param rep        replication (seeds the simulation, split and fits)
     * @param estimators fitted in order after the two reference rows; each must return a
     *                   {@link CategoricalCateModel} with K classes
     */
    public static List<Row> run(double[][] x, int[] drivers, int classes, int rep, List<CateEstimator> estimators) {
        long seed = Seeds.derive(rep, "bench-categorical");
        CategoricalSimulation.Data d = CategoricalSimulation.simulate(x, drivers, classes, Seeds.derive(seed, "sim"));
        SplitIndices split = Splits.stratified(d.t(), 0.8, 0, 0.2, Seeds.derive(seed, "split"));
        int[] tr = split.train();
        int[] te = split.test();
        double[][] xTr = Stats.select(x, tr);
        double[][] xTe = Stats.select(x, te);
        int[] tTe = Stats.select(d.t(), te);
        double[] yTe = Stats.select(d.y(), te);
        int[] yClass = new int[yTe.length];
        for (int i = 0; i < yClass.length; i++) {
            yClass[i] = (int) yTe[i];
        }
        double[][] truth = Stats.select(d.classEffects(), te);
        List<Row> rows = new ArrayList<>();
        rows.add(score("true_effects", rep, truth, truth, xTe, tTe, yClass, classes, seed, 0));
        rows.add(score("zero_effects", rep, new double[te.length][classes], truth, xTe, tTe, yClass, classes, seed,
                0));
        for (CateEstimator est : estimators) {
            long t0 = System.nanoTime();
            CategoricalCateModel m = (CategoricalCateModel) est.fit(xTr, Stats.select(d.t(), tr),
                    Stats.select(d.y(), tr), Seeds.derive(seed, est.name()));
            double sec = (System.nanoTime() - t0) / 1e9;
            rows.add(score(est.name(), rep, m.classEffects(xTe), truth, xTe, tTe, yClass, classes, seed, sec));
        }
        return rows;
    }

    private static Row score(String name, int rep, double[][] est, double[][] truth, double[][] xTe, int[] tTe,
                             int[] yClass, int classes, long seed, double sec) {
        NnPehe.ClassResult nn = NnPehe.computeByClass(xTe, tTe, yClass, classes, est, Seeds.derive(seed, "nn-pehe"),
                ROUNDS);
        double[] truePehe = new double[classes];
        double[] nnP = new double[classes];
        double[] lo = new double[classes];
        double[] hi = new double[classes];
        double allSq = 0;
        for (int k = 0; k < classes; k++) {
            double sq = 0;
            for (int i = 0; i < est.length; i++) {
                sq += (est[i][k] - truth[i][k]) * (est[i][k] - truth[i][k]);
            }
            truePehe[k] = Math.sqrt(sq / est.length);
            nnP[k] = nn.perClass().get(k).pehe();
            lo[k] = nn.perClass().get(k).ciLow();
            hi[k] = nn.perClass().get(k).ciHigh();
        }
        for (int i = 0; i < est.length; i++) {
            double e = 0;
            double t = 0;
            for (int k = 0; k < classes; k++) {
                e += k * est[i][k];
                t += k * truth[i][k];
            }
            allSq += (e - t) * (e - t);
        }
        return new Row(name, rep, truePehe, nnP, lo, hi, Math.sqrt(allSq / est.length), nn.overall().pehe(),
                nn.overall().ciLow(), nn.overall().ciHigh(), sec);
    }
}
