package org.causalrx.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.causalrx.causal.CateEstimator;
import org.causalrx.cli.OutputKind;
import org.causalrx.cli.OutputTarget;
import org.causalrx.data.CovariateEncoder;
import org.causalrx.data.CovariateSpec;
import org.causalrx.data.Encoding;
import org.causalrx.data.TableReader;
import org.causalrx.study.Cohort;
import org.causalrx.study.CohortBuilder;
import org.causalrx.study.CovariatePlan;
import org.causalrx.study.Study;
import org.causalrx.study.StudyLoader;
import org.causalrx.util.CausalRxException;
import org.causalrx.util.Stats;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code bench categorical}: a simulated 4-class outcome with known per-class effects on a study's real covariates
 * (NHEFS by default; age, smoking intensity and weight drive risk, effect and treatment), the neural estimators
 * fitted per replication, true PEHE and NN-PEHE printed side by side and written to a JSON file.
 */
@Command(name = "categorical", mixinStandardHelpOptions = true,
        description = "A 4-class ordinal outcome simulated on the --study covariates (age, smokeintensity, wt71 drive "
                + "risk, effect and treatment): true PEHE beside NN-PEHE of tarnet, dragonnet and xmultitask.")
final class CategoricalBench implements Callable<Integer> {
    static final int CLASSES = 4;
    static final List<String> DRIVERS = List.of("age", "smokeintensity", "wt71");

    @Option(names = "--study", description = "study whose covariates carry the simulation "
            + "(default: examples/nhefs/study.yaml)")
    Path study = Path.of("examples", "nhefs", "study.yaml");

    @Option(names = "--reps", description = "replications, e.g. 1-3 (default 1-3)")
    String reps = "1-3";

    @Mixin
    BenchTarget target;

    @Override
    public Integer call() throws IOException {
        run(study, CateBench.range(reps), target.checked("categorical", OutputKind.BENCH_JSON, List.of(study)));
        return 0;
    }

    static void run(Path studyFile, List<Integer> reps, OutputTarget out) throws IOException {
        run(studyFile, reps, out, CategoricalBenchmark.estimators());
    }

    /** As above with the given estimators, into a new file {@code out} (tests pass small nets). */
    static void run(Path studyFile, List<Integer> reps, Path out, List<CateEstimator> estimators) throws IOException {
        run(studyFile, reps, new OutputTarget(out, OutputKind.BENCH_JSON, false, "bench categorical",
                List.of(studyFile)), estimators);
    }

    /** As above with the given estimators (tests pass small nets; the command uses the defaults). */
    static void run(Path studyFile, List<Integer> reps, OutputTarget out, List<CateEstimator> estimators)
            throws IOException {
        out.check();
        Study study = StudyLoader.load(studyFile);
        Cohort cohort = CohortBuilder.build(study, TableReader.read(study.data()));
        List<CovariateSpec> kept = cohort.plan().stream().filter(CovariatePlan::kept)
                .map(c -> new CovariateSpec(c.name(), c.type() == Study.ValueType.CATEGORICAL, false)).toList();
        int[] all = new int[cohort.treatment().length];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        Encoding enc = CovariateEncoder.fit(cohort.covariates(), all, kept);
        double[][] x = enc.transform(cohort.covariates());
        int[] drivers = new int[DRIVERS.size()];
        for (int j = 0; j < drivers.length; j++) {
            drivers[j] = enc.featureNames().indexOf(DRIVERS.get(j));
            if (drivers[j] < 0) {
                throw new CausalRxException("bench categorical needs numeric covariates " + DRIVERS + " in "
                        + studyFile + "; '" + DRIVERS.get(j) + "' is missing (features: " + enc.featureNames() + ")");
            }
        }
        System.out.printf(Locale.ROOT, "simulated %d-class outcome on %d rows x %d features of %s%n", CLASSES,
                x.length, x[0].length, studyFile);
        List<CategoricalBenchmark.Row> rows = new ArrayList<>();
        for (int rep : reps) {
            for (CategoricalBenchmark.Row r : CategoricalBenchmark.run(x, drivers, CLASSES, rep, estimators)) {
                rows.add(r);
                System.out.printf(Locale.ROOT, "  rep %d %-13s true PEHE %.4f  NN-PEHE %.4f [%.4f, %.4f]  per class "
                                + "true %s NN %s  %.1f s%n", rep, r.estimator(), r.truePeheAll(), r.nnPeheAll(),
                        r.nnLowAll(), r.nnHighAll(), fmt(r.truePehe()), fmt(r.nnPehe()), r.fitSeconds());
            }
        }
        Map<String, Object> res = new LinkedHashMap<>();
        res.put("data", studyFile.toString());
        res.put("rows", x.length);
        res.put("classes", CLASSES);
        res.put("drivers", DRIVERS);
        res.put("test_share", 0.2);
        res.put("nn_pehe_bootstrap_rounds", CategoricalBenchmark.ROUNDS);
        res.put("note", "true_effects = the simulated truth scored by NN-PEHE: the proxy's noise floor (a perfect "
                + "estimator's NN-PEHE); zero_effects = predicting no effect (its true PEHE is the effect size); "
                + "PEHE and NN-PEHE are computed on the test rows only");
        res.put("summary", summary(rows));
        List<Map<String, Object>> raw = new ArrayList<>();
        for (CategoricalBenchmark.Row r : rows) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("estimator", r.estimator());
            m.put("rep", r.rep());
            m.put("true_pehe_overall", r.truePeheAll());
            m.put("nn_pehe_overall", r.nnPeheAll());
            m.put("nn_pehe_overall_ci", List.of(r.nnLowAll(), r.nnHighAll()));
            m.put("true_pehe_per_class", r.truePehe());
            m.put("nn_pehe_per_class", r.nnPehe());
            m.put("nn_pehe_per_class_ci_low", r.nnLow());
            m.put("nn_pehe_per_class_ci_high", r.nnHigh());
            m.put("fit_seconds", r.fitSeconds());
            raw.add(m);
        }
        res.put("runs", raw);
        BenchOutput.writeJson(out, "categorical", res);
        System.out.println("results written to " + out.path());
    }

    /** Per estimator: means over replications, SD of NN-PEHE across replications, mean CI width. */
    private static List<Map<String, Object>> summary(List<CategoricalBenchmark.Row> rows) {
        List<Map<String, Object>> out = new ArrayList<>();
        List<String> names = rows.stream().map(CategoricalBenchmark.Row::estimator).distinct().toList();
        System.out.printf(Locale.ROOT, "%n%-13s %-10s %-18s %-12s %-10s %s%n", "estimator", "true PEHE",
                "NN-PEHE (sd reps)", "CI width", "fit s", "per class true / NN");
        for (String name : names) {
            List<CategoricalBenchmark.Row> rs = rows.stream().filter(r -> r.estimator().equals(name)).toList();
            double[] truth = rs.stream().mapToDouble(CategoricalBenchmark.Row::truePeheAll).toArray();
            double[] nn = rs.stream().mapToDouble(CategoricalBenchmark.Row::nnPeheAll).toArray();
            double[] width = rs.stream().mapToDouble(r -> r.nnHighAll() - r.nnLowAll()).toArray();
            double[] sec = rs.stream().mapToDouble(CategoricalBenchmark.Row::fitSeconds).toArray();
            double[] truthK = new double[CLASSES];
            double[] nnK = new double[CLASSES];
            for (CategoricalBenchmark.Row r : rs) {
                for (int k = 0; k < CLASSES; k++) {
                    truthK[k] += r.truePehe()[k] / rs.size();
                    nnK[k] += r.nnPehe()[k] / rs.size();
                }
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("estimator", name);
            m.put("reps", rs.size());
            m.put("true_pehe_overall_mean", Stats.mean(truth));
            m.put("nn_pehe_overall_mean", Stats.mean(nn));
            m.put("nn_pehe_overall_sd_over_reps", rs.size() > 1 ? Stats.sd(nn) : Double.NaN);
            m.put("nn_pehe_overall_ci_width_mean", Stats.mean(width));
            m.put("true_pehe_per_class_mean", truthK);
            m.put("nn_pehe_per_class_mean", nnK);
            m.put("fit_seconds_mean", Stats.mean(sec));
            out.add(m);
            System.out.printf(Locale.ROOT, "%-13s %-10.4f %.4f (%.4f)    %-12.4f %-10.1f %s / %s%n", name,
                    Stats.mean(truth), Stats.mean(nn), rs.size() > 1 ? Stats.sd(nn) : Double.NaN, Stats.mean(width),
                    Stats.mean(sec), fmt(truthK), fmt(nnK));
        }
        return out;
    }

    private static String fmt(double[] v) {
        StringBuilder b = new StringBuilder("[");
        for (int k = 0; k < v.length; k++) {
            b.append(k > 0 ? " " : "").append(String.format(Locale.ROOT, "%.3f", v[k]));
        }
        return b.append(']').toString();
    }
}
