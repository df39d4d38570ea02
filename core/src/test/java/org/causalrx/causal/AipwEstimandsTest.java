package org.causalrx.causal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;

import org.causalrx.learn.linear.LogisticRegression;
import org.causalrx.learn.linear.Ridge;
import org.causalrx.util.Seeds;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Cross-fitted AIPW ATE, ATT and ATC on a simulation where they differ: e(x) = logistic(x1) and tau(x) = 1 + 2 x1,
 * so the treated have larger effects than the controls. Nuisances are correctly specified (logistic propensity,
 * linear outcome per arm). Population truths by quadrature over x1 ~ N(0, 1).
 */
class AipwEstimandsTest {
    private static final double A = 1.0;

    private static double expit(double v) {
        return 1 / (1 + Math.exp(-v));
    }

    /** E[1 + 2 x1 | T = arm] with P(T = 1 | x1) = expit(A x1), by the trapezoid rule on [−10, 10]. */
    private static double truth(int arm) {
        double num = 0;
        double den = 0;
        double h = 1e-3;
        for (double v = -10; v <= 10; v += h) {
            double w = Math.exp(-v * v / 2) * (arm == 1 ? expit(A * v) : 1 - expit(A * v));
            num += w * (1 + 2 * v);
            den += w;
        }
        return num / den;
    }

    private record Data(double[][] x, int[] t, double[] y) {
    }

    private static Data simulate(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] x = new double[n][2];
        int[] t = new int[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i][0] = r.nextGaussian();
            x[i][1] = r.nextGaussian();
            t[i] = r.nextDouble() < expit(A * x[i][0]) ? 1 : 0;
            y[i] = x[i][0] + 0.5 * x[i][1] + t[i] * (1 + 2 * x[i][0]) + r.nextGaussian();
        }
        return new Data(x, t, y);
    }

    private static final CrossFitAipw AIPW = new CrossFitAipw(LogisticRegression.l2(), new Ridge(), 5, 0.01);
    private static final CrossFitAipw TWO_FOLD = new CrossFitAipw(LogisticRegression.l2(), new Ridge(), 2, 0.01);
    private static final List<Estimand> ALL = List.of(Estimand.ATE, Estimand.ATT, Estimand.ATC);

    @Test
    void estimatesAreWithinThreeStandardErrorsOfDistinctTruths() {
        double att = truth(1);
        double atc = truth(0);
        assertTrue(att > 1.5 && atc < 0.5, "the simulation separates the estimands: " + att + ", " + atc);
        Data d = simulate(4000, 1);
        List<AipwEstimands.Estimate> est = AIPW.estimates(d.x(), d.t(), d.y(), 7, ALL);
        double[] truths = {1, att, atc};
        for (int k = 0; k < 3; k++) {
            AipwEstimands.Estimate e = est.get(k);
            assertEquals(ALL.get(k), e.estimand());
            assertTrue(Math.abs(e.estimate() - truths[k]) < 3 * e.se(), e + " vs truth " + truths[k]);
            assertTrue(e.se() > 0 && e.se() < 0.2, e.toString());
            assertEquals(4000, e.n());
            assertEquals(5, e.folds());
        }
        assertTrue(est.get(1).ciLow() > est.get(0).ciHigh() && est.get(0).ciLow() > est.get(2).ciHigh(),
                "ATT > ATE > ATC with disjoint intervals: " + est);
    }

    @Test
    void theAteAmongTheEstimandsIsTheAteEstimateAndSameSeedRepeats() {
        Data d = simulate(600, 2);
        CrossFitAipw.Estimate ate = AIPW.estimate(d.x(), d.t(), d.y(), 11);
        List<AipwEstimands.Estimate> est = AIPW.estimates(d.x(), d.t(), d.y(), 11, List.of(Estimand.ATT,
                Estimand.ATE));
        assertEquals(ate.ate(), est.get(1).estimate(), 0.0);
        assertEquals(ate.se(), est.get(1).se(), 0.0);
        assertEquals(est, AIPW.estimates(d.x(), d.t(), d.y(), 11, List.of(Estimand.ATT, Estimand.ATE)));
    }

    @Test
    @Tag("slow")
    void intervalsCoverTheTruthAtAboutTheNominalRate() {
        double[] truths = {1, truth(1), truth(0)};
        int seeds = 100;
        int[] covered = new int[3];
        for (int s = 0; s < seeds; s++) {
            Data d = simulate(600, Seeds.derive(100, "coverage-" + s));
            List<AipwEstimands.Estimate> est = TWO_FOLD.estimates(d.x(), d.t(), d.y(), s, ALL);
            for (int k = 0; k < 3; k++) {
                if (est.get(k).ciLow() <= truths[k] && truths[k] <= est.get(k).ciHigh()) {
                    covered[k]++;
                }
            }
        }
        for (int k = 0; k < 3; k++) {
            double rate = covered[k] / (double) seeds;
            assertTrue(rate >= 0.88 && rate <= 0.99, ALL.get(k) + " coverage " + rate);
        }
    }

    @Test
    void attMatchesTheFormulaOnGivenNuisances() {
        int[] t = {1, 0, 1, 0, 0};
        double[] y = {3, 1, 4, 0, 2};
        double[] e = {0.6, 0.3, 0.5, 0.2, 0.4};
        double[] m0 = {1, 0.5, 2, 0.5, 1};
        double[] m1 = {2.5, 2, 3, 1, 2};
        AipwEstimands a = new AipwEstimands(t, y, e, m0, m1);
        // ATT: (1/2) [(3 − 1) + (4 − 2) − 0.3/0.7 (1 − 0.5) − 0.2/0.8 (0 − 0.5) − 0.4/0.6 (2 − 1)]
        double att = ((3 - 1) + (4 - 2) - 0.3 / 0.7 * 0.5 - 0.2 / 0.8 * -0.5 - 0.4 / 0.6 * 1) / 2;
        assertEquals(att, a.estimate(Estimand.ATT, 2).estimate(), 1e-12);
        // ATC: (1/3) [(2 − 1) + (1 − 0) + (2 − 2) + 0.4/0.6 (3 − 2.5) + 0.5/0.5 (4 − 3)]
        double atc = ((2 - 1) + (1 - 0) + (2 - 2) + 0.4 / 0.6 * 0.5 + 1.0 * 1) / 3;
        assertEquals(atc, a.estimate(Estimand.ATC, 2).estimate(), 1e-12);
    }
}
