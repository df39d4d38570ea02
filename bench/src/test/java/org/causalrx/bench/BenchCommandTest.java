package org.causalrx.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.causalrx.bench.data.IhdpFixture;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The IHDP benchmark writes the agreed CSV (on synthetic IHDP-layout files, {@link IhdpFixture}); unknown
 * estimators are refused before any work.
 */
class BenchCommandTest {
    @Test
    @Tag("slow")
    void ihdpBenchmarkWritesTheAgreedCsv(@TempDir Path dir) throws Exception {
        Path data = Files.createDirectory(dir.resolve("ihdp"));
        IhdpFixture.write(data, 747, 2, 20261122);
        Path out = dir.resolve("ihdp.csv");
        assertEquals(0, BenchMain.execute(new PrintWriter(System.err, true), "bench", "ihdp", "--data", data.toString(),
                "--reps", "1-2", "--estimators", "t_ridge,t_lasso", "--out", out.toString()));
        List<String> lines = Files.readAllLines(out);
        assertEquals("estimator,rep,sqrt_pehe_in,sqrt_pehe_out,ate_err_in,ate_err_out,fit_seconds,nn_pehe_out",
                lines.get(0));
        assertEquals(5, lines.size());
        String[] f = lines.get(1).split(",");
        assertEquals("t_ridge", f[0]);
        assertEquals("1", f[1]);
        double peheOut = Double.parseDouble(f[3]);
        // the fixture's surfaces are linear: a linear T-learner recovers the effect to within the noise SD
        assertTrue(peheOut > 0 && peheOut < 1, "a sensible sqrt-PEHE: " + peheOut);
        // NN-PEHE uses factual outcomes only, so it carries their noise: above the true PEHE (noise SD 1)
        double nnPehe = Double.parseDouble(f[7]);
        assertTrue(nnPehe > peheOut && nnPehe < 10, "NN-PEHE " + nnPehe + " vs true sqrt-PEHE " + peheOut);
    }

    @Test
    void unknownEstimatorIsRefused(@TempDir Path dir) {
        StringWriter err = new StringWriter();
        assertEquals(2, BenchMain.execute(new PrintWriter(err, true), "bench", "ihdp", "--estimators", "t_magic",
                "--out", dir.resolve("x.csv").toString()));
        assertTrue(err.toString().contains("t_magic") && err.toString().contains("t_xgboost"), err.toString());
    }
}
