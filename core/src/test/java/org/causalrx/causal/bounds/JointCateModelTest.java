package org.causalrx.causal.bounds;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.causalrx.causal.CateModel;
import org.causalrx.causal.EffectIntervals;
import org.causalrx.causal.uncertainty.BootstrapCateModel;
import org.causalrx.learn.RegressionModel;
import org.junit.jupiter.api.Test;

/** The joint rule: statistical interval at Lambda = 1, nested in Lambda and alpha, widened by the bounds' reach. */
class JointCateModelTest {
    static RegressionModel shift(double c) {
        return x -> {
            double[] v = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                v[i] = x[i][0] + c;
            }
            return v;
        };
    }

    static JointCateModel model(double lambda) {
        // B-learner: tau1(x) = x0; bounds at Lambda 2: [x0 − 0.3, x0 + 0.5];
        // at 3 (crossing raw fits): [x0 − 0.2, x0 + 0.9]
        CateBoundsFamily f = new CateBoundsFamily(List.of(new CateBounds(1, shift(0), shift(0)),
                new CateBounds(2, shift(0.5), shift(-0.3)), new CateBounds(3, shift(-0.2), shift(0.9))));
        List<CateModel> refits = new ArrayList<>();
        for (int b = 0; b < 10; b++) {
            double c = (b - 4.5) / 10;
            refits.add(x -> new double[] {x[0][0] + 1 + c, x[1][0] + 1 - c});
        }
        CateModel point = x -> new double[] {x[0][0] + 1, x[1][0] + 1};
        return new JointCateModel(new BootstrapCateModel(point, refits), f, lambda);
    }

    @Test
    void lambdaOneIsTheStatisticalIntervalAndLargerLambdaWidensBySharpReach() {
        double[][] x = {{0.0}, {1.0}};
        EffectIntervals stat = model(1).statistical().effectInterval(x, 0.1);
        EffectIntervals one = model(1).effectInterval(x, 0.1);
        assertArrayEquals(stat.lo(), one.lo(), 1e-12);
        assertArrayEquals(stat.hi(), one.hi(), 1e-12);
        EffectIntervals two = model(2).effectInterval(x, 0.1);
        EffectIntervals three = model(3).effectInterval(x, 0.1);
        for (int i = 0; i < 2; i++) {
            assertEquals(stat.lo()[i] - 0.3, two.lo()[i], 1e-12);
            assertEquals(stat.hi()[i] + 0.5, two.hi()[i], 1e-12);
            // envelope: the Lambda 3 level's lower fit (−0.2) is inside Lambda 2's (−0.3), so the reach stays 0.3
            assertEquals(stat.lo()[i] - 0.3, three.lo()[i], 1e-12);
            assertEquals(stat.hi()[i] + 0.9, three.hi()[i], 1e-12);
            EffectIntervals narrow = model(3).effectInterval(x, 0.5);
            assertTrue(narrow.lo()[i] > three.lo()[i] && narrow.hi()[i] < three.hi()[i]);
        }
        assertThrows(IllegalArgumentException.class, () -> model(1.5));
    }

    @Test
    void allBoundsEqualTheBoundsAtEachLambda() {
        CateBoundsFamily f = model(2).bounds();
        double[][] x = {{0.0}, {1.0}, {-2.5}};
        List<EffectIntervals> all = f.allBounds(x);
        double[] lambdas = f.lambdas();
        assertEquals(lambdas.length, all.size());
        for (int k = 0; k < lambdas.length; k++) {
            EffectIntervals one = f.bounds(x, lambdas[k]);
            assertArrayEquals(one.lo(), all.get(k).lo(), "lo at Lambda " + lambdas[k]);
            assertArrayEquals(one.hi(), all.get(k).hi(), "hi at Lambda " + lambdas[k]);
        }
        // the envelope widens: Lambda 3 reaches x0 + 0.9 above although its raw fits cross
        assertEquals(0.9, all.get(2).hi()[0], 1e-12);
    }

    @Test
    void intervalsAtSeveralAlphasEqualTheIntervalsOneByOne() {
        List<CateModel> refits = new ArrayList<>();
        for (int b = 0; b < 10; b++) {
            double c = (b - 4.5) / 10;
            refits.add(x -> new double[] {x[0][0] + 1 + c * c, x[1][0] + 1 - c});
        }
        CateModel point = x -> new double[] {x[0][0] + 1, x[1][0] + 1};
        double[][] x = {{0.0}, {1.0}};
        List<Double> alphas = List.of(0.05, 0.1, 0.2, 0.5);
        List<org.causalrx.causal.IntervalCateModel> models = List.of(new BootstrapCateModel(point, refits),
                new BootstrapCateModel(point, refits, new org.causalrx.causal.uncertainty.Subsample(2000, 50_000,
                        true)),
                new BootstrapCateModel(point, refits, new org.causalrx.causal.uncertainty.Subsample(20_000, 100_000,
                        false, 5_000, 0.37)),
                new org.causalrx.causal.uncertainty.ScaledIntervalModel(new BootstrapCateModel(point, refits), 1.7));
        for (org.causalrx.causal.IntervalCateModel m : models) {
            List<EffectIntervals> all = m.effectIntervals(x, alphas);
            assertEquals(alphas.size(), all.size());
            for (int a = 0; a < alphas.size(); a++) {
                EffectIntervals one = m.effectInterval(x, alphas.get(a));
                assertArrayEquals(one.lo(), all.get(a).lo(), m + " lo at alpha " + alphas.get(a));
                assertArrayEquals(one.hi(), all.get(a).hi(), m + " hi at alpha " + alphas.get(a));
            }
            assertTrue(all.get(0).hi()[1] - all.get(0).lo()[1] > all.get(3).hi()[1] - all.get(3).lo()[1]);
        }
    }
}
