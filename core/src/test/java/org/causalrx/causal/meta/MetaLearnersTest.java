package org.causalrx.causal.meta;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;

import org.causalrx.causal.CateEstimator;
import org.causalrx.causal.CrossFit;
import org.causalrx.learn.Metrics;
import org.causalrx.learn.RegressionModel;
import org.causalrx.learn.Regressor;
import org.causalrx.estimators.EstimatorRegistry;
import org.causalrx.util.Stats;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Known-answer tests: each meta-learner recovers a heterogeneous effect better than a constant does. */
class MetaLearnersTest {

    record Sim(double[][] x, int[] t, double[] y, double[] tau) {
        static Sim draw(int n, long seed) {
            Random r = new Random(seed);
            double[][] x = new double[n][5];
            int[] t = new int[n];
            double[] y = new double[n];
            double[] tau = new double[n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < 5; j++) {
                    x[i][j] = r.nextGaussian();
                }
                double e = 1 / (1 + Math.exp(-(0.6 * x[i][0] + 0.3 * x[i][1])));
                t[i] = r.nextDouble() < e ? 1 : 0;
                tau[i] = 1 + x[i][1];                        // ATE 1, SD(tau) = 1
                y[i] = 1.5 * x[i][0] + Math.sin(x[i][2]) + t[i] * tau[i] + 0.5 * r.nextGaussian();
            }
            return new Sim(x, t, y, tau);
        }
    }

    @Test
    @Tag("slow")
    void everyMetaLearnerBeatsTheNaiveDifferenceInMeans() {
        Sim train = Sim.draw(2000, 1);
        Sim test = Sim.draw(1000, 2);
        double naive = Stats.mean(Stats.select(train.y(), Stats.indicesOf(train.t(), 1)))
                - Stats.mean(Stats.select(train.y(), Stats.indicesOf(train.t(), 0)));
        double[] constant = new double[test.tau().length];
        java.util.Arrays.fill(constant, naive);
        double naivePehe = Metrics.rmse(test.tau(), constant); // sqrt-PEHE
        for (String name : List.of("t_xgboost", "t_ridge", "t_lasso", "s_xgboost", "x_xgboost", "r_xgboost",
                "dr_xgboost")) {
            double pehe = Metrics.rmse(test.tau(), EstimatorRegistry.load().create(name)
                    .fit(train.x(), train.t(), train.y(), 5).effect(test.x()));
            assertTrue(pehe < 0.6, name + " sqrt-PEHE " + pehe + " should be < 0.6 (SD of tau is 1)");
            assertTrue(pehe < naivePehe, name + " " + pehe + " should beat the naive constant " + naivePehe);
        }
    }

    @Test
    @Tag("slow")
    void sameSeedSamePredictions() {
        Sim s = Sim.draw(500, 3);
        for (String name : List.of("x_xgboost", "r_xgboost", "dr_xgboost")) {
            CateEstimator e = EstimatorRegistry.load().create(name);
            assertArrayEquals(e.fit(s.x(), s.t(), s.y(), 9).effect(s.x()), e.fit(s.x(), s.t(), s.y(), 9).effect(s.x()));
        }
    }

    /** A regressor that records the weights it was given and fits a weighted mean. */
    static final class RecordingMean implements Regressor {
        final AtomicReference<double[]> weights = new AtomicReference<>();

        @Override
        public RegressionModel fit(double[][] x, double[] y, double[] w, long seed) {
            weights.set(w == null ? null : w.clone());
            double sw = 0;
            double swy = 0;
            for (int i = 0; i < y.length; i++) {
                double wi = w == null ? 1 : w[i];
                sw += wi;
                swy += wi * y[i];
            }
            double mean = swy / sw;
            return xs -> {
                double[] out = new double[xs.length];
                java.util.Arrays.fill(out, mean);
                return out;
            };
        }

        @Override
        public String name() {
            return "recording-mean";
        }
    }

    @Test
    void rLearnerPassesResidualWeightsToItsFinalStage() {
        Sim s = Sim.draw(800, 4);
        RecordingMean fin = new RecordingMean();
        RLearner r = new RLearner("r", new org.causalrx.learn.xgb.XGBoostRegressor(),
                org.causalrx.learn.linear.LogisticRegression.l2(), fin, 3, 0.05);
        double ate = r.fit(s.x(), s.t(), s.y(), 1).effect(new double[][] {s.x()[0]})[0];
        double[] w = fin.weights.get();
        assertTrue(w != null, "the final stage must receive weights");
        assertTrue(Stats.sd(w) > 0.01, "weights (t - e)^2 vary across patients");
        // the weighted mean of the R pseudo-outcomes is a consistent ATE estimate (truth 1)
        assertTrue(Math.abs(ate - 1) < 0.25, "R-learner ATE " + ate);
    }

    @Test
    void crossFitRejectsOverlappingOrIncompleteFolds() {
        assertThrows(IllegalArgumentException.class, () -> CrossFit.of(4, new int[][] {{0, 1}, {1, 2, 3}}));
        assertThrows(IllegalArgumentException.class, () -> CrossFit.of(4, new int[][] {{0, 1}, {2}}));
        CrossFit ok = CrossFit.of(4, new int[][] {{0, 3}, {1, 2}});
        assertArrayEquals(new int[] {1, 2}, ok.trainRows(0));
        assertArrayEquals(new int[] {1, 2}, ok.heldOutRows(1));
        assertThrows(IllegalArgumentException.class, () -> new CrossFit(new int[] {0, 0, 0}, 2));
    }
}
