package org.causalrx.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;

import org.causalrx.data.Table;
import org.causalrx.data.TableReader;
import org.causalrx.pipeline.ResultsJson;
import org.causalrx.pipeline.RunOutput;
import org.causalrx.pipeline.StudyRun;
import org.causalrx.policy.Bootstrap;
import org.causalrx.policy.HeldOut;
import org.causalrx.policy.PolicyDecisions;
import org.causalrx.report.ReportWriter;
import org.causalrx.study.Study;
import org.causalrx.study.StudyLoader;
import org.causalrx.util.CausalRxException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Speed benchmark (not a test): NHEFS full-run wall time with 10,000 bootstrap rounds, and bootstrap
 * throughput in rounds × policies × rows per second, serial vs parallel in the same process.
 * Writes a JSON results file.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmarks: 'nhefs' = full run wall time and bootstrap throughput; see WHAT for the others. "
                + "Writes a results file.")
final class BenchCommand implements Callable<Integer> {

    /** Base seed of the ihdp-sim replications (replication r uses this + r). */
    static final long IHDP_SIM_SEED = 2011_000L;

    @Parameters(index = "0", paramLabel = "WHAT", defaultValue = "nhefs",
            description = "nhefs (full-run speed), ihdp or acic (CATE accuracy against known effects), ihdp-sim (fresh "
                    + "replications of Hill's surface B on the IHDP covariates, --reps seeds, default 1-20: held-back "
                    + "data for checking choices made on the IHDP files), grf (causal "
                    + "forest on grf's simple design; --reps N repetitions, default 1), categorical (4-class outcome "
                    + "simulated on the --study covariates: true PEHE vs NN-PEHE of the neural estimators; --reps, "
                    + "default 1-3), lalonde (cross-fitted AIPW ATT and ATE on the NSW treated vs PSID controls, "
                    + "against the experimental $1,794; needs --data)")
    String what;

    @Option(names = "--data",
            description = "benchmark data folder (default: ../shared/data/ihdp or ../shared/data/acic2016)")
    Path data;

    @Option(names = "--reps", description = "replications, e.g. 1-10 (default per benchmark: ihdp 1-10, ihdp-sim 1-20, "
            + "grf 1, categorical 1-3)")
    String reps;

    @Option(names = "--settings", description = "ACIC settings, e.g. 1-3 (default 1-3)")
    String settings = "1-3";

    @Option(names = "--estimators", split = ",", description = "estimators (default: all)")
    List<String> estimators;

    @Option(names = "--study", description = "study to time (default: examples/nhefs/study.yaml)")
    Path study = Path.of("examples", "nhefs", "study.yaml");

    @Option(names = "--out", description = "results file (default: runs/bench/bench-<what>.json or .csv)")
    Path out;

    @Option(names = OutputTarget.FLAG, description = "replace the results file when it is an earlier CausalRx "
            + "benchmark file of the same kind; anything else is never replaced")
    boolean overwrite;

    @Option(names = "--repeats", description = "full runs to time (default 3; the first includes JIT warm-up)")
    int repeats = 3;

    @Override
    public Integer call() throws IOException {
        List<String> est = estimators != null ? estimators : org.causalrx.pipeline.Estimators.names();
        for (String e : est) {
            if (!org.causalrx.pipeline.Estimators.names().contains(e)) {
                org.causalrx.pipeline.Estimators.byName(e);
            }
        }
        OutputTarget target = target();
        switch (what) {
            case "ihdp" -> {
                Path dir = data != null ? data : Path.of("..", "shared", "data", "ihdp");
                CateBench.run(CateBench.range(repsOr("1-10")),
                        rep -> org.causalrx.simulate.BenchmarkLoaders.ihdp(dir, rep), 0.1,
                        est, target);
                return 0;
            }
            case "ihdp-sim" -> {
                Path dir = data != null ? data : Path.of("..", "shared", "data", "ihdp");
                org.causalrx.simulate.BenchmarkData base = org.causalrx.simulate.BenchmarkLoaders.ihdp(dir, 1);
                CateBench.run(CateBench.range(repsOr("1-20")),
                        rep -> org.causalrx.simulate.IhdpSurfaceB.draw("ihdp-sim-" + rep, base.x(), base.t(),
                                IHDP_SIM_SEED + rep), 0.1,
                        est, target);
                return 0;
            }
            case "acic" -> {
                Path dir = data != null ? data : Path.of("..", "shared", "data", "acic2016");
                CateBench.run(CateBench.range(settings), k -> org.causalrx.simulate.BenchmarkLoaders.acic(dir, k), 0.1,
                        est, target);
                return 0;
            }
            case "grf" -> {
                int n = CateBench.range(repsOr("1")).size();
                Map<String, Object> res = org.causalrx.causal.forest.GrfSimpleBenchmark.run(n, 20190101L);
                BenchOutput.writeJson(target, "grf", res);
                res.forEach((k, v) -> {
                    if (!k.equals("runs")) {
                        System.out.println(k + " = " + v);
                    }
                });
                System.out.println("grf 2.6.1 on this machine (PEERS.md): tau MSE 0.0093, variance ratio 1.25, fit "
                        + "11.70 s, predict 3.43 s, predict with variance 4.89 s");
                System.out.println("results written to " + target.path());
                return 0;
            }
            case "categorical" -> {
                CategoricalBench.run(study, CateBench.range(repsOr("1-3")),
                        target);
                return 0;
            }
            case "nhefs" -> {
                return nhefs(target);
            }
            case "lalonde" -> {
                LalondeBench.run(data, target);
                return 0;
            }
            case "policy" -> {
                return policy(target);
            }
            default -> throw new CausalRxException("unknown benchmark '" + what
                    + "'; available: nhefs, ihdp, ihdp-sim, acic, grf, policy, categorical, lalonde");
        }
    }

    /** The results file (--out, else runs/bench/bench-WHAT.csv or .json), checked before the benchmark runs. */
    private OutputTarget target() {
        boolean csv = List.of("ihdp", "ihdp-sim", "acic").contains(what);
        String defaultName = "bench-" + what + (csv ? ".csv" : ".json");
        OutputKind kind = csv ? OutputKind.BENCH_CSV : OutputKind.BENCH_JSON;
        List<Path> inputs = new ArrayList<>();
        inputs.add(study);
        if (data != null) {
            inputs.add(data);
        }
        OutputTarget t = new OutputTarget(out != null ? out : Path.of("runs", "bench", defaultName), kind, overwrite,
                "bench " + what, inputs);
        t.check();
        return t;
    }

    private String repsOr(String fallback) {
        return reps != null ? reps : fallback;
    }

    private int nhefs(OutputTarget out) throws IOException {
        Study s = Studies.withRounds(StudyLoader.load(study), 10_000);
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("study", s.name());
        results.put("bootstrap_rounds", 10_000);
        results.put("cores", Runtime.getRuntime().availableProcessors());
        List<Double> runs = new ArrayList<>();
        int testRows = 0;
        int policies = 0;
        for (int r = 0; r < repeats; r++) {
            long t0 = System.nanoTime();
            Table table = TableReader.read(s.data());
            RunOutput output = new StudyRun().run(s, table, org.causalrx.pipeline.Progress.NONE);
            Path tmp = Files.createTempDirectory("causalrx-bench");
            Files.writeString(tmp.resolve("results.json"), ResultsJson.write(output.result()));
            ReportWriter.write(output.result(), output.figures(), tmp);
            double sec = (System.nanoTime() - t0) / 1e9;
            OutputDir.deleteTree(tmp);
            runs.add(sec);
            testRows = output.result().n().test();
            policies = output.result().policies().size();
            System.out.printf(Locale.ROOT, "full run %d: %.2f s (target < 30 s)%n", r + 1, sec);
        }
        results.put("full_run_seconds", runs);
        results.put("full_run_seconds_best", runs.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN));

        HeldOut data = syntheticHeldOut(testRows, 1);
        List<PolicyDecisions> ps = syntheticPolicies(testRows, policies, 2);
        Bootstrap.run(data, ps, 2_000, 3, true); // warm-up
        double serial = timeBootstrap(data, ps, false);
        double parallel = timeBootstrap(data, ps, true);
        double work = 10_000.0 * policies * testRows;
        results.put("bootstrap_rows", testRows);
        results.put("bootstrap_policies", policies);
        results.put("bootstrap_serial_seconds", serial);
        results.put("bootstrap_parallel_seconds", parallel);
        results.put("bootstrap_throughput_serial", work / serial);
        results.put("bootstrap_throughput_parallel", work / parallel);
        results.put("parallel_speedup_vs_serial", serial / parallel);
        System.out.printf(Locale.ROOT, "bootstrap 10,000 rounds x %d policies x %d rows: serial %.3f s (%.3g "
                        + "round·policy·rows/s), parallel %.3f s (%.3g /s), speed-up %.2fx%n", policies, testRows,
                serial, work / serial, parallel, work / parallel, serial / parallel);
        BenchOutput.writeJson(out, what, results);
        System.out.println("results written to " + out.path());
        return 0;
    }

    /**
     * Issue 6 "Speed": 10,000 bootstrap rounds × 15 policies × IPW and DR on 10,000 synthetic held-out rows
     * (target < 10 s), and the rank graph (51 shares) with 10,000 rounds on the same rows (target < 20 s);
     * serial and parallel in this process.
     */
    private int policy(OutputTarget out) throws IOException {
        int rows = 10_000;
        int nPolicies = 15;
        int rounds = 10_000;
        HeldOut data = syntheticHeldOut(rows, 1);
        List<PolicyDecisions> ps = syntheticPolicies(rows, nPolicies, 2);
        double[] benefit = org.causalrx.policy.RankCurve.randomBenefit(rows, 3);
        Bootstrap.run(data, ps, 1_000, 3, true); // warm-up
        org.causalrx.policy.RankCurve.compute("warm-up", data, benefit, 500, 3, true);
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("rows", rows);
        results.put("policies", nPolicies);
        results.put("bootstrap_rounds", rounds);
        results.put("rank_points", org.causalrx.policy.RankCurve.shares().length);
        results.put("cores", Runtime.getRuntime().availableProcessors());
        double bootSerial = timeBootstrap(data, ps, false);
        double bootParallel = timeBootstrap(data, ps, true);
        results.put("bootstrap_serial_seconds", bootSerial);
        results.put("bootstrap_parallel_seconds", bootParallel);
        results.put("bootstrap_parallel_speedup", bootSerial / bootParallel);
        results.put("bootstrap_target_seconds", 10);
        System.out.printf(Locale.ROOT, "bootstrap %,d rounds x %d policies x IPW+DR on %,d rows: serial %.2f s, "
                + "parallel %.2f s (speed-up %.2fx; target < 10 s)%n", rounds, nPolicies, rows, bootSerial,
                bootParallel, bootSerial / bootParallel);
        double rankSerial = timeRank(data, benefit, rounds, false);
        double rankParallel = timeRank(data, benefit, rounds, true);
        results.put("rank_serial_seconds", rankSerial);
        results.put("rank_parallel_seconds", rankParallel);
        results.put("rank_parallel_speedup", rankSerial / rankParallel);
        results.put("rank_target_seconds", 20);
        System.out.printf(Locale.ROOT, "rank graph 51 points x %,d rounds on %,d rows: serial %.2f s, parallel "
                + "%.2f s (speed-up %.2fx; target < 20 s)%n", rounds, rows, rankSerial, rankParallel,
                rankSerial / rankParallel);
        boolean met = Math.min(bootSerial, bootParallel) < 10 && Math.min(rankSerial, rankParallel) < 20;
        results.put("targets_met", met);
        BenchOutput.writeJson(out, what, results);
        System.out.println("results written to " + out.path());
        return 0;
    }

    private static double timeRank(HeldOut data, double[] benefit, int rounds, boolean parallel) {
        long t0 = System.nanoTime();
        org.causalrx.policy.RankCurve.compute("bench", data, benefit, rounds, 11, parallel);
        return (System.nanoTime() - t0) / 1e9;
    }

    private static double timeBootstrap(HeldOut data, List<PolicyDecisions> ps, boolean parallel) {
        long t0 = System.nanoTime();
        Bootstrap.run(data, ps, 10_000, 7, parallel);
        return (System.nanoTime() - t0) / 1e9;
    }

    private static HeldOut syntheticHeldOut(int n, long seed) {
        Random r = new Random(seed);
        double[] y = new double[n];
        int[] t = new int[n];
        double[] p = new double[n];
        double[] m0 = new double[n];
        double[] m1 = new double[n];
        for (int i = 0; i < n; i++) {
            p[i] = 0.2 + 0.6 * r.nextDouble();
            t[i] = r.nextDouble() < p[i] ? 1 : 0;
            m0[i] = r.nextGaussian();
            m1[i] = m0[i] + 0.5;
            y[i] = (t[i] == 1 ? m1[i] : m0[i]) + r.nextGaussian();
        }
        return new HeldOut(y, t, p, m0, m1);
    }

    private static List<PolicyDecisions> syntheticPolicies(int n, int k, long seed) {
        Random r = new Random(seed);
        List<PolicyDecisions> out = new ArrayList<>();
        for (int p = 0; p < k; p++) {
            int[] d = new int[n];
            for (int i = 0; i < n; i++) {
                double u = r.nextDouble();
                d[i] = u < 0.05 ? PolicyDecisions.DEFER : (u < 0.5 ? 1 : 0);
            }
            out.add(new PolicyDecisions("p" + p, "synthetic", d));
        }
        return out;
    }
}
