package org.causalrx.causal.bounds;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.causalrx.causal.EffectIntervals;
import org.causalrx.learn.ClassifierRegressor;
import org.causalrx.learn.linear.LogisticRegression;
import org.causalrx.learn.xgb.XGBoostClassifier;
import org.causalrx.learn.xgb.XGBoostParams;
import org.causalrx.learn.xgb.XGBoostRegressor;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * B-learner bounds on a simulation with a hidden confounder u of known strength: logit e(x, u) = 0.5·x0 + gamma·u,
 * u = ±1/2 independent of x, so the odds of treatment given (x, u) differ from those given x by at most
 * exp(gamma) = Lambda_true; Y = x0 + x2 + t·(1 + x1) + beta·u + N(0, 1). True CATE 1 + x1.
 */
class BLearnerTest {
    static final double LAMBDA_TRUE = 2.0;

    record Sim(double[][] x, int[] t, double[] y, double[] tau) {
    }

    static Sim sim(int n, long seed, double beta, boolean binary) {
        SplittableRandom r = new SplittableRandom(seed);
        double gamma = Math.log(LAMBDA_TRUE);
        double[][] x = new double[n][3];
        int[] t = new int[n];
        double[] y = new double[n];
        double[] tau = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < 3; j++) {
                x[i][j] = r.nextDouble() * 2 - 1;
            }
            double u = r.nextDouble() < 0.5 ? 0.5 : -0.5;
            double e = 1 / (1 + Math.exp(-(0.5 * x[i][0] + gamma * u)));
            t[i] = r.nextDouble() < e ? 1 : 0;
            if (binary) {
                // P(Y = 1) = 0.3 + 0.2·t·(1 + x1)/2 + beta·u, kept inside (0, 1)
                tau[i] = 0.1 * (1 + x[i][1]);
                double p = 0.3 + t[i] * tau[i] + beta * u;
                y[i] = r.nextDouble() < p ? 1 : 0;
            } else {
                tau[i] = 1 + x[i][1];
                y[i] = x[i][0] + x[i][2] + t[i] * tau[i] + beta * u + r.nextGaussian();
            }
        }
        return new Sim(x, t, y, tau);
    }

    static BLearner continuous() {
        XGBoostParams p = XGBoostParams.defaults();
        return BLearner.xgboost(new XGBoostRegressor(p), LogisticRegression.l2(), 3, 0.02, false);
    }

    @Test
    @Tag("slow")
    void boundsAtTheTrueLambdaCoverTheTrueCate() {
        Sim s = sim(3000, 1, 3.0, false);
        CateBoundsFamily f = continuous().fit(s.x(), s.t(), s.y(), new double[] {1.5, LAMBDA_TRUE}, 2);
        double[] point = f.effect(s.x());
        EffectIntervals b = f.bounds(s.x(), LAMBDA_TRUE);
        int covered = 0;
        int pointCovered = 0;
        double bias = 0;
        for (int i = 0; i < s.tau().length; i++) {
            if (b.lo()[i] <= s.tau()[i] && s.tau()[i] <= b.hi()[i]) {
                covered++;
            }
            if (Math.abs(point[i] - s.tau()[i]) < 0.25) {
                pointCovered++;
            }
            bias += point[i] - s.tau()[i];
        }
        double n = s.tau().length;
        assertTrue(covered / n >= 0.9, "coverage at the true Lambda " + covered / n);
        // the hidden confounder biases the Lambda = 1 estimate by about beta·(E[u|t=1] − E[u|t=0]) ≈ 0.5: the test
        // is not trivially passed
        assertTrue(bias / n > 0.3, "Lambda = 1 bias " + bias / n);
        assertTrue(pointCovered / n < 0.5, "Lambda = 1 near truth for " + pointCovered / n);
    }

    @Test
    @Tag("slow")
    void widensMonotonicallyInLambdaAndCollapsesAtOne() {
        Sim s = sim(1500, 3, 0.0, false);
        double[] lambdas = {1.25, 1.5, 2.0, 3.0};
        CateBoundsFamily f = continuous().fit(s.x(), s.t(), s.y(), lambdas, 4);
        EffectIntervals one = f.bounds(s.x(), 1.0);
        assertArrayEquals(one.lo(), one.hi());
        assertArrayEquals(f.effect(s.x()), one.lo());
        EffectIntervals prev = one;
        double prevWidth = 0;
        for (double l : lambdas) {
            EffectIntervals b = f.bounds(s.x(), l);
            double width = 0;
            for (int i = 0; i < b.size(); i++) {
                assertTrue(b.lo()[i] <= prev.lo()[i] && b.hi()[i] >= prev.hi()[i], "nested at row " + i);
                width += b.hi()[i] - b.lo()[i];
            }
            // the raw regressions widen too, not only the envelope
            CateBounds raw = f.levels().stream().filter(c -> c.lambda() == l).findFirst().orElseThrow();
            double[] u = raw.upper().predict(s.x());
            double[] lo = raw.lower().predict(s.x());
            double rawWidth = 0;
            for (int i = 0; i < u.length; i++) {
                rawWidth += u[i] - lo[i];
            }
            assertTrue(rawWidth / u.length > prevWidth, "raw width at " + l + ": " + rawWidth / u.length);
            prevWidth = rawWidth / u.length;
            prev = b;
        }
    }

    @Test
    void lambdaOneIsTheUnconfoundedCateUpToNoise() {
        Sim s = sim(3000, 5, 0.0, false);
        // no hidden confounding (beta = 0): the Lambda = 1 estimate is a DR-learner
        CateBoundsFamily f = continuous().fit(s.x(), s.t(), s.y(), new double[] {}, 6);
        double[] point = f.effect(s.x());
        double se = 0;
        for (int i = 0; i < point.length; i++) {
            se += (point[i] - s.tau()[i]) * (point[i] - s.tau()[i]);
        }
        double rmse = Math.sqrt(se / point.length);
        // CATE SD is 0.58; an uninformative constant would have RMSE ≈ 0.58
        assertTrue(rmse < 0.4, "RMSE " + rmse);
    }

    @Test
    void binaryOutcomesBoundedByTheClosedFormAndSameSeedIdentical() {
        Sim s = sim(2000, 7, 0.2, true);
        BLearner b = BLearner.xgboost(new ClassifierRegressor(new XGBoostClassifier(XGBoostParams.defaults())),
                LogisticRegression.l2(), 3, 0.02, true);
        CateBoundsFamily f = b.fit(s.x(), s.t(), s.y(), new double[] {1.5, 2.0}, 8);
        CateBoundsFamily g = b.fit(s.x(), s.t(), s.y(), new double[] {1.5, 2.0}, 8);
        EffectIntervals one = f.bounds(s.x(), 1.5);
        EffectIntervals two = f.bounds(s.x(), 2.0);
        assertArrayEquals(two.lo(), g.bounds(s.x(), 2.0).lo());
        int covered = 0;
        double w1 = 0;
        double w2 = 0;
        for (int i = 0; i < two.size(); i++) {
            w1 += one.hi()[i] - one.lo()[i];
            w2 += two.hi()[i] - two.lo()[i];
            if (two.lo()[i] <= s.tau()[i] && s.tau()[i] <= two.hi()[i]) {
                covered++;
            }
        }
        assertTrue(w2 > w1 && w1 > 0, "widths " + w1 + " " + w2);
        assertTrue(covered / (double) two.size() >= 0.9, "binary coverage " + covered / (double) two.size());
        assertEquals(f.lambdas().length, 3);
    }
}
