package org.causalrx.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.causalrx.study.Study;
import org.causalrx.study.StudyLoader;
import org.causalrx.util.CausalRxException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The synthetic design of {@code bench scale}: its effect is recovered by a plain difference in means when treatment
 * is randomised (and not when it is confounded), the same seed gives the same rows, and the files it writes hold
 * exactly those rows and a study file the loader accepts.
 */
class ScaleDesignTest {

    /** Mean y of treated minus mean y of controls, and the mean true effect. */
    private static double[] differenceAndMeanEffect(ScaleDesign d) {
        double[] sums = new double[5];
        d.forEachRow((i, x, t, y, tau) -> {
            sums[t] += y;
            sums[2 + t]++;
            sums[4] += tau;
        });
        return new double[] {sums[1] / sums[3] - sums[0] / sums[2], sums[4] / d.rows()};
    }

    @Test
    void randomizedDifferenceInMeansRecoversTheKnownEffect() {
        double[] r = differenceAndMeanEffect(new ScaleDesign(20_000, 6, 11, true));
        // SE of the difference is about 0.03 at n = 20,000
        assertEquals(ScaleDesign.TRUE_ATE, r[0], 0.12, "difference in means " + r[0]);
        assertEquals(ScaleDesign.TRUE_ATE, r[1], 0.05, "mean true effect " + r[1]);
    }

    @Test
    void confoundedDifferenceInMeansIsBiased() {
        double[] r = differenceAndMeanEffect(new ScaleDesign(20_000, 6, 11, false));
        // x1 + 0.5 x2 - 0.5 x3 raises both y and the chance of treatment
        assertTrue(r[0] - ScaleDesign.TRUE_ATE > 0.5, "naive difference " + r[0] + " should be biased upwards");
    }

    @Test
    void sameSeedSameRowsOtherSeedOtherRows() {
        assertArrayEquals(rows(new ScaleDesign(300, 5, 7, false)), rows(new ScaleDesign(300, 5, 7, false)));
        assertFalse(java.util.Arrays.equals(rows(new ScaleDesign(300, 5, 7, false)),
                rows(new ScaleDesign(300, 5, 8, false))));
    }

    private static double[] rows(ScaleDesign d) {
        List<Double> out = new ArrayList<>();
        d.forEachRow((i, x, t, y, tau) -> {
            for (double v : x) {
                out.add(v);
            }
            out.add((double) t);
            out.add(y);
        });
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    @Test
    void writtenCsvHoldsTheGeneratedRowsAndTheStudyLoads(@TempDir Path dir) throws Exception {
        ScaleDesign d = new ScaleDesign(200, 5, 3, false);
        Path studyFile = ScaleStudyFiles.write(d, dir.resolve("s"), 100, ScaleBench.DEFAULT_ESTIMATORS);
        List<String> lines = Files.readAllLines(studyFile.resolveSibling(ScaleStudyFiles.DATA));
        assertEquals("id,t,y,x1,x2,x3,x4,x5", lines.get(0));
        assertEquals(201, lines.size());
        d.forEachRow((i, x, t, y, tau) -> {
            String[] f = lines.get(i + 1).split(",");
            assertEquals(i + 1, Integer.parseInt(f[0]));
            assertEquals(t, Integer.parseInt(f[1]));
            assertEquals(y, Double.parseDouble(f[2]));
            for (int j = 0; j < x.length; j++) {
                assertEquals(x[j], Double.parseDouble(f[3 + j]), "row " + i + " x" + (j + 1));
            }
        });
        Study s = StudyLoader.load(studyFile);
        assertEquals(ScaleBench.DEFAULT_ESTIMATORS, s.estimators());
        assertEquals(5, s.covariates().size());
        assertEquals(3, s.seed());
        assertTrue(Files.readString(studyFile).startsWith("# SYNTHETIC"));
    }

    @Test
    void fixedFourDecimals() {
        StringBuilder sb = new StringBuilder();
        ScaleStudyFiles.appendFixed4(sb.append('|'), -0.05);
        ScaleStudyFiles.appendFixed4(sb.append('|'), 12.3456);
        ScaleStudyFiles.appendFixed4(sb.append('|'), 0.0);
        ScaleStudyFiles.appendFixed4(sb.append('|'), -3.0001);
        assertEquals("|-0.0500|12.3456|0.0000|-3.0001", sb.toString());
    }

    @Test
    void aFolderItDidNotWriteIsRefused(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("notes.txt"), "mine\n");
        assertThrows(CausalRxException.class, () -> ScaleStudyFiles.claim(dir));
        assertEquals(List.of("notes.txt"), Files.list(dir).map(p -> p.getFileName().toString()).toList());
    }
}
