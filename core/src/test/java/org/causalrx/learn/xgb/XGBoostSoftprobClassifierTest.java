package org.causalrx.learn.xgb;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** multi:softprob on a simulated K = 3 design with known class probabilities. */
@Tag("slow")
class XGBoostSoftprobClassifierTest {
    private static final double[][] TRUTH = {
        {0, 0, 0, 0},
        {-0.2, 1.0, -0.6, 0.0},
        {0.3, -0.8, 0.0, 0.9},
    };

    private static double[] trueProba(double[] row) {
        double[] e = new double[3];
        double s = 0;
        for (int a = 0; a < 3; a++) {
            double v = TRUTH[a][0];
            for (int j = 0; j < 3; j++) {
                v += TRUTH[a][j + 1] * row[j];
            }
            e[a] = Math.exp(v);
            s += e[a];
        }
        for (int a = 0; a < 3; a++) {
            e[a] /= s;
        }
        return e;
    }

    @Test
    void recoversClassProbabilitiesSumsToOneAndIsSeedDeterministic() {
        Random rng = new Random(21);
        int n = 4000;
        double[][] x = new double[n][4];
        int[] t = new int[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < 4; j++) {
                x[i][j] = rng.nextGaussian();
            }
            double[] pr = trueProba(x[i]);
            double u = rng.nextDouble();
            t[i] = u < pr[0] ? 0 : u < pr[0] + pr[1] ? 1 : 2;
        }
        XGBoostSoftprobClassifier learner = new XGBoostSoftprobClassifier();
        XGBoostSoftprobClassifier.Model m = learner.fit(x, t, 3, null, 9);
        assertEquals(3, m.classes());
        double[][] p = m.predictProba(x);
        double mae = 0;
        for (int i = 0; i < n; i++) {
            assertEquals(1.0, p[i][0] + p[i][1] + p[i][2], 1e-12, "row " + i + " sums to 1");
            double[] truth = trueProba(x[i]);
            for (int a = 0; a < 3; a++) {
                assertTrue(p[i][a] > 0 && p[i][a] < 1);
                mae += Math.abs(p[i][a] - truth[a]) / (3.0 * n);
            }
        }
        assertTrue(mae < 0.05, "mean absolute error of the class probabilities " + mae);
        double[][] again = learner.fit(x, t, 3, null, 9).predictProba(x);
        for (int i = 0; i < n; i++) {
            assertArrayEquals(p[i], again[i], 0.0, "same seed, same probabilities, row " + i);
        }
        double[][] other = learner.fit(x, t, 3, null, 10).predictProba(x);
        boolean differs = false;
        for (int i = 0; i < n && !differs; i++) {
            differs = !java.util.Arrays.equals(p[i], other[i]);
        }
        assertTrue(differs, "another seed draws other row and column subsamples");
    }
}
