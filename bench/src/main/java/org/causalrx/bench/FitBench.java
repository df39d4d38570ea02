package org.causalrx.bench;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ForkJoinPool;

import org.causalrx.causal.AipwEstimands;
import org.causalrx.causal.CateEstimator;
import org.causalrx.causal.CateModel;
import org.causalrx.causal.CrossFitAipw;
import org.causalrx.causal.EffectIntervals;
import org.causalrx.causal.OutcomeAware;
import org.causalrx.causal.TLearner;
import org.causalrx.causal.meta.DRLearner;
import org.causalrx.causal.meta.FinalStageModel;
import org.causalrx.causal.uncertainty.BootstrapCate;
import org.causalrx.causal.uncertainty.BootstrapCateModel;
import org.causalrx.estimators.BuiltinEstimators;
import org.causalrx.learn.linear.LogisticRegression;
import org.causalrx.learn.xgb.XGBoostParams;
import org.causalrx.learn.xgb.XGBoostRegressor;
import org.causalrx.pipeline.Learners;
import org.causalrx.util.Seeds;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench fits}: on the SYNTHETIC design of {@code bench scale} ({@link ScaleDesign}), in one process, (1) the
 * fits that run their independent parts on several threads, each run inside a one-thread fork-join pool (one task
 * after another) and on the common pool, wall seconds and whether the results are the same bytes; (2) with
 * {@code --gate}, the XGBoost T-learner with early stopping refitting on all rows (XGBoostParams.refitRows =
 * Integer.MAX_VALUE) against keeping the early-stopping booster from {@code --refit-rows} rows on, wall and CPU
 * seconds and the RMSE of the CATE against the true effect on {@code --test} new rows; (3) with {@code --settings},
 * the {@code --estimators} (t_xgboost, dr_xgboost) with XGBoost's default settings, then with each given setting at
 * every size, the same measures. Prints; writes nothing.
 */
@Command(name = "fits", mixinStandardHelpOptions = true,
        description = "Seconds of the fits on one thread vs the common pool, and of the XGBoost early-stopping gate.")
final class FitBench implements Callable<Integer> {
    @Option(names = "--rows", required = true, paramLabel = "N", description = "synthetic training rows")
    int rows;

    @Option(names = "--features", required = true, paramLabel = "P", description = "covariates, at least 4")
    int features;

    @Option(names = "--test", paramLabel = "T", description = "new rows with their true effect (default 2000)")
    int test = 2000;

    @Option(names = "--gate", description = "time the early-stopping gate (T-learner, XGBoost) instead of threads")
    boolean gate;

    @Option(names = "--refit-rows", paramLabel = "M", description = "with --gate: keep the early-stopping booster "
            + "from M training rows on (default XGBoostParams.DEFAULT_REFIT_ROWS)")
    int refitRows = XGBoostParams.DEFAULT_REFIT_ROWS;

    @Option(names = "--settings", split = ";", paramLabel = "SPEC", description = "compare XGBoost settings instead "
            + "of threads: the default settings, then each SPEC (key=value,... over eta, max_depth, subsample, "
            + "colsample, min_child_weight, lambda, rounds, early_stopping, refit_rows, large_rows, large_eta; ';' "
            + "between SPECs; large_rows defaults to none: the settings at every size)")
    java.util.List<String> settings;

    @Option(names = "--estimators", split = ",", paramLabel = "NAME", description = "with --settings: t_xgboost, "
            + "dr_xgboost (default both)")
    java.util.List<String> estimators = java.util.List.of("t_xgboost", "dr_xgboost");

    @Option(names = "--dr-folds", split = ",", paramLabel = "K", description = "with --settings: cross-fitting folds "
            + "of dr_xgboost's nuisances, each fitted in turn on the same data (default 0: the run's automatic folds, "
            + "5, or 2 from 200,000 rows)")
    java.util.List<Integer> drFolds = java.util.List.of(BuiltinEstimators.DR_FOLDS);

    @Option(names = "--skip-defaults", description = "with --settings: only the SPECs, not the default settings first")
    boolean skipDefaults;

    @Option(names = "--seed", description = "data seed (default 20261219)")
    long seed = 20_261_219L;

    private double[][] xTr;
    private int[] tTr;
    private double[] yTr;
    private double[][] xTe;
    private double[] tauTe;

    @Override
    public Integer call() throws Exception {
        double[][] x = new double[rows + test][];
        int[] t = new int[rows + test];
        double[] y = new double[rows + test];
        double[] tau = new double[rows + test];
        new ScaleDesign(rows + test, features, seed, false).forEachRow((i, xi, ti, yi, taui) -> {
            x[i] = xi.clone();
            t[i] = ti;
            y[i] = yi;
            tau[i] = taui;
        });
        xTr = Arrays.copyOf(x, rows);
        tTr = Arrays.copyOf(t, rows);
        yTr = Arrays.copyOf(y, rows);
        xTe = Arrays.copyOfRange(x, rows, rows + test);
        tauTe = Arrays.copyOfRange(tau, rows, rows + test);
        System.out.printf(Locale.ROOT, "n = %d, p = %d, processors %d, common pool %d, load %.1f%n", rows, features,
                Runtime.getRuntime().availableProcessors(), ForkJoinPool.getCommonPoolParallelism(), load());
        if (settings != null) {
            return settings();
        }
        return gate ? gate() : threads();
    }

    private int threads() throws Exception {
        Learners learners = Learners.standard();
        TLearner tx = learners.tLearners(false).stream().filter(l -> l.name().equals("t_xgboost")).findFirst()
                .orElseThrow();
        CateModel dr = null;
        for (boolean parallel : new boolean[] {false, true}) {
            String mode = parallel ? "common pool" : "one thread";
            double[] c1 = time("t_xgboost point fit", mode, parallel,
                    () -> tx.fit(xTr, tTr, yTr, Seeds.derive(seed, "t")).effect(xTe));
            double[] c2 = time("dr_xgboost point fit", mode, parallel, () -> ((FinalStageModel) learners.estimators()
                    .estimator("dr_xgboost", OutcomeAware.Kind.CONTINUOUS).fit(xTr, tTr, yTr, seed)).pseudoOutcomes());
            CrossFitAipw aipw = new CrossFitAipw(learners.evaluationPropensity(), learners.ateOutcome(false), 5,
                    0.01);
            double[] c3 = time("ate (AIPW, 5 folds)", mode, parallel, () -> {
                AipwEstimands a = aipw.nuisances(xTr, tTr, yTr, seed);
                double[] out = Arrays.copyOf(a.m0(), rows * 3);
                System.arraycopy(a.m1(), 0, out, rows, rows);
                System.arraycopy(a.e(), 0, out, 2 * rows, rows);
                return out;
            });
            System.out.printf(Locale.ROOT, "  checksums %s %s %s%n", Arrays.hashCode(c1), Arrays.hashCode(c2),
                    Arrays.hashCode(c3));
        }
        TLearner tr = learners.tLearners(false).stream().filter(l -> l.name().equals("t_xgboost")).findFirst()
                .orElseThrow();
        BootstrapCateModel bm = new BootstrapCate(tr, 8, true).wrap(tr.fit(xTr, tTr, yTr, 1), xTr, tTr, yTr, 2);
        double[][] xBig = new double[rows][];
        for (int i = 0; i < rows; i++) {
            xBig[i] = xTr[i];
        }
        for (boolean parallel : new boolean[] {false, true}) {
            double[] iv = time("8 refits' intervals on the training rows", parallel ? "common pool" : "one thread",
                    parallel, () -> {
                        EffectIntervals e = bm.effectInterval(xBig, 0.05);
                        double[] out = Arrays.copyOf(e.lo(), 2 * rows);
                        System.arraycopy(e.hi(), 0, out, rows, rows);
                        return out;
                    });
            System.out.printf(Locale.ROOT, "  checksum %s%n", Arrays.hashCode(iv));
        }
        return 0;
    }

    private int gate() throws Exception {
        XGBoostParams d = XGBoostParams.defaults();
        for (int refitRows : new int[] {Integer.MAX_VALUE, refitRows}) {
            TLearner tl = new TLearner("t_xgboost", new XGBoostRegressor(d.withRefitRows(refitRows)));
            double before = load();
            long t0 = System.nanoTime();
            double cpu0 = cpu();
            CateModel m = tl.fit(xTr, tTr, yTr, Seeds.derive(seed, "t"));
            double sec = (System.nanoTime() - t0) / 1e9;
            double cpuSec = cpu() - cpu0;
            double[] est = m.effect(xTe);
            double se = 0;
            double bias = 0;
            for (int i = 0; i < test; i++) {
                se += (est[i] - tauTe[i]) * (est[i] - tauTe[i]) / test;
                bias += (est[i] - tauTe[i]) / test;
            }
            String label = refitRows == Integer.MAX_VALUE ? "always" : Integer.toString(refitRows);
            System.out.printf(Locale.ROOT, "refit rows %-10s  %7.1f s wall, %7.1f s CPU  CATE RMSE %.4f"
                    + "  mean error %+.4f  (load %.1f -> %.1f)%n", label, sec, cpuSec, Math.sqrt(se), bias, before,
                    load());
        }
        return 0;
    }

    private int settings() {
        java.util.List<String> specs = new java.util.ArrayList<>();
        if (!skipDefaults) {
            specs.add("defaults");
        }
        specs.addAll(settings);
        for (String spec : specs) {
            XGBoostParams p = spec.equals("defaults") ? XGBoostParams.defaults() : parse(spec);
            java.util.List<String> runs = new java.util.ArrayList<>();
            for (String est : estimators) {
                if (est.equals("dr_xgboost")) {
                    drFolds.forEach(k -> runs.add(est + "/" + k));
                } else {
                    runs.add(est);
                }
            }
            for (String run : runs) {
                String est = run.contains("/") ? run.substring(0, run.indexOf('/')) : run;
                CateEstimator e = switch (est) {
                    case "t_xgboost" -> new TLearner("t_xgboost", new XGBoostRegressor(p));
                    case "dr_xgboost" -> new DRLearner("dr_xgboost", new XGBoostRegressor(p), LogisticRegression.l2(),
                            new XGBoostRegressor(p), Integer.parseInt(run.substring(run.indexOf('/') + 1)),
                            BuiltinEstimators.META_CLIP);
                    default -> throw new IllegalArgumentException("--estimators: t_xgboost or dr_xgboost, got " + est);
                };
                double before = load();
                long t0 = System.nanoTime();
                double cpu0 = cpu();
                CateModel m = e.fit(xTr, tTr, yTr, Seeds.derive(seed, "t"));
                double sec = (System.nanoTime() - t0) / 1e9;
                double cpuSec = cpu() - cpu0;
                double[] est0 = m.effect(xTe);
                double se = 0;
                double bias = 0;
                for (int i = 0; i < test; i++) {
                    se += (est0[i] - tauTe[i]) * (est0[i] - tauTe[i]) / test;
                    bias += (est0[i] - tauTe[i]) / test;
                }
                System.out.printf(Locale.ROOT, "%-13s %-28s %7.1f s wall %7.1f s CPU  CATE RMSE %.4f  mean error"
                        + " %+.4f  (load %.1f -> %.1f)%n", run, spec, sec, cpuSec, Math.sqrt(se), bias, before,
                        load());
            }
        }
        return 0;
    }

    /** key=value,... over the defaults. */
    static XGBoostParams parse(String spec) {
        XGBoostParams d = XGBoostParams.defaults();
        java.util.Map<String, String> kv = new java.util.HashMap<>();
        for (String part : spec.split(",")) {
            String[] pair = part.split("=", 2);
            if (pair.length != 2) {
                throw new IllegalArgumentException("--settings: key=value expected, got " + part);
            }
            kv.put(pair[0].trim(), pair[1].trim());
        }
        java.util.function.BiFunction<String, Double, Double> real = (k, def) -> kv.containsKey(k)
                ? Double.parseDouble(kv.remove(k)) : def;
        java.util.function.BiFunction<String, Integer, Integer> integer = (k, def) -> kv.containsKey(k)
                ? Integer.parseInt(kv.remove(k)) : def;
        XGBoostParams p = new XGBoostParams(integer.apply("rounds", d.rounds()), integer.apply("max_depth",
                d.maxDepth()), real.apply("eta", d.eta()), real.apply("subsample", d.subsample()),
                real.apply("colsample", d.colsample()), real.apply("min_child_weight", d.minChildWeight()),
                real.apply("lambda", d.lambda()), d.threads(), integer.apply("early_stopping", d.earlyStopping()),
                integer.apply("refit_rows", d.refitRows()), integer.apply("large_rows", Integer.MAX_VALUE),
                real.apply("large_eta", d.largeEta()));
        if (!kv.isEmpty()) {
            throw new IllegalArgumentException("--settings: unknown keys " + kv.keySet());
        }
        return p;
    }

    private double[] time(String what, String mode, boolean parallel, Callable<double[]> task) throws Exception {
        double before = load();
        long t0 = System.nanoTime();
        double cpu0 = cpu();
        // parallel: on this thread, whose parallel streams use it and the common pool's workers (as a run's stages
        // do); sequential: inside a one-thread pool, whose single worker runs every forked task
        double[] out;
        if (parallel) {
            out = task.call();
        } else {
            ForkJoinPool pool = new ForkJoinPool(1);
            out = pool.submit(task).get();
            pool.shutdown();
        }
        System.out.printf(Locale.ROOT, "%-40s %-12s %8.1f s wall %8.1f s CPU  (load %.1f -> %.1f)%n", what, mode,
                (System.nanoTime() - t0) / 1e9, cpu() - cpu0, before, load());
        return out;
    }

    /** CPU seconds of the whole process (every thread, XGBoost's included). */
    private static double cpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1e9;
    }

    private static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
