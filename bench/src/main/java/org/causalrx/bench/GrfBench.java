package org.causalrx.bench;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.causalrx.cli.OutputKind;
import org.causalrx.cli.OutputTarget;
import org.causalrx.util.CausalRxException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code bench grf}: the causal forest on grf's "simple" design ({@link GrfSimpleBenchmark}); prints the averages
 * beside grf 2.6.1's figures and writes a JSON results file.
 */
@Command(name = "grf", mixinStandardHelpOptions = true,
        description = "The causal forest on grf's simple design: tau MSE, variance ratio, coverage, fit / predict "
                + "times.")
final class GrfBench implements Callable<Integer> {
    static final long SEED = 20190101L;

    @Option(names = "--reps", description = "repetitions: a count N, or a range such as 1-3 (its length; default 1)")
    String reps = "1";

    @Mixin
    BenchTarget target;

    @Override
    public Integer call() throws IOException {
        int n = repetitions(reps);
        OutputTarget out = target.checked("grf", OutputKind.BENCH_JSON, List.of());
        Map<String, Object> res = GrfSimpleBenchmark.run(n, SEED);
        BenchOutput.writeJson(out, "grf", res);
        res.forEach((k, v) -> {
            if (!k.equals("runs")) {
                System.out.println(k + " = " + v);
            }
        });
        System.out.println("grf 2.6.1 on the same design: tau MSE 0.0093, variance ratio 1.25, fit 11.70 s, "
                + "predict 3.43 s, predict with variance 4.89 s");
        System.out.println("results written to " + out.path());
        return 0;
    }

    /** "N" → N; a range or list ("1-3", "1,2") → its length. */
    static int repetitions(String spec) {
        String s = spec.trim();
        if (s.matches("\\d+")) {
            int n = Integer.parseInt(s);
            if (n < 1) {
                throw new CausalRxException("--reps must be at least 1, got " + spec);
            }
            return n;
        }
        return CateBench.range(s).size();
    }
}
