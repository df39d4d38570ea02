package org.causalrx.bench;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.causalrx.cli.OutputKind;
import org.causalrx.cli.OutputTarget;
import org.causalrx.estimators.MultiArmEstimators;
import org.causalrx.util.CausalRxException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code bench multiarm}: K-arm CATE estimators on a simulated three-arm design ({@link MultiArmBenchmark}). */
@Command(name = "multiarm", mixinStandardHelpOptions = true,
        description = "K-arm CATE estimators on a simulated three-arm design: per-arm sqrt-PEHE and policy regret "
                + "against the oracle.")
final class MultiArmBench implements Callable<Integer> {
    static final long SEED = 20261203L;

    @Option(names = "--reps", description = "repetitions (default 5)")
    int reps = 5;

    @Option(names = "--n", description = "training patients per repetition (default 2000)")
    int n = 2000;

    @Option(names = "--estimators", split = ",", description = "K-arm estimators (default: every one)")
    List<String> estimators;

    @Mixin
    BenchTarget target;

    @Override
    public Integer call() throws IOException {
        if (reps < 1 || n < 100) {
            throw new CausalRxException("--reps must be at least 1 and --n at least 100, got " + reps + " and " + n);
        }
        List<String> names = estimators == null ? MultiArmEstimators.names() : estimators;
        for (String name : names) {
            if (!MultiArmEstimators.supports(name)) {
                throw new CausalRxException("--estimators: '" + name + "' is not a K-arm estimator; use one of "
                        + String.join(", ", MultiArmEstimators.names()));
            }
        }
        OutputTarget out = target.checked("multiarm", OutputKind.BENCH_JSON, List.of());
        Map<String, Object> res = MultiArmBenchmark.run(names, reps, n, SEED);
        BenchOutput.writeJson(out, "multiarm", res);
        System.out.println(res.get("design"));
        System.out.printf(Locale.ROOT, "oracle value %.3f; best single arm for everyone: regret %.3f%n",
                (Double) res.get("oracle_value"), (Double) res.get("best_single_arm_regret"));
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Double>> means = (Map<String, Map<String, Double>>) res.get("estimators");
        System.out.printf(Locale.ROOT, "%-16s %12s %12s %8s %8s%n", "estimator", "sqrtPEHE a1", "sqrtPEHE a2",
                "regret", "fit s");
        means.forEach((name, m) -> System.out.printf(Locale.ROOT, "%-16s %12.3f %12.3f %8.3f %8.2f%n", name,
                m.get("sqrt_pehe_arm1"), m.get("sqrt_pehe_arm2"), m.get("regret"), m.get("fit_seconds")));
        System.out.println("results written to " + out.path());
        return 0;
    }
}
