package org.causalrx.causal.meta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;

import org.causalrx.causal.CrossFitAipw;
import org.causalrx.learn.linear.LinearSettings;
import org.causalrx.learn.linear.MultinomialRegression;
import org.causalrx.learn.linear.Ridge;
import org.causalrx.util.Stats;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Known answer for the K-arm AIPW standard errors with patients who have several stays: each patient keeps one arm
 * for all stays and carries a patient effect shared by their outcomes, so the stays of one patient are correlated.
 * Over repeated data sets the cluster-robust SE matches the empirical SD of the estimates and the iid SE is far too
 * small; with one row per patient the grouped fit is the iid fit.
 */
@Tag("slow")
class MultiArmAipwClusteredSeTest {
    private static final int PATIENTS = 120;
    private static final int STAYS = 4;
    private static final int REPLICATIONS = 120;
    private static final double[] TAU = {0, 1, -0.5};

    private record Data(double[][] x, int[] t, double[] y, int[] groups) {
    }

    /** Arm per patient from softmax(0, z, −z); y = x + tau_t + u_patient (SD 2) + N(0, 1) per stay. */
    private static Data data(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int n = PATIENTS * STAYS;
        double[][] x = new double[n][];
        int[] t = new int[n];
        double[] y = new double[n];
        int[] g = new int[n];
        int i = 0;
        for (int p = 0; p < PATIENTS; p++) {
            double z = r.nextGaussian();
            double[] w = {1, Math.exp(0.5 * z), Math.exp(-0.5 * z)};
            double u = r.nextDouble() * (w[0] + w[1] + w[2]);
            int arm = u < w[0] ? 0 : u < w[0] + w[1] ? 1 : 2;
            double effect = 2 * r.nextGaussian();
            for (int s = 0; s < STAYS; s++, i++) {
                x[i] = new double[] {z + 0.3 * r.nextGaussian()};
                t[i] = arm;
                y[i] = x[i][0] + TAU[arm] + effect + r.nextGaussian();
                g[i] = p;
            }
        }
        return new Data(x, t, y, g);
    }

    private static MultiArmAipw aipw() {
        return new MultiArmAipw(MultinomialRegression.l2().atLambda(1e-3),
                new Ridge(LinearSettings.defaults().withFixedLambda(1e-3)), 2, 0.01);
    }

    @Test
    void clusteredSeMatchesTheSpreadOverDataSetsAndIidIsTooSmall() {
        MultiArmAipw aipw = aipw();
        double[][] est = new double[2][REPLICATIONS];
        double[][] clustered = new double[2][REPLICATIONS];
        double[][] iid = new double[2][REPLICATIONS];
        for (int rep = 0; rep < REPLICATIONS; rep++) {
            Data d = data(1000 + rep);
            List<CrossFitAipw.Estimate> grouped = aipw.fit(d.x(), d.t(), 3, d.y(), d.groups(),
                    f -> aipw.propensity(), 7L + rep).contrasts();
            List<CrossFitAipw.Estimate> rows = aipw.contrasts(d.x(), d.t(), 3, d.y(), 7L + rep);
            for (int a = 0; a < 2; a++) {
                est[a][rep] = grouped.get(a).ate();
                clustered[a][rep] = grouped.get(a).se();
                iid[a][rep] = rows.get(a).se();
            }
        }
        for (int a = 0; a < 2; a++) {
            double sd = Stats.sd(est[a]);
            double meanClustered = Stats.mean(clustered[a]);
            double meanIid = Stats.mean(iid[a]);
            assertEquals(TAU[a + 1], Stats.mean(est[a]), 3 * sd / Math.sqrt(REPLICATIONS), "arm " + (a + 1));
            assertTrue(meanClustered > 0.8 * sd && meanClustered < 1.25 * sd,
                    "arm " + (a + 1) + ": clustered SE " + meanClustered + " vs empirical SD " + sd);
            assertTrue(meanIid < 0.7 * sd, "arm " + (a + 1) + ": iid SE " + meanIid + " vs empirical SD " + sd);
        }
    }

    @Test
    void oneRowPerPatientGivesTheIidStandardErrors() {
        MultiArmAipw aipw = aipw();
        Data d = data(5);
        int[] own = new int[d.y().length];
        for (int i = 0; i < own.length; i++) {
            own[i] = i;
        }
        List<CrossFitAipw.Estimate> grouped = aipw.fit(d.x(), d.t(), 3, d.y(), own, f -> aipw.propensity(), 3L)
                .contrasts();
        List<CrossFitAipw.Estimate> rows = aipw.contrasts(d.x(), d.t(), 3, d.y(), 3L);
        assertEquals(rows, grouped);
    }
}
