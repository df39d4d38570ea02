package org.causalrx.causal.uncertainty;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.causalrx.causal.CateModel;
import org.causalrx.causal.EffectIntervals;
import org.causalrx.causal.TLearner;
import org.causalrx.learn.linear.LinearSettings;
import org.causalrx.learn.linear.Ridge;
import org.causalrx.util.Stats;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Known answer for subsample refits: a linear design with a confounded treatment and a known linear CATE, n = 20,000
 * training rows, an unpenalised linear T-learner (root-n, unbiased: the rate correction is exact for it), B = 20
 * refits on subsamples of m = 2,000 rows, over 40 independent data sets and 200 fixed new patients.
 * <ul>
 *   <li>The rescaled subsample SD agrees with the Monte-Carlo SD of the point estimate over the data sets and with the
 *       full-bootstrap SD (B = 20, first 4 data sets): ratios of the patient-averaged SDs within 0.8–1.25; the
 *       unrescaled SD is about √((n − m)/m) = 3 times too wide.</li>
 *   <li>The 95 % intervals cover the true CATE of 90–99 % of patients, pooled; the same refits without the rate
 *       correction cover more than 99 %.</li>
 *   <li>Estimated rate ({@link Subsample.Rate#ESTIMATED}: 10 refits of m = 2,000 and 10 of 500 rows): the estimated
 *       convergence rate is near the root-n rate (median over the data sets at least 0.45, lower quartile at least
 *       0.35: from 10 + 10 refits of a learner with few directions of variation the rate is noisy, a few data sets
 *       read 0.25–0.35), its rescaled SD agrees with the Monte-Carlo SD (0.8–1.25) and its intervals cover
 *       90–99 %.</li>
 * </ul>
 */
@Tag("slow")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SubsampleRefitsKnownAnswerTest {
    private static final int N = 20_000;
    private static final int M = 2_000;
    private static final int P = 6;
    private static final int TEST = 200;
    private static final int REPS = 40;
    private static final int FULL_REPS = 4;
    private static final int B = 20;

    private double subSd;
    private double rawSd;
    private double fullSd;
    private double subSdFullReps;
    private double mcSd;
    private double coverage;
    private double rawCoverage;
    private double[] rates;
    private double rateSd;
    private double rateCoverage;

    static double effect(double[] row) {
        return 0.5 + 0.5 * row[0] - 0.3 * row[1];
    }

    static double[] row(SplittableRandom rng) {
        double[] row = new double[P];
        for (int j = 0; j < P; j++) {
            row[j] = rng.nextGaussian();
        }
        return row;
    }

    @BeforeAll
    void simulate() {
        SplittableRandom fixed = new SplittableRandom(7);
        double[][] xt = new double[TEST][];
        for (int i = 0; i < TEST; i++) {
            xt[i] = row(fixed);
        }
        double[][] points = new double[REPS][];
        double sumSub = 0;
        double sumRaw = 0;
        double sumFull = 0;
        double sumSubFull = 0;
        int covered = 0;
        int rawCovered = 0;
        int rateCovered = 0;
        double sumRateSd = 0;
        rates = new double[REPS];
        TLearner est = new TLearner("t_ols", new Ridge(LinearSettings.nearlyUnpenalized()));
        for (int r = 0; r < REPS; r++) {
            SplittableRandom rng = new SplittableRandom(1000 + r);
            double[][] x = new double[N][];
            int[] t = new int[N];
            double[] y = new double[N];
            for (int i = 0; i < N; i++) {
                x[i] = row(rng);
                double e = 1 / (1 + Math.exp(-(0.6 * x[i][0] + 0.4 * x[i][2])));
                t[i] = rng.nextDouble() < e ? 1 : 0;
                y[i] = x[i][0] + 0.5 * x[i][2] - 0.5 * x[i][3] + t[i] * effect(x[i]) + rng.nextGaussian();
            }
            CateModel point = est.fit(x, t, y, 11 + r);
            points[r] = point.effect(xt);
            BootstrapCateModel sub = new BootstrapCate(est, B, true, M).wrap(point, x, t, y, 12 + r, 13 + r);
            assertNotNull(sub.subsample(), "n >= 2m: subsample refits");
            BootstrapCateModel raw = new BootstrapCateModel(point, sub.refits());
            double s = Stats.mean(sub.bootstrapSd(xt));
            sumSub += s;
            sumRaw += Stats.mean(raw.bootstrapSd(xt));
            if (r < FULL_REPS) {
                BootstrapCateModel full = new BootstrapCate(est, B, true).wrap(point, x, t, y, 12 + r, 13 + r);
                sumFull += Stats.mean(full.bootstrapSd(xt));
                sumSubFull += s;
            }
            BootstrapCateModel rated = new BootstrapCate(est, B, true, M, Subsample.Rate.ESTIMATED).wrap(point, x, t,
                    y, 12 + r, 13 + r);
            assertTrue(rated.subsample().twoSizes(), "estimated rate: two sizes");
            rates[r] = rated.subsample().rate();
            sumRateSd += Stats.mean(rated.bootstrapSd(xt));
            rateCovered += covered(rated.effectInterval(xt, 0.05), xt);
            covered += covered(sub.effectInterval(xt, 0.05), xt);
            rawCovered += covered(raw.effectInterval(xt, 0.05), xt);
        }
        subSd = sumSub / REPS;
        rawSd = sumRaw / REPS;
        fullSd = sumFull / FULL_REPS;
        subSdFullReps = sumSubFull / FULL_REPS;
        double mc = 0;
        for (int i = 0; i < TEST; i++) {
            double mu = 0;
            for (double[] p : points) {
                mu += p[i] / REPS;
            }
            double ss = 0;
            for (double[] p : points) {
                ss += (p[i] - mu) * (p[i] - mu);
            }
            mc += Math.sqrt(ss / (REPS - 1)) / TEST;
        }
        mcSd = mc;
        coverage = covered / (double) (REPS * TEST);
        rawCoverage = rawCovered / (double) (REPS * TEST);
        rateSd = sumRateSd / REPS;
        rateCoverage = rateCovered / (double) (REPS * TEST);
        System.out.printf("estimated rate: median %.3f (min %.3f, max %.3f), SD %.5f, coverage %.4f%n",
                Stats.median(rates), Arrays.stream(rates).min().orElseThrow(), Arrays.stream(rates).max().orElseThrow(),
                rateSd, rateCoverage);
        double[] sorted = rates.clone();
        Arrays.sort(sorted);
        System.out.println("estimated rates, sorted: " + Arrays.toString(sorted));
        System.out.printf("subsample SD %.5f (unrescaled %.5f), Monte-Carlo SD %.5f, full bootstrap SD %.5f vs "
                        + "subsample %.5f on the same %d data sets; coverage %.4f (unrescaled %.4f)%n", subSd, rawSd,
                mcSd, fullSd, subSdFullReps, FULL_REPS, coverage, rawCoverage);
    }

    private static int covered(EffectIntervals iv, double[][] xt) {
        int c = 0;
        for (int i = 0; i < xt.length; i++) {
            double tau = effect(xt[i]);
            if (iv.lo()[i] <= tau && tau <= iv.hi()[i]) {
                c++;
            }
        }
        return c;
    }

    @Test
    void rescaledSubsampleSdMatchesTheMonteCarloAndFullBootstrapSd() {
        double toMc = subSd / mcSd;
        double toFull = subSdFullReps / fullSd;
        assertTrue(toMc >= 0.8 && toMc <= 1.25, "subsample SD / Monte-Carlo SD " + toMc);
        assertTrue(toFull >= 0.8 && toFull <= 1.25, "subsample SD / full bootstrap SD " + toFull);
        double rawToMc = rawSd / mcSd;
        assertTrue(rawToMc > 2, "without the rate correction the SD is sqrt((n-m)/m) = 3 times too wide, got "
                + rawToMc);
    }

    @Test
    void subsampleIntervalsCoverTheTrueCateAtNominalRate() {
        assertTrue(coverage >= 0.90 && coverage <= 0.99, "coverage " + coverage + " for nominal 0.95");
        assertTrue(rawCoverage > 0.99, "unrescaled intervals over-cover: " + rawCoverage);
    }

    @Test
    void estimatedRateIsRootNForALinearLearnerAndKeepsCoverage() {
        double median = Stats.median(rates);
        double lowerQuartile = Stats.quantile(rates, 0.25);
        assertTrue(median >= 0.45, "median estimated rate " + median + ", root-n is 0.5");
        assertTrue(lowerQuartile >= 0.35, "lower quartile of the estimated rates " + lowerQuartile);
        double toMc = rateSd / mcSd;
        assertTrue(toMc >= 0.8 && toMc <= 1.25, "estimated-rate SD / Monte-Carlo SD " + toMc);
        assertTrue(rateCoverage >= 0.90 && rateCoverage <= 0.99, "estimated-rate coverage " + rateCoverage);
    }
}
