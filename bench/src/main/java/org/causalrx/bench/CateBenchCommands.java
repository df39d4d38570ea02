package org.causalrx.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.IntFunction;

import org.causalrx.bench.data.BenchmarkData;
import org.causalrx.bench.data.BenchmarkLoaders;
import org.causalrx.bench.data.IhdpSurfaceB;
import org.causalrx.cli.OutputKind;
import org.causalrx.cli.OutputTarget;
import org.causalrx.estimators.EstimatorRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code bench ihdp}, {@code bench ihdp-sim} and {@code bench acic}: CATE accuracy against known effects
 * ({@link CateBench}, 90/10 split seeded by replication), one CSV row per estimator and replication.
 */
final class CateBenchCommands {
    /** Base seed of the ihdp-sim replications (replication r uses this + r). */
    static final long IHDP_SIM_SEED = 2011_000L;
    static final double TEST_SHARE = 0.1;

    private CateBenchCommands() {
    }

    /** What the three commands share: the data folder, the estimators and the results file. */
    abstract static class Base implements Callable<Integer> {
        @Option(names = "--data",
                description = "benchmark data folder (default: ../shared/data/ihdp; for acic ../shared/data/acic2016)")
        Path data;

        @Option(names = "--estimators", split = ",", description = "estimators (default: all)")
        List<String> estimators;

        @Mixin
        BenchTarget target;

        /** The estimator registry, loaded once per benchmark command. */
        final EstimatorRegistry registry = EstimatorRegistry.load();

        /** The estimators asked for (all by default); an unknown name stops before any work, listing the known. */
        List<String> estimators() {
            List<String> est = estimators != null ? estimators : registry.names();
            for (String e : est) {
                if (!registry.names().contains(e)) {
                    registry.entry(e);
                }
            }
            return est;
        }

        /** Checks the estimators and the results file, then runs {@code reps} through {@code loader}. */
        int run(String name, List<Integer> reps, IntFunction<BenchmarkData> loader) throws IOException {
            List<String> est = estimators();
            OutputTarget out = target.checked(name, OutputKind.BENCH_CSV, Arrays.asList(data));
            CateBench.run(registry, reps, loader, TEST_SHARE, est, out);
            return 0;
        }
    }

    @Command(name = "ihdp", mixinStandardHelpOptions = true,
            description = "CATE accuracy on the IHDP replications (default --data ../shared/data/ihdp).")
    static final class Ihdp extends Base {
        @Option(names = "--reps", description = "replications, e.g. 1-10 or 1,3,5 (default 1-10)")
        String reps = "1-10";

        @Override
        public Integer call() throws IOException {
            Path dir = data != null ? data : Path.of("..", "shared", "data", "ihdp");
            return run("ihdp", CateBench.range(reps), rep -> BenchmarkLoaders.ihdp(dir, rep));
        }
    }

    @Command(name = "ihdp-sim", mixinStandardHelpOptions = true,
            description = "CATE accuracy on fresh replications of Hill's surface B drawn on the IHDP covariates and "
                    + "treatment of --data's replication 1 (replication r uses seed 2011000 + r): held-back data for "
                    + "checking choices made on the IHDP files.")
    static final class IhdpSim extends Base {
        @Option(names = "--reps", description = "replications, e.g. 1-20 (default 1-20)")
        String reps = "1-20";

        @Override
        public Integer call() throws IOException {
            Path dir = data != null ? data : Path.of("..", "shared", "data", "ihdp");
            List<String> est = estimators();
            OutputTarget out = target.checked("ihdp-sim", OutputKind.BENCH_CSV, Arrays.asList(data));
            BenchmarkData base = BenchmarkLoaders.ihdp(dir, 1);
            CateBench.run(registry, CateBench.range(reps), rep -> IhdpSurfaceB.draw("ihdp-sim-" + rep, base.x(),
                    base.t(),
                    IHDP_SIM_SEED + rep), TEST_SHARE, est, out);
            return 0;
        }
    }

    @Command(name = "acic", mixinStandardHelpOptions = true,
            description = "CATE accuracy on ACIC 2016 settings (default --data ../shared/data/acic2016).")
    static final class Acic extends Base {
        @Option(names = "--settings", description = "ACIC settings, e.g. 1-3 (default 1-3)")
        String settings = "1-3";

        @Override
        public Integer call() throws IOException {
            Path dir = data != null ? data : Path.of("..", "shared", "data", "acic2016");
            return run("acic", CateBench.range(settings), k -> BenchmarkLoaders.acic(dir, k));
        }
    }
}
