package org.causalrx.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.causalrx.causal.CateModel;
import org.causalrx.causal.EffectIntervals;
import org.causalrx.causal.bounds.CateBounds;
import org.causalrx.causal.bounds.CateBoundsFamily;
import org.causalrx.causal.bounds.JointCateModel;
import org.causalrx.causal.uncertainty.BootstrapCateModel;
import org.causalrx.learn.RegressionModel;
import org.junit.jupiter.api.Test;

/**
 * The deferral models' predictions made once: bit for bit the joint models' own effect and intervals at every
 * (alpha, Lambda), with every refit and bound regression predicted once for all levels.
 */
class DeferralPredictionsTest {
    private static RegressionModel shift(double c, AtomicInteger calls) {
        return x -> {
            calls.incrementAndGet();
            double[] v = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                v[i] = Math.sin(3 * x[i][0]) * c + c;
            }
            return v;
        };
    }

    private static CateModel linear(double a, double b, AtomicInteger calls) {
        return x -> {
            calls.incrementAndGet();
            double[] v = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                v[i] = a + b * x[i][0] + 0.1 * x[i][1] * x[i][1];
            }
            return v;
        };
    }

    @Test
    void predictionsEqualTheJointModelsAndEachModelIsPredictedOnce() {
        AtomicInteger calls = new AtomicInteger();
        CateBoundsFamily bounds = new CateBoundsFamily(List.of(new CateBounds(1, shift(0.2, calls), shift(0.2, calls)),
                new CateBounds(1.5, shift(0.5, calls), shift(-0.3, calls)),
                new CateBounds(2, shift(0.9, calls), shift(-0.6, calls))));
        Map<String, JointCateModel> models = new LinkedHashMap<>();
        for (String name : List.of("a", "b")) {
            double slope = name.equals("a") ? 1 : -0.5;
            List<CateModel> refits = new ArrayList<>();
            for (int r = 0; r < 12; r++) {
                refits.add(linear(0.3 + (r - 5.5) / 20, slope * (1 + (r % 3 - 1) / 10.0), calls));
            }
            models.put(name, new JointCateModel(new BootstrapCateModel(linear(0.3, slope, calls), refits),
                    bounds.upTo(1.5), 1.5));
        }
        DeferralStage.Fitted fitted = new DeferralStage.Fitted(models, Map.of(), bounds, 3,
                DeferralStage.BoundsReuse.NONE);
        java.util.Random rng = new java.util.Random(3);
        double[][] x = new double[40][2];
        for (double[] row : x) {
            row[0] = rng.nextGaussian();
            row[1] = rng.nextGaussian();
        }
        List<Double> alphas = List.of(0.1, 0.05, 0.1, 0.3);
        calls.set(0);
        DeferralPredictions p = DeferralPredictions.of(fitted, x, alphas, 2);
        // 2 estimators × (point + 12 refits) + the bounds' 1 + 2 × 2 regressions; the point is predicted for tau
        // and once more inside the refits' intervals
        assertEquals(2 * (1 + 1 + 12) + 5, calls.get());
        assertArrayEquals(bounds.effect(x), p.centre());
        assertEquals(List.of(0.1, 0.05, 0.3), p.alphas());
        assertEquals(List.of("a", "b"), p.estimators());
        for (String name : p.estimators()) {
            JointCateModel m = models.get(name);
            assertArrayEquals(m.effect(x), p.tau().get(name));
            for (double alpha : alphas) {
                EffectIntervals stat = m.statistical().effectInterval(x, alpha);
                assertArrayEquals(stat.lo(), p.statistical(name, alpha).lo());
                assertArrayEquals(stat.hi(), p.statistical(name, alpha).hi());
                EffectIntervals joint = m.effectInterval(x, alpha);
                assertArrayEquals(joint.lo(), p.joint(name, alpha, 1.5).lo());
                assertArrayEquals(joint.hi(), p.joint(name, alpha, 1.5).hi());
                for (double lambda : bounds.lambdas()) {
                    EffectIntervals other = new JointCateModel(m.statistical(), bounds, lambda)
                            .effectInterval(x, alpha);
                    assertArrayEquals(other.lo(), p.joint(name, alpha, lambda).lo());
                    assertArrayEquals(other.hi(), p.joint(name, alpha, lambda).hi());
                }
            }
        }
        for (double lambda : bounds.lambdas()) {
            assertArrayEquals(bounds.bounds(x, lambda).lo(), p.bounds(lambda).lo());
            assertArrayEquals(bounds.bounds(x, lambda).hi(), p.bounds(lambda).hi());
        }
        assertThrows(IllegalArgumentException.class, () -> p.statistical("a", 0.2));
        DeferralPredictions upTo = DeferralPredictions.of(fitted, x, List.of(0.1), 1.5);
        assertEquals(2, upTo.lambdas().length);
        assertThrows(IllegalArgumentException.class, () -> upTo.bounds(2));
    }
}
