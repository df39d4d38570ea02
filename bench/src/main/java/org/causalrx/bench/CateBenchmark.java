package org.causalrx.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.causalrx.bench.data.BenchmarkData;
import org.causalrx.causal.CateModel;
import org.causalrx.causal.Ensembles;
import org.causalrx.causal.diagnostics.NnPehe;
import org.causalrx.data.SplitIndices;
import org.causalrx.data.Splits;
import org.causalrx.pipeline.Estimators;
import org.causalrx.util.Seeds;
import org.causalrx.util.Stats;

/**
 * Holds CATE estimators against known truth: per data set a seeded train/test split, fit on train only,
 * sqrt-PEHE and ATE error within sample (train) and out of sample (test). Computes; does not print.
 */
public final class CateBenchmark {
    private CateBenchmark() {
    }

    /**
     * One CSV row: {@code estimator,rep,sqrt_pehe_in,sqrt_pehe_out,ate_err_in,ate_err_out,fit_seconds,nn_pehe_out}.
     *
     * @param nnPeheOut NN-PEHE on the test rows ({@link NnPehe}: pseudo-effects from the nearest neighbour in the
     *                  other arm, factual outcomes only), to set beside the true {@code sqrtPeheOut}
     */
    public record Row(String estimator, int rep, double sqrtPeheIn, double sqrtPeheOut, double ateErrIn,
                      double ateErrOut, double fitSeconds, double nnPeheOut) {
    }

    /** Progress per fitted estimator: (data set, estimator). */
    public interface Listener {
        void fitted(String data, Row row);
    }

    /**
     * @param data       the data set
     * @param rep        replication / setting number (also the split seed)
     * @param testShare  share of rows held out (0.1 for the customary IHDP protocol)
     * @param registry   the estimator registry (default settings are used)
     * @param estimators names from {@code registry}, or ensembles
     */
    public static List<Row> run(org.causalrx.estimators.EstimatorRegistry registry, BenchmarkData data, int rep,
                                double testShare, List<String> estimators,
                                Listener listener) {
        SplitIndices split = Splits.stratified(data.t(), 1 - testShare, 0, testShare, rep);
        int[] train = split.train();
        int[] test = split.test();
        double[][] xTr = Stats.select(data.x(), train);
        double[][] xTe = Stats.select(data.x(), test);
        int[] tTr = Stats.select(data.t(), train);
        double[] yTr = Stats.select(data.y(), train);
        double[] tau = data.trueEffect();
        double[] tauTr = Stats.select(tau, train);
        double[] tauTe = Stats.select(tau, test);
        int[] tTe = Stats.select(data.t(), test);
        double[] pseudoTe = NnPehe.pseudoEffects(tTe, Stats.select(data.y(), test), NnPehe.neighbours(xTe, tTe));

        List<String> singles = new ArrayList<>();
        for (String e : estimators) {
            if (Estimators.isEnsemble(e)) {
                for (String m : Estimators.ENSEMBLE_MEMBERS) {
                    if (!singles.contains(m)) {
                        singles.add(m);
                    }
                }
            } else if (!singles.contains(e)) {
                singles.add(e);
            }
        }
        Map<String, CateModel> fitted = new LinkedHashMap<>();
        Map<String, Double> seconds = new LinkedHashMap<>();
        List<Row> rows = new ArrayList<>();
        long seed = Seeds.derive(rep, "bench");
        for (String name : singles) {
            long t0 = System.nanoTime();
            CateModel m = registry.create(name).fit(xTr, tTr, yTr, Seeds.derive(seed, name));
            double sec = (System.nanoTime() - t0) / 1e9;
            fitted.put(name, m);
            seconds.put(name, sec);
            if (estimators.contains(name)) {
                Row r = row(name, rep, m, xTr, xTe, tauTr, tauTe, pseudoTe, sec);
                rows.add(r);
                listener.fitted(data.name(), r);
            }
        }
        for (String e : estimators) {
            if (Estimators.isEnsemble(e)) {
                List<CateModel> members = Estimators.ENSEMBLE_MEMBERS.stream().map(fitted::get).toList();
                double sec = Estimators.ENSEMBLE_MEMBERS.stream().mapToDouble(seconds::get).sum();
                Row r = row(e, rep, Ensembles.combineFitted(members, e.equals("majority")), xTr, xTe, tauTr, tauTe,
                        pseudoTe, sec);
                rows.add(r);
                listener.fitted(data.name(), r);
            }
        }
        List<Row> ordered = new ArrayList<>();
        for (String e : estimators) {
            rows.stream().filter(r -> r.estimator().equals(e)).forEach(ordered::add);
        }
        return ordered;
    }

    private static Row row(String name, int rep, CateModel m, double[][] xTr, double[][] xTe, double[] tauTr,
                           double[] tauTe, double[] pseudoTe, double sec) {
        double[] hIn = m.effect(xTr);
        double[] hOut = m.effect(xTe);
        return new Row(name, rep, sqrtPehe(hIn, tauTr), sqrtPehe(hOut, tauTe),
                Math.abs(Stats.mean(hIn) - Stats.mean(tauTr)), Math.abs(Stats.mean(hOut) - Stats.mean(tauTe)), sec,
                NnPehe.fromPseudo(pseudoTe, hOut, 0L, 0).pehe());
    }

    /** sqrt(mean (tauHat − tau)²). */
    public static double sqrtPehe(double[] tauHat, double[] tau) {
        double s = 0;
        for (int i = 0; i < tau.length; i++) {
            s += (tauHat[i] - tau[i]) * (tauHat[i] - tau[i]);
        }
        return Math.sqrt(s / tau.length);
    }
}
