package org.causalrx.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * One {@code run} of the three-arm dose simulation ({@link MultiArmRunCommandTest#csv}, 900 patients) with the
 * estimators {@link #ESTIMATORS} and the id column listed as a covariate, shared by the test classes of one JVM
 * that read its output and console rather than fit their own.
 *
 * @param out     the run's output folder (tests must not change it)
 * @param console what the run printed on standard output
 */
record MultiArmRunFixture(Path out, String console) {
    /** The CATE estimators of the shared run, in the study's order. */
    static final List<String> ESTIMATORS = List.of("t_ridge", "t_lasso", "t_xgboost");

    private static MultiArmRunFixture shared;

    /** The shared run; runs the study on first use, into a fresh temporary folder. */
    static synchronized MultiArmRunFixture get() throws IOException {
        if (shared == null) {
            Path dir = ScratchFolder.create("causalrx-multiarm-test");
            Files.writeString(dir.resolve("data.csv"), MultiArmRunCommandTest.csv(900, 1));
            Files.writeString(dir.resolve("study.yaml"), MultiArmRunCommandTest.study(String.join(", ", ESTIMATORS))
                    .replace("covariates:\n", "covariates:\n  - {name: id, role: confounder}\n"));
            Path out = dir.resolve("run");
            String console = BadInputMatrixTest.stdout(() -> assertEquals(0,
                    Main.execute("run", dir.resolve("study.yaml").toString(), "--out", out.toString())));
            shared = new MultiArmRunFixture(out, console);
        }
        return shared;
    }
}
