package org.causalrx.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.LongSupplier;

import org.causalrx.causal.CrossFitAipw;
import org.causalrx.causal.diagnostics.AteRefuter;
import org.causalrx.causal.diagnostics.Refutation;
import org.causalrx.causal.diagnostics.RefutationRules;
import org.causalrx.cli.OutputKind;
import org.causalrx.cli.OutputTarget;
import org.causalrx.pipeline.Learners;
import org.causalrx.policy.HeldOut;
import org.causalrx.util.Seeds;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The refutation stage's work on the rows it refutes on, with each fold count given: on data sets of the SYNTHETIC
 * design of {@code bench scale} ({@link ScaleDesign}, in memory) of {@code --rows} rows (default 31,623, the
 * stage's subsample of a 10⁶-patient cohort), the run's cross-fitted AIPW (its default propensity and plug-in outcome
 * learners, the ATE's clip) fitted once with its own tuning (the stage's reference fit), then the default checks
 * (10 placebo permutations, 3 random common causes, 3 subsets of 80 %: 16 re-fits keeping the reference's tuning fold
 * by fold, several threads), exactly as {@code RefutationStage} runs them on a subsample. Per data set and fold count:
 * the reference estimate and SE, each check's estimate, sd, its statistic in the units its pass rule uses and the
 * verdict, and the CPU seconds. Every fold count sees the same data sets and seeds.
 */
@Command(name = "refutation-folds", mixinStandardHelpOptions = true,
        description = "The ATE refutations with each fold count on the same synthetic data sets: estimates, checks "
                + "and CPU seconds.")
final class RefutationFoldsBench implements Callable<Integer> {
    @Option(names = "--rows", paramLabel = "N", description = "synthetic rows per data set (default 31623)")
    int rows = 31_623;

    @Option(names = "--features", paramLabel = "P", description = "covariates, at least 4 (default 50)")
    int features = 50;

    @Option(names = "--reps", paramLabel = "R", description = "independent data sets (default 4)")
    int reps = 4;

    @Option(names = "--seed", description = "master seed (default 20261219)")
    long seed = 20_261_219L;

    @Option(names = "--folds", split = ",", paramLabel = "K,K", description = "fold counts compared (default 5,2)")
    List<Integer> folds = List.of(5, 2);

    @Mixin
    BenchTarget target;

    @Override
    public Integer call() throws IOException {
        for (int k : folds) {
            if (k < 2 || k > 100) {
                throw new IllegalArgumentException("--folds: whole numbers from 2 to 100, got " + k);
            }
        }
        OutputTarget out = target.checked("refutation-folds", OutputKind.BENCH_JSON, List.of());
        Learners learners = Learners.standard();
        RefutationRules rules = RefutationRules.defaults();
        LongSupplier cpu = StageClock.processCpu();
        long repSeeds = Seeds.derive(seed, "refutation-folds-reps");
        List<Map<String, Object>> perRun = new ArrayList<>();
        System.out.printf(Locale.ROOT, "bench refutation-folds: n = %d, p = %d, reps %d, folds %s, %d processors%n",
                rows, features, reps, folds, Runtime.getRuntime().availableProcessors());
        for (int r = 0; r < reps; r++) {
            long dataSeed = Seeds.derive(repSeeds, r);
            double[][] x = new double[rows][];
            int[] t = new int[rows];
            double[] y = new double[rows];
            new ScaleDesign(rows, features, dataSeed, false).forEachRow((i, xi, ti, yi, taui) -> {
                x[i] = xi.clone();
                t[i] = ti;
                y[i] = yi;
            });
            long ateSeed = Seeds.derive(dataSeed, "ate");
            for (int k : folds) {
                CrossFitAipw aipw = new CrossFitAipw(learners.evaluationPropensity(), learners.ateOutcome(false), k,
                        HeldOut.CLIP);
                long cpu0 = cpu == null ? 0 : cpu.getAsLong();
                long t0 = System.nanoTime();
                CrossFitAipw.Fit reference = aipw.fit(x, t, y, ateSeed, null, aipw.untuned());
                CrossFitAipw.Estimate ref = reference.ate(k);
                CrossFitAipw.Tuning tuning = aipw.tuning(reference);
                AteRefuter refuter = new AteRefuter((xs, ts, ys, gs, s) -> aipw.estimate(xs, ts, ys, gs, s, tuning),
                        rules, true);
                List<Refutation> checks = refuter.refute(x, t, y, ref, ateSeed);
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("rep", r);
                row.put("folds", k);
                row.put("ate", ref.ate());
                row.put("se", ref.se());
                row.put("ate_minus_truth", ref.ate() - ScaleDesign.TRUE_ATE);
                StringBuilder line = new StringBuilder();
                for (Refutation c : checks) {
                    double stat = statistic(c, ref, rules);
                    String key = c.check().key();
                    row.put(key + "_estimate", c.estimate());
                    row.put(key + "_sd", c.sd());
                    row.put(key + "_statistic", stat);
                    row.put(key + "_passed", c.passed());
                    line.append(String.format(Locale.ROOT, "  %s %+.4f (%+.2f) %s", key, c.estimate(), stat,
                            c.passed() ? "ok" : "FAILED"));
                }
                row.put("cpu_seconds", cpu == null ? -1 : (cpu.getAsLong() - cpu0) / 1e9);
                row.put("seconds", (System.nanoTime() - t0) / 1e9);
                perRun.add(row);
                System.out.printf(Locale.ROOT, "rep %d folds %d  ATE %.4f SE %.4f |%s | %.0f s, %.0f CPU s%n", r, k,
                        ref.ate(), ref.se(), line, row.get("seconds"), row.get("cpu_seconds"));
                BenchOutput.writeJson(out, "refutation-folds", results(perRun));
                out = new OutputTarget(out.path(), OutputKind.BENCH_JSON, true, "bench refutation-folds", List.of());
            }
        }
        System.out.println("results written to " + out.path());
        return 0;
    }

    /**
     * A check's statistic in the units its pass rule uses: the placebo mean and the common-cause move in SEs of the
     * reference, the subset move in units of s = SE·sqrt((1 − f)/f).
     */
    private static double statistic(Refutation c, CrossFitAipw.Estimate ref, RefutationRules rules) {
        return switch (c.check()) {
            case PLACEBO_TREATMENT -> c.estimate() / ref.se();
            case RANDOM_COMMON_CAUSE -> (c.estimate() - ref.ate()) / ref.se();
            case DATA_SUBSET -> (c.estimate() - ref.ate())
                    / (ref.se() * Math.sqrt((1 - rules.subsetFraction()) / rules.subsetFraction()));
        };
    }

    private Map<String, Object> results(List<Map<String, Object>> perRun) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rows", rows);
        m.put("features", features);
        m.put("seed", seed);
        m.put("folds", folds);
        m.put("runs", perRun);
        return m;
    }
}
