package org.causalrx.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.causalrx.cli.OutputKind;
import org.causalrx.cli.OutputTarget;
import org.causalrx.data.Table;
import org.causalrx.data.TableReader;
import org.causalrx.pipeline.Progress;
import org.causalrx.pipeline.ResultsJson;
import org.causalrx.pipeline.RunOutput;
import org.causalrx.pipeline.StudyRun;
import org.causalrx.policy.Bootstrap;
import org.causalrx.policy.HeldOut;
import org.causalrx.policy.PolicyDecisions;
import org.causalrx.report.ReportWriter;
import org.causalrx.study.Study;
import org.causalrx.study.StudyLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code bench nhefs}: full-run wall time (read, pipeline, results.json and report) with 10,000 bootstrap rounds,
 * and bootstrap throughput in rounds × policies × rows per second, serial vs parallel in the same process, on
 * synthetic rows of the run's test-split size. Writes a JSON results file.
 */
@Command(name = "nhefs", mixinStandardHelpOptions = true,
        description = "Full-run wall time with 10,000 bootstrap rounds and bootstrap throughput, serial vs parallel.")
final class NhefsBench implements Callable<Integer> {
    static final int ROUNDS = 10_000;

    @Option(names = "--study", description = "study to time (default: examples/nhefs/study.yaml)")
    Path study = Path.of("examples", "nhefs", "study.yaml");

    @Option(names = "--repeats", description = "full runs to time (default 3; the first includes JIT warm-up)")
    int repeats = 3;

    @Mixin
    BenchTarget target;

    @Override
    public Integer call() throws IOException {
        OutputTarget out = target.checked("nhefs", OutputKind.BENCH_JSON, List.of(study));
        Study loaded = StudyLoader.load(study);
        Study s = loaded.withSeedAndRounds(loaded.seed(), ROUNDS);
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("study", s.name());
        results.put("bootstrap_rounds", ROUNDS);
        results.put("cores", Runtime.getRuntime().availableProcessors());
        List<Double> runs = new ArrayList<>();
        int testRows = 0;
        int policies = 0;
        for (int r = 0; r < repeats; r++) {
            long t0 = System.nanoTime();
            Table table = TableReader.read(s.data());
            RunOutput output = new StudyRun().run(s, table, Progress.NONE);
            Path tmp = Files.createTempDirectory("causalrx-bench");
            Files.writeString(tmp.resolve("results.json"), ResultsJson.write(output.result()));
            ReportWriter.write(output.result(), output.figures(), tmp);
            double sec = (System.nanoTime() - t0) / 1e9;
            BenchOutput.deleteScratch(tmp);
            runs.add(sec);
            testRows = output.result().n().test();
            policies = output.result().policies().size();
            System.out.printf(Locale.ROOT, "full run %d: %.2f s (target < 30 s)%n", r + 1, sec);
        }
        results.put("full_run_seconds", runs);
        results.put("full_run_seconds_best", runs.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN));

        HeldOut data = SyntheticPolicies.heldOut(testRows, 1);
        List<PolicyDecisions> ps = SyntheticPolicies.policies(testRows, policies, 2);
        Bootstrap.run(data, ps, 2_000, 3, true); // warm-up
        double serial = SyntheticPolicies.timeBootstrap(data, ps, false);
        double parallel = SyntheticPolicies.timeBootstrap(data, ps, true);
        double work = (double) ROUNDS * policies * testRows;
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
        BenchOutput.writeJson(out, "nhefs", results);
        System.out.println("results written to " + out.path());
        return 0;
    }
}
