package org.causalrx.causal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.causalrx.learn.linear.LinearSettings;
import org.causalrx.learn.linear.LogisticRegression;
import org.causalrx.learn.linear.Ridge;
import org.causalrx.policy.AipwScores;
import org.causalrx.util.InfluenceSe;
import org.causalrx.util.Stats;
import org.junit.jupiter.api.Test;

/**
 * Known-answer tests of the cluster-robust influence-function standard errors: patients with several strongly
 * correlated rows (a patient-level covariate drives the effect, a patient-level shock the outcome). The true ATE and
 * the true value of "treat everyone" are known; the clustered 95 % interval covers them at about the nominal rate,
 * the iid one does not; with one row per patient the two are the same number.
 */
class ClusteredAipwSeTest {
    private static final int PATIENTS = 120;
    private static final int STAYS = 5;
    /** E[tau(x)] with tau(x) = 1 + 2x, x ~ N(0, 1) per patient. */
    private static final double TRUE_ATE = 1.0;
    /** E[Y(1)] = E[x + tau(x) + u] = 1. */
    private static final double TRUE_TREAT_ALL = 1.0;

    /** Rows of {@code patients} patients with {@code stays} rows each, true nuisances attached. */
    record Sim(double[][] x, int[] t, double[] y, double[] e, double[] m0, double[] m1, int[] patient) {
    }

    static Sim simulate(int patients, int stays, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int n = patients * stays;
        double[][] x = new double[n][2];
        int[] t = new int[n];
        double[] y = new double[n];
        double[] e = new double[n];
        double[] m0 = new double[n];
        double[] m1 = new double[n];
        int[] patient = new int[n];
        int i = 0;
        for (int g = 0; g < patients; g++) {
            double xg = gauss(r);
            double ug = gauss(r);
            for (int s = 0; s < stays; s++, i++) {
                patient[i] = 1000 + 7 * g;
                x[i][0] = xg;
                x[i][1] = gauss(r);
                e[i] = 1 / (1 + Math.exp(-0.5 * xg));
                t[i] = r.nextDouble() < e[i] ? 1 : 0;
                m0[i] = xg;
                m1[i] = xg + 1 + 2 * xg;
                y[i] = (t[i] == 1 ? m1[i] : m0[i]) + ug + 0.5 * gauss(r);
            }
        }
        return new Sim(x, t, y, e, m0, m1, patient);
    }

    private static double gauss(SplittableRandom r) {
        return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
    }

    private static int[] everyone(int n, int arm) {
        int[] d = new int[n];
        java.util.Arrays.fill(d, arm);
        return d;
    }

    @Test
    void clusteredIntervalsCoverTheTruthAtTheNominalRateAndIidOnesDoNot() {
        int reps = 200;
        int ateClustered = 0;
        int ateIid = 0;
        int valueClustered = 0;
        int valueIid = 0;
        int larger = 0;
        for (int rep = 0; rep < reps; rep++) {
            Sim s = simulate(PATIENTS, STAYS, 100 + rep);
            AipwEstimands clustered = new AipwEstimands(s.t(), s.y(), s.e(), s.m0(), s.m1(), s.patient());
            AipwEstimands iid = new AipwEstimands(s.t(), s.y(), s.e(), s.m0(), s.m1());
            AipwEstimands.Estimate c = clustered.estimate(Estimand.ATE, 5);
            AipwEstimands.Estimate u = iid.estimate(Estimand.ATE, 5);
            assertEquals(u.estimate(), c.estimate(), 0.0, "grouping changes the SE, not the estimate");
            ateClustered += c.ciLow() <= TRUE_ATE && TRUE_ATE <= c.ciHigh() ? 1 : 0;
            ateIid += u.ciLow() <= TRUE_ATE && TRUE_ATE <= u.ciHigh() ? 1 : 0;
            larger += c.se() > u.se() ? 1 : 0;

            AipwScores scores = AipwScores.of(s.y(), s.t(), s.e(), s.m0(), s.m1(), 0.01);
            int[] all = everyone(s.y().length, 1);
            AipwScores.Estimate vc = scores.withGroups(s.patient()).value(all, 1);
            AipwScores.Estimate vu = scores.value(all, 1);
            assertEquals(vu.value(), vc.value(), 0.0);
            valueClustered += vc.ciLow() <= TRUE_TREAT_ALL && TRUE_TREAT_ALL <= vc.ciHigh() ? 1 : 0;
            valueIid += vu.ciLow() <= TRUE_TREAT_ALL && TRUE_TREAT_ALL <= vu.ciHigh() ? 1 : 0;
            assertTrue(vc.gainSe() > vu.gainSe(), "the paired gain's SE is clustered too");
        }
        double cover = ateClustered / (double) reps;
        double coverValue = valueClustered / (double) reps;
        assertEquals(reps, larger, "the clustered SE is larger than the iid one in every replication");
        assertTrue(cover >= 0.90 && cover <= 0.99, "clustered ATE coverage " + cover);
        assertTrue(coverValue >= 0.90 && coverValue <= 0.99, "clustered treat-all coverage " + coverValue);
        assertTrue(ateIid / (double) reps < 0.85, "iid ATE coverage " + ateIid / (double) reps);
        assertTrue(valueIid / (double) reps < 0.85, "iid treat-all coverage " + valueIid / (double) reps);
    }

    @Test
    void oneRowPerPatientGivesExactlyTheIidStandardError() {
        Sim s = simulate(300, 1, 7);
        int[] ids = new int[s.y().length];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = 5 * i + 3;
        }
        for (Estimand estimand : Estimand.values()) {
            AipwEstimands.Estimate c = new AipwEstimands(s.t(), s.y(), s.e(), s.m0(), s.m1(), ids)
                    .estimate(estimand, 5);
            AipwEstimands.Estimate u = new AipwEstimands(s.t(), s.y(), s.e(), s.m0(), s.m1()).estimate(estimand, 5);
            assertEquals(u, c, estimand.key());
        }
        AipwScores scores = AipwScores.of(s.y(), s.t(), s.e(), s.m0(), s.m1(), 0.01);
        int[] all = everyone(s.y().length, 1);
        assertEquals(scores.value(all, 1), scores.withGroups(ids).value(all, 1));
        assertEquals(scores.currentPractice(-1), scores.withGroups(ids).currentPractice(-1));
        assertEquals(Stats.sd(s.y()) / Math.sqrt(s.y().length), InfluenceSe.se(s.y(), ids), 0.0);
    }

    @Test
    void theFormulaIsTheSumOfGroupTotalsWithTheSmallSampleFactor() {
        double[] psi = {1, 2, 3, 10, 4};
        int[] groups = {0, 0, 1, 2, 1};
        // mean 4; group totals of (psi - 4): -5, -1, 6; G = 3
        double expected = Math.sqrt(3.0 / 2 * (25 + 1 + 36)) / 5;
        assertEquals(expected, InfluenceSe.se(psi, groups), 1e-15);
    }

    @Test
    void crossFitAipwWithGroupsReportsTheClusteredStandardError() {
        Sim s = simulate(80, 4, 11);
        LinearSettings fixed = new LinearSettings(5, 8, Double.NaN, false, 1e-4, 1e-7, 10_000);
        CrossFitAipw aipw = new CrossFitAipw(LogisticRegression.l2(fixed), new Ridge(fixed), 5, 0.01);
        AipwEstimands grouped = aipw.nuisances(s.x(), s.t(), s.y(), 3, s.patient());
        AipwEstimands.Estimate c = grouped.estimate(Estimand.ATE, 5);
        AipwEstimands.Estimate u = new AipwEstimands(grouped.t(), grouped.y(), grouped.e(), grouped.m0(),
                grouped.m1()).estimate(Estimand.ATE, 5);
        assertEquals(u.estimate(), c.estimate(), 0.0);
        assertTrue(c.se() > 1.2 * u.se(), "clustered " + c.se() + " vs iid " + u.se());
    }
}
