package org.causalrx.causal.diagnostics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.causalrx.causal.AipwEstimands;
import org.causalrx.causal.CrossFitAipw;
import org.causalrx.causal.Estimand;
import org.causalrx.learn.linear.LinearSettings;
import org.causalrx.learn.linear.LogisticRegression;
import org.causalrx.learn.linear.Ridge;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Refutations of a cross-fitted AIPW ATE on a confounded simulation with a true ATE of 2: the last covariate drives
 * both treatment (logistic, slope 1.5) and outcome (slope 2), so the unadjusted difference in means is far off.
 * With the correct estimator (logistic propensity and ridge outcome models, lambda fixed) every check passes;
 * estimators with a known defect fail the check built to catch it.
 */
@Tag("slow")
class AteRefuterTest {
    private static final double ATE = 2.0;
    private static final LinearSettings FIXED = LinearSettings.defaults().withFixedLambda(1e-3);
    private static final CrossFitAipw AIPW = new CrossFitAipw(LogisticRegression.l2(FIXED), new Ridge(FIXED), 5,
            0.01);
    private static final RefutationRules RULES = RefutationRules.defaults();

    private record Data(double[][] x, int[] t, double[] y) {
    }

    private static Data simulate(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] x = new double[n][3];
        int[] t = new int[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < 3; j++) {
                x[i][j] = r.nextGaussian();
            }
            t[i] = r.nextDouble() < 1 / (1 + Math.exp(-1.5 * x[i][2])) ? 1 : 0;
            y[i] = 0.5 * x[i][0] - 0.5 * x[i][1] + 2 * x[i][2] + ATE * t[i] + r.nextGaussian();
        }
        return new Data(x, t, y);
    }

    private static double naive(Data d) {
        double[] s = new double[2];
        int[] n = new int[2];
        for (int i = 0; i < d.t().length; i++) {
            s[d.t()[i]] += d.y()[i];
            n[d.t()[i]]++;
        }
        return s[1] / n[1] - s[0] / n[0];
    }

    @Test
    void theCorrectEstimatorPassesAllThreeChecksOnSeveralDataSets() {
        for (long seed = 1; seed <= 3; seed++) {
            Data d = simulate(1500, seed);
            assertTrue(naive(d) - ATE > 1.5, "the simulation is confounded: naive " + naive(d));
            CrossFitAipw.Estimate original = AIPW.estimate(d.x(), d.t(), d.y(), seed);
            assertTrue(Math.abs(original.ate() - ATE) < 3 * original.se(), "AIPW recovers the ATE: " + original);
            List<Refutation> checks = new AteRefuter(AIPW::estimate, RULES, false).refute(d.x(), d.t(), d.y(), original,
                    seed);
            assertEquals(List.of(RefutationCheck.values()), checks.stream().map(Refutation::check).toList());
            for (Refutation c : checks) {
                assertTrue(c.passed(), "seed " + seed + ": " + c);
                assertEquals(original.ate(), c.original());
                assertEquals(original.se(), c.originalSe());
            }
            Refutation placebo = checks.get(0);
            assertEquals(RULES.placeboDraws(), placebo.draws());
            assertTrue(Math.abs(placebo.estimate()) < 2 * original.se(), "placebo ATE near 0: " + placebo);
            Refutation common = checks.get(1);
            assertTrue(Math.abs(common.estimate() - original.ate()) < 0.2 * original.se(), common.toString());
            Refutation subset = checks.get(2);
            assertTrue(Math.abs(subset.estimate() - ATE) < 3 * original.se(), subset.toString());
        }
    }

    @Test
    void stalePropensityAndOutcomeModelsFailThePlacebo() {
        Data d = simulate(2000, 5);
        CrossFitAipw.Estimate original = AIPW.estimate(d.x(), d.t(), d.y(), 5);
        AipwEstimands stale = AIPW.nuisances(d.x(), d.t(), d.y(), 5);
        // a defect: nuisances fitted once on the observed treatment and reused for whatever treatment is passed in
        AteRefuter.AteFit reused = (x, t, y, g, s) -> {
            AipwEstimands.Estimate e = new AipwEstimands(t, y, stale.e(), stale.m0(), stale.m1())
                    .estimate(Estimand.ATE, 5);
            return new CrossFitAipw.Estimate(e.estimate(), e.se(), e.ciLow(), e.ciHigh(), e.n(), 5);
        };
        Refutation placebo = new AteRefuter(reused, RULES, false).placebo(d.x(), d.t(), d.y(), original, 5);
        assertFalse(placebo.passed(), placebo.toString());
        assertTrue(Math.abs(placebo.estimate()) > 1, "the placebo keeps most of the effect: " + placebo);
    }

    @Test
    void anEstimatorThatAdjustsOnlyForItsLastColumnFailsTheRandomCommonCause() {
        Data d = simulate(2000, 6);
        AteRefuter.AteFit lastOnly = (x, t, y, g, s) -> AIPW.estimate(Arrays.stream(x)
                .map(row -> new double[] {row[row.length - 1]}).toArray(double[][]::new), t, y, s);
        CrossFitAipw.Estimate original = lastOnly.estimate(d.x(), d.t(), d.y(), null, 6);
        assertTrue(Math.abs(original.ate() - ATE) < 3 * original.se(), "the confounder is last: " + original);
        Refutation common = new AteRefuter(lastOnly, RULES, false).commonCause(d.x(), d.t(), d.y(), original, 6);
        assertFalse(common.passed(), common.toString());
        assertTrue(common.estimate() - original.ate() > 1, "the added column hides the confounder: " + common);
    }

    @Test
    void anEstimateThatScalesWithSampleSizeOrJumpsAtRandomFailsTheSubsetCheck() {
        Data d = simulate(2000, 7);
        int full = d.y().length;
        AteRefuter.AteFit perFullCohort = (x, t, y, g, s) -> {
            CrossFitAipw.Estimate e = AIPW.estimate(x, t, y, s);
            double k = y.length / (double) full;
            return new CrossFitAipw.Estimate(e.ate() * k, e.se() * k, e.ciLow() * k, e.ciHigh() * k, e.n(), 5);
        };
        CrossFitAipw.Estimate original = perFullCohort.estimate(d.x(), d.t(), d.y(), null, 7);
        Refutation scaled = new AteRefuter(perFullCohort, RULES, false).subset(d.x(), d.t(), d.y(), original, 7);
        assertFalse(scaled.passed(), scaled.toString());
        AteRefuter.AteFit jumpy = (x, t, y, g, s) -> {
            CrossFitAipw.Estimate e = AIPW.estimate(x, t, y, s);
            double noise = 5 * e.se() * new SplittableRandom(Arrays.hashCode(y)).nextGaussian();
            return new CrossFitAipw.Estimate(e.ate() + noise, e.se(), e.ciLow() + noise, e.ciHigh() + noise, e.n(),
                    5);
        };
        CrossFitAipw.Estimate jumpyOriginal = jumpy.estimate(d.x(), d.t(), d.y(), null, 7);
        Refutation unstable = new AteRefuter(jumpy, RULES, false).subset(d.x(), d.t(), d.y(), jumpyOriginal, 7);
        assertFalse(unstable.passed(), unstable.toString());
    }

    @Test
    void sameSeedGivesIdenticalRefutationsOnOneOrSeveralThreads() {
        Data d = simulate(600, 8);
        CrossFitAipw.Estimate original = AIPW.estimate(d.x(), d.t(), d.y(), 8);
        RefutationRules few = new RefutationRules(3, 0.5, 1, 0.5, 2, 0.8, 2);
        List<Refutation> serial = new AteRefuter(AIPW::estimate, few, false).refute(d.x(), d.t(), d.y(), original, 8);
        assertEquals(serial, new AteRefuter(AIPW::estimate, few, false).refute(d.x(), d.t(), d.y(), original, 8));
        assertEquals(serial, new AteRefuter(AIPW::estimate, few, true).refute(d.x(), d.t(), d.y(), original, 8),
                "threads do not change the draws");
    }

    @Test
    void subsetsAreDistinctSortedRowsAndPermutationsKeepTheTreatedCount() {
        int[] rows = AteRefuter.sample(100, 80, 3);
        assertEquals(80, Arrays.stream(rows).distinct().count());
        assertTrue(Arrays.equals(rows, Arrays.stream(rows).sorted().toArray()) && rows[79] < 100 && rows[0] >= 0);
        int[] t = simulate(200, 9).t();
        int[] p = AteRefuter.permuted(t, 4);
        assertEquals(Arrays.stream(t).sum(), Arrays.stream(p).sum());
        assertFalse(Arrays.equals(t, p));
    }
}
