package org.causalrx.causal.diagnostics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Known answers of the BLP calibration test and of RATE on simulated data with a known effect. */
@Tag("slow")
class HeterogeneityTestsTest {
    private static final double ALPHA = 0.05;
    private static final int SEEDS = 50;
    private static final int N = 1000;

    /** Simulated test patients: predicted CATE and DR scores built from the true nuisances. */
    private record Sim(double[] tauHat, double[] psi) {
    }

    /**
     * x1, x2 ~ N(0, 1); e(x) = logistic(0.5 x1); Y = x1 + τ(x) T + N(0, 1). {@code strong}: τ = 2 x2 and the
     * prediction is τ plus noise; otherwise τ = 1 and the prediction 1 + 0.5 x2 has heterogeneity that is not there.
     */
    private static Sim simulate(long seed, boolean strong) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] tauHat = new double[N];
        double[] psi = new double[N];
        for (int i = 0; i < N; i++) {
            double x1 = r.nextGaussian();
            double x2 = r.nextGaussian();
            double e = 1 / (1 + Math.exp(-0.5 * x1));
            int t = r.nextDouble() < e ? 1 : 0;
            double tau = strong ? 2 * x2 : 1;
            double y = x1 + tau * t + r.nextGaussian();
            double mu0 = x1;
            double mu1 = x1 + tau;
            psi[i] = mu1 - mu0 + t * (y - mu1) / e - (1 - t) * (y - mu0) / (1 - e);
            tauHat[i] = strong ? tau + 0.5 * r.nextGaussian() : 1 + 0.5 * x2;
        }
        return new Sim(tauHat, psi);
    }

    @Test
    void aConstantEffectGivesADifferentialCoefficientNearZeroAndRateCoveringZero() {
        int rejected = 0;
        int rateCovers = 0;
        double betaSum = 0;
        double alphaSum = 0;
        for (int s = 0; s < SEEDS; s++) {
            Sim sim = simulate(1000 + s, false);
            BlpCalibration.Result blp = BlpCalibration.test(sim.tauHat(), sim.psi());
            betaSum += blp.differentialPrediction().estimate();
            alphaSum += blp.meanPrediction().estimate();
            if (blp.differentialPrediction().pValue() < ALPHA) {
                rejected++;
            }
            Rate.Result rate = Rate.estimate(sim.tauHat(), sim.psi(), 100, 77 + s);
            if (rate.autoc().ciLow() <= 0 && 0 <= rate.autoc().ciHigh()) {
                rateCovers++;
            }
        }
        assertTrue(rejected <= 8, "constant effect: the test rejects at 5 % in " + rejected + " of " + SEEDS);
        assertTrue(rateCovers >= 42, "constant effect: the AUTOC CI covers 0 in " + rateCovers + " of " + SEEDS);
        assertEquals(0, betaSum / SEEDS, 0.1, "mean differential coefficient");
        assertEquals(1, alphaSum / SEEDS, 0.05, "mean-prediction coefficient of a correct average");
    }

    @Test
    void strongHeterogeneityIsDetected() {
        int rejected = 0;
        int rateAboveZero = 0;
        for (int s = 0; s < SEEDS; s++) {
            Sim sim = simulate(2000 + s, true);
            BlpCalibration.Result blp = BlpCalibration.test(sim.tauHat(), sim.psi());
            if (blp.differentialPrediction().pValue() < ALPHA) {
                rejected++;
            }
            Rate.Result rate = Rate.estimate(sim.tauHat(), sim.psi(), 100, 99 + s);
            if (rate.autoc().ciLow() > 0 && rate.qini().ciLow() > 0) {
                rateAboveZero++;
            }
        }
        assertTrue(rejected >= 48, "strong heterogeneity: rejected in " + rejected + " of " + SEEDS);
        assertTrue(rateAboveZero >= 48, "strong heterogeneity: RATE CIs above 0 in " + rateAboveZero);
    }

    @Test
    void blpRecoversExactCoefficientsAndFlagsAConstantPrediction() {
        double[] tauHat = {0, 1, 2, 3, 4, 5};
        double[] psi = new double[6];
        for (int i = 0; i < 6; i++) {
            psi[i] = 0.8 * 2.5 + 1.5 * (tauHat[i] - 2.5) + (i % 2 == 0 ? 1e-3 : -1e-3);
        }
        BlpCalibration.Result r = BlpCalibration.test(tauHat, psi);
        assertEquals(0.8, r.meanPrediction().estimate(), 1e-3);
        assertEquals(1.5, r.differentialPrediction().estimate(), 1e-3);
        assertTrue(r.differentialPrediction().pValue() < 1e-6);
        BlpCalibration.Result flat = BlpCalibration.test(new double[] {2, 2, 2, 2}, new double[] {1, 3, 2, 4});
        assertTrue(Double.isNaN(flat.differentialPrediction().estimate()));
        assertEquals(1.25, flat.meanPrediction().estimate(), 1e-12);
    }

    @Test
    void autocAndQiniOnAHandMadeExample() {
        // ranked scores 4, 2, 0, −2 (mean 1): top-j means 4, 3, 2, 1, TOC 3, 2, 1, 0
        double[] priority = {3, 2, 1, 0};
        double[] scores = {4, 2, 0, -2};
        assertArrayEquals(new double[] {3, 2, 1, 0}, Rate.curve(priority, scores), 1e-12);
        assertEquals(1.5, Rate.autoc(Rate.curve(priority, scores)), 1e-12);
        assertEquals((0.25 * 3 + 0.5 * 2 + 0.75 * 1) / 4, Rate.qini(Rate.curve(priority, scores)), 1e-12);
        // the order of the input does not matter; a reversed ranking gives the opposite sign of TOC's start
        assertEquals(1.5, Rate.autoc(Rate.curve(new double[] {0, 2, 1, 3}, new double[] {-2, 2, 0, 4})), 1e-12);
        assertTrue(Rate.autoc(Rate.curve(new double[] {0, 1, 2, 3}, scores)) < 0);
        // tied priorities share their mean score: 3, 3, −1, −1 → top-j means 3, 3, 5/3, 1
        assertEquals((2 + 2 + 2.0 / 3) / 4, Rate.autoc(Rate.curve(new double[] {1, 1, 0, 0}, scores)), 1e-12);
        // a constant ranking targets no one
        assertEquals(0, Rate.autoc(Rate.curve(new double[] {5, 5, 5, 5}, scores)), 1e-12);
    }

    @Test
    void rateIsReproducibleWithASeedAndItsCurveEndsAtZero() {
        Sim sim = simulate(5, true);
        Rate.Result a = Rate.estimate(sim.tauHat(), sim.psi(), 50, 11);
        Rate.Result b = Rate.estimate(sim.tauHat(), sim.psi(), 50, 11);
        assertEquals(a.autoc(), b.autoc());
        assertArrayEquals(a.tocLow(), b.tocLow());
        assertEquals(Rate.TOC_POINTS, a.toc().length);
        assertEquals(0, a.toc()[Rate.TOC_POINTS - 1], 1e-9);
        assertTrue(a.toc()[0] > a.toc()[Rate.TOC_POINTS / 2]);
    }
}
