package org.causalrx.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.SplittableRandom;

import org.causalrx.policy.HeldOut;
import org.causalrx.result.Arms;
import org.causalrx.study.Study;
import org.junit.jupiter.api.Test;

/**
 * The K-arm sensitivity stage's AIPW arm effects with test patients that have several rows: with every patient's
 * row copied the clustered SE is the iid one times about √copies; with one row per patient it is the iid one.
 */
class MultiArmSensitivityGroupsTest {
    private static final Arms THREE = new Arms(List.of("r", "a", "b"), List.of("ref", "arm a", "arm b"));

    /** {@code patients} test patients, each repeated {@code copies} times (patient p at rows p, p + patients, ...). */
    private static HeldOut copies(int patients, int copies, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int n = patients * copies;
        double[] y = new double[n];
        int[] t = new int[n];
        double[][] p = new double[n][];
        double[][] mu = new double[n][];
        for (int i = 0; i < patients; i++) {
            double x = r.nextGaussian();
            int arm = r.nextInt(3);
            double yi = x + (arm == 1 ? 0.5 + x : arm == 2 ? -0.5 : 0) + r.nextGaussian();
            for (int c = 0; c < copies; c++) {
                int row = i + c * patients;
                y[row] = yi;
                t[row] = arm;
                p[row] = new double[] {1 / 3.0, 1 / 3.0, 1 / 3.0};
                mu[row] = new double[] {x, 0.5 + 2 * x, x - 0.5};
            }
        }
        return new HeldOut(y, t, p, mu);
    }

    private static int[] patientOfRow(int patients, int copies) {
        int[] g = new int[patients * copies];
        for (int i = 0; i < g.length; i++) {
            g[i] = i % patients;
        }
        return g;
    }

    @Test
    void copiedPatientsGetAClusteredStandardError() {
        int patients = 300;
        HeldOut test = copies(patients, 4, 5);
        MultiArmSensitivity iid = MultiArmSensitivity.compute(THREE, test, test.y(), false, Study.Direction.HIGHER,
                null);
        MultiArmSensitivity clustered = MultiArmSensitivity.compute(THREE, test, test.y(), false,
                Study.Direction.HIGHER, null, patientOfRow(patients, 4));
        for (int a = 0; a < 2; a++) {
            MultiArmSensitivity.Arm u = iid.arms().get(a);
            MultiArmSensitivity.Arm c = clustered.arms().get(a);
            assertEquals(u.effect(), c.effect(), 0.0);
            // ratio² = (n − 1) / (G − 1) · G / n · copies for exact copies: √4 up to O(1/G)
            assertEquals(2.0, c.se() / u.se(), 0.01, "arm " + a);
            assertEquals(c.effect() - 1.959963984540054 * c.se(), c.ciLow(), 1e-12);
        }
    }

    @Test
    void oneRowPerPatientIsTheIidStandardError() {
        HeldOut test = copies(200, 1, 8);
        MultiArmSensitivity iid = MultiArmSensitivity.compute(THREE, test, test.y(), false, Study.Direction.HIGHER,
                null);
        MultiArmSensitivity clustered = MultiArmSensitivity.compute(THREE, test, test.y(), false,
                Study.Direction.HIGHER, null, patientOfRow(200, 1));
        assertEquals(iid, clustered);
    }
}
