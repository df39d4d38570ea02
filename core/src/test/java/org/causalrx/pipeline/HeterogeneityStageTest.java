package org.causalrx.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.causalrx.study.Study;
import org.junit.jupiter.api.Test;

/** The run's heterogeneity tests: orientation by the outcome's direction, the Bonferroni verdict and its sentence. */
class HeterogeneityStageTest {
    private static final int N = 1500;

    /** DR scores (known nuisances) of τ(x) = {@code slope} · x plus noise, and two predictions. */
    private static Map<String, double[]> cates(double[] psi, double slope, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] good = new double[N];
        double[] noise = new double[N];
        for (int i = 0; i < N; i++) {
            double x = r.nextGaussian();
            int t = r.nextInt(2);
            double tau = 0.5 + slope * x;
            double y = x + tau * t + r.nextGaussian();
            psi[i] = tau + (t == 1 ? (y - x - tau) / 0.5 : -(y - x) / 0.5);
            good[i] = tau + 0.3 * r.nextGaussian();
            noise[i] = 0.5 + 0.3 * r.nextGaussian();
        }
        Map<String, double[]> m = new LinkedHashMap<>();
        m.put("good", good);
        m.put("noise", noise);
        return m;
    }

    private static RunResult.Verdict verdict() {
        return new RunResult.Verdict(null, Double.NaN, false, null, Double.NaN, null, "Some verdict.", List.of());
    }

    @Test
    void heterogeneityIsFoundAndTheVerdictKeepsItsText() {
        double[] psi = new double[N];
        Map<String, double[]> c = cates(psi, 1.5, 3);
        Heterogeneity h = HeterogeneityStage.compute(c, psi, Study.Direction.HIGHER, 42);
        assertEquals(0.025, h.alphaPerEstimator(), 1e-12);
        assertTrue(h.anySignificant());
        assertEquals(List.of("good"), h.significantEstimators());
        assertTrue(h.estimators().get(0).autoc().ciLow() > 0);
        RunResult.Verdict v = verdict();
        assertSame(v, PolicyVerdict.withHeterogeneity(v, h));
    }

    @Test
    void noHeterogeneityExtendsTheVerdict() {
        double[] psi = new double[N];
        Map<String, double[]> c = cates(psi, 0, 4);
        Heterogeneity h = HeterogeneityStage.compute(c, psi, Study.Direction.HIGHER, 42);
        assertFalse(h.anySignificant(), "no estimator significant under a constant effect");
        String text = PolicyVerdict.withHeterogeneity(verdict(), h).text();
        assertTrue(text.startsWith("Some verdict. No CATE estimator shows significant heterogeneity"), text);
        assertTrue(text.endsWith("treat by the ATE; personalising adds nothing."), text);
    }

    @Test
    void aLowerIsBetterOutcomeRanksByTheNegatedEffect() {
        double[] psi = new double[N];
        Map<String, double[]> c = cates(psi, 1.5, 5);
        Heterogeneity higher = HeterogeneityStage.compute(c, psi, Study.Direction.HIGHER, 9);
        double[] negPsi = java.util.Arrays.stream(psi).map(v -> -v).toArray();
        Map<String, double[]> negC = new LinkedHashMap<>();
        c.forEach((k, v) -> negC.put(k, java.util.Arrays.stream(v).map(d -> -d).toArray()));
        Heterogeneity lower = HeterogeneityStage.compute(negC, negPsi, Study.Direction.LOWER, 9);
        for (int k = 0; k < 2; k++) {
            assertEquals(higher.estimators().get(k).autoc(), lower.estimators().get(k).autoc());
            assertEquals(higher.estimators().get(k).qini(), lower.estimators().get(k).qini());
            assertEquals(higher.estimators().get(k).differentialPrediction().estimate(),
                    lower.estimators().get(k).differentialPrediction().estimate(), 1e-12);
        }
        assertEquals("lower", lower.direction());
    }
}
