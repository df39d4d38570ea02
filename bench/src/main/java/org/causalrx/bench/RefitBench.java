package org.causalrx.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.causalrx.causal.CateModel;
import org.causalrx.causal.EffectIntervals;
import org.causalrx.causal.OutcomeAware;
import org.causalrx.causal.TLearner;
import org.causalrx.causal.uncertainty.BootstrapCateModel;
import org.causalrx.causal.uncertainty.Subsample;
import org.causalrx.cli.OutputKind;
import org.causalrx.cli.OutputTarget;
import org.causalrx.pipeline.Learners;
import org.causalrx.pipeline.StatisticalIntervals;
import org.causalrx.util.Seeds;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code bench refits}: the deferral's statistical intervals ({@link StatisticalIntervals}) on the SYNTHETIC design
 * of {@code bench scale} ({@link ScaleDesign}, {@code --rows} training rows × {@code --features}, plus
 * {@code --test} new rows with their true effect), in one process: per estimator the point fit, then B subsample
 * refits of one size at the root-n rate ({@code --refit-rows}, default the automatic rule; "subsample"), B subsample
 * refits at two sizes with the estimated rate (the run's scheme; "rate") and B full bootstrap refits ("full"), each
 * timed, with the mean width of the 95 % intervals and their coverage of the true effect on the new rows. Writes
 * {@code runs/bench/bench-refits-nN-pP.json}.
 */
@Command(name = "refits", mixinStandardHelpOptions = true,
        description = "Time of the deferral's bootstrap refits: subsample refits vs full refits, synthetic data.")
final class RefitBench implements Callable<Integer> {
    @Option(names = "--rows", required = true, paramLabel = "N", description = "synthetic training rows")
    int rows;

    @Option(names = "--features", required = true, paramLabel = "P", description = "covariates, at least 4")
    int features;

    @Option(names = "--refits", paramLabel = "B", description = "bootstrap refits (default 20)")
    int refits = 20;

    @Option(names = "--refit-rows", paramLabel = "M", description = "rows per subsample refit (default 0: "
            + "max(20000, N^0.75))")
    int refitRows;

    @Option(names = "--test", paramLabel = "T", description = "new rows for width and coverage (default 2000)")
    int test = 2000;

    @Option(names = "--estimators", split = ",", paramLabel = "a,b", description = "default t_xgboost,dr_xgboost")
    List<String> estimators = List.of("t_xgboost", "dr_xgboost");

    @Option(names = "--skip-full", description = "time the subsample refits only (root-n and estimated rate)")
    boolean skipFull;

    @Option(names = "--modes", split = ",", paramLabel = "a,b", description = "which refits: subsample (root-n), "
            + "rate (estimated), full (default all three; --skip-full drops full)")
    List<String> modes = List.of("subsample", "rate", "full");

    @Option(names = "--seed", description = "data seed (default 20261219)")
    long seed = 20_261_219L;

    @Mixin
    BenchTarget target;

    @Override
    public Integer call() throws IOException {
        String size = "n" + rows + "-p" + features;
        if (target.out == null) {
            target.out = Path.of("runs", "bench", "bench-refits-" + size + ".json");
        }
        OutputTarget out = target.checked("refits", OutputKind.BENCH_JSON, List.of());
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
        double[][] xTr = Arrays.copyOf(x, rows);
        int[] tTr = Arrays.copyOf(t, rows);
        double[] yTr = Arrays.copyOf(y, rows);
        double[][] xTe = Arrays.copyOfRange(x, rows, rows + test);
        double[] tauTe = Arrays.copyOfRange(tau, rows, rows + test);
        Learners learners = Learners.standard();
        OutcomeAware.Kind kind = OutcomeAware.Kind.CONTINUOUS;
        int m = Subsample.rowsFor(refitRows, rows);
        List<Map<String, Object>> results = new ArrayList<>();
        System.out.printf(Locale.ROOT, "n = %d, p = %d, B = %d, m = %d (subsample: %b), load %.1f%n", rows, features,
                refits, m, Subsample.applies(m, rows), load());
        Map<String, CateModel> points = new LinkedHashMap<>();
        Map<String, Map<String, Object>> byName = new LinkedHashMap<>();
        for (String name : estimators) {
            long t0 = System.nanoTime();
            points.put(name, tLearners(learners, name).isEmpty()
                    ? learners.estimators().estimator(name, kind).fit(xTr, tTr, yTr, Seeds.derive(seed, "cate-" + name))
                    : tLearners(learners, name).get(0).fit(xTr, tTr, yTr, Seeds.derive(seed, "cate-" + name)));
            double pointSec = (System.nanoTime() - t0) / 1e9;
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("estimator", name);
            row.put("point_fit_seconds", pointSec);
            byName.put(name, row);
            results.add(row);
            System.out.printf(Locale.ROOT, "%-12s point fit %8.1f s (load %.1f)%n", name, pointSec, load());
        }
        for (String mode : modes.stream().filter(md -> !(skipFull && md.equals("full"))).toList()) {
            if (!List.of("subsample", "rate", "full").contains(mode)) {
                throw new IllegalArgumentException("--modes: subsample, rate or full, got " + mode);
            }
            boolean full = mode.equals("full");
            Subsample.Rate scheme = mode.equals("rate") ? Subsample.Rate.ESTIMATED : Subsample.Rate.ROOT_N;
            for (String name : estimators) {
                Map<String, Object> row = byName.get(name);
                double before = load();
                long t1 = System.nanoTime();
                StatisticalIntervals.Fitted f = StatisticalIntervals.fit(learners.estimators(), List.of(name),
                        List.of(name), Map.of(name, points.get(name)), tLearners(learners, name), kind, refits,
                        full ? Integer.MAX_VALUE : refitRows, scheme, xTr, tTr, yTr, null, seed, true);
                double sec = (System.nanoTime() - t1) / 1e9;
                EffectIntervals iv = f.models().get(name).effectInterval(xTe, 0.05);
                double[] lo = iv.lo();
                double[] hi = iv.hi();
                double width = 0;
                int covered = 0;
                for (int i = 0; i < test; i++) {
                    width += (hi[i] - lo[i]) / test;
                    covered += lo[i] <= tauTe[i] && tauTe[i] <= hi[i] ? 1 : 0;
                }
                row.put(mode + "_seconds", sec);
                row.put(mode + "_mean_width", width);
                row.put(mode + "_coverage", covered / (double) test);
                row.put(mode + "_method", f.methods().get(name));
                if (f.models().get(name) instanceof BootstrapCateModel bm) {
                    if (bm.subsample() != null) {
                        row.put(mode + "_rate", bm.subsample().rate());
                    }
                    // the spread part alone: tau ± q SD without the bias extension, and the mean rescaled SD
                    double[] sd = bm.bootstrapSd(xTe);
                    double[] pt = bm.effect(xTe);
                    double q = BootstrapCateModel.studentQuantile(0.975, refits
                            - (bm.subsample() != null && bm.subsample().twoSizes() ? 2 : 1));
                    int sdCovered = 0;
                    for (int i = 0; i < test; i++) {
                        sdCovered += Math.abs(tauTe[i] - pt[i]) <= q * sd[i] ? 1 : 0;
                    }
                    row.put(mode + "_mean_sd", Arrays.stream(sd).average().orElse(Double.NaN));
                    row.put(mode + "_coverage_without_bias", sdCovered / (double) test);
                    System.out.printf(Locale.ROOT, "%-12s %-9s mean SD %.4f, coverage of tau +- q SD alone %.3f%n",
                            name, mode, Arrays.stream(sd).average().orElse(Double.NaN), sdCovered / (double) test);
                }
                row.put(mode + "_load", List.of(before, load()));
                System.out.printf(Locale.ROOT, "%-12s %-9s %8.1f s  mean width %.4f  coverage %.3f  (load %.1f -> "
                        + "%.1f)  %s%n", name, mode, sec, width, covered / (double) test, before, load(),
                        f.methods().get(name));
            }
        }
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("rows", rows);
        all.put("features", features);
        all.put("refits", refits);
        all.put("refit_rows", m);
        all.put("processors", Runtime.getRuntime().availableProcessors());
        all.put("estimators", results);
        BenchOutput.writeJson(out, "refits", all);
        System.out.println("results written to " + out.path());
        return 0;
    }

    private static List<TLearner> tLearners(Learners learners, String name) {
        return learners.tLearners(false).stream().filter(l -> l.name().equals(name)).toList();
    }

    private static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
