package org.causalrx.bench;

import java.nio.file.Path;
import java.util.List;

import org.causalrx.cli.OutputKind;
import org.causalrx.cli.OutputTarget;
import picocli.CommandLine.Option;

/**
 * The {@code --out} and {@code --overwrite} options every benchmark shares (a picocli mixin), and the results file
 * they name, checked by the app's {@link OutputTarget} rules before the benchmark does any work.
 */
final class BenchTarget {

    @Option(names = "--out", description = "results file (default: runs/bench/bench-<name>.json or .csv)")
    Path out;

    @Option(names = OutputTarget.FLAG, description = "replace the results file when it is an earlier CausalRx "
            + "benchmark file of the same kind; anything else is never replaced")
    boolean overwrite;

    /**
     * The results file of benchmark {@code name}: {@code --out}, else {@code runs/bench/bench-NAME.csv} (CSV kind) or
     * {@code .json}; refused (with one line saying why) when it may not be written.
     *
     * @param inputs files and folders the benchmark reads (never replaced; nulls are ignored)
     */
    OutputTarget checked(String name, OutputKind kind, List<Path> inputs) {
        String defaultName = "bench-" + name + (kind == OutputKind.BENCH_CSV ? ".csv" : ".json");
        OutputTarget t = new OutputTarget(out != null ? out : Path.of("runs", "bench", defaultName), kind, overwrite,
                "bench " + name, inputs);
        t.check();
        return t;
    }
}
