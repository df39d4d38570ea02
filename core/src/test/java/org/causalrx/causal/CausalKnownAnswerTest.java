package org.causalrx.causal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.causalrx.learn.Classifier;
import org.causalrx.learn.ProbabilityModel;
import org.causalrx.learn.Regressor;
import org.causalrx.learn.xgb.XGBoostClassifier;
import org.causalrx.learn.xgb.XGBoostRegressor;
import org.causalrx.util.Stats;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** T-learner and AIPW on simulated data with a known CATE. */
@Tag("slow")
class CausalKnownAnswerTest {
    static final class Data {
        final double[][] x;
        final int[] t;
        final double[] y;
        final double[] tau;

        Data(int n, long seed) {
            Random r = new Random(seed);
            x = new double[n][4];
            t = new int[n];
            y = new double[n];
            tau = new double[n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < 4; j++) {
                    x[i][j] = r.nextGaussian();
                }
                double e = 1 / (1 + Math.exp(-(0.7 * x[i][0] - 0.4 * x[i][1])));
                t[i] = r.nextDouble() < e ? 1 : 0;
                tau[i] = 1 + 2 * (x[i][2] > 0 ? 1 : 0);          // ATE = 2
                y[i] = 2 * x[i][0] + x[i][1] * x[i][1] + t[i] * tau[i] + 0.5 * r.nextGaussian();
            }
        }
    }

    @Test
    void xgboostTLearnerRecoversAStepCate() {
        Data d = new Data(3000, 1);
        TLearner.Fitted m = new TLearner("t_xgboost", new XGBoostRegressor()).fit(d.x, d.t, d.y, 3);
        Data test = new Data(1000, 2);
        double[] tauHat = m.effect(test.x);
        double mse = 0;
        for (int i = 0; i < tauHat.length; i++) {
            mse += (tauHat[i] - test.tau[i]) * (tauHat[i] - test.tau[i]);
        }
        double pehe = Math.sqrt(mse / tauHat.length);
        assertTrue(pehe < 0.6, "sqrt-PEHE " + pehe + " should be well below SD(tau) = 1");
        assertArrayEquals(tauHat, new TLearner("t_xgboost", new XGBoostRegressor()).fit(d.x, d.t, d.y, 3)
                .effect(test.x),
                "same seed, same predictions");
    }

    @Test
    @Tag("slow")
    void crossFittedAipwCoversTheTrueAte() {
        int covered = 0;
        int reps = 5;
        for (int s = 0; s < reps; s++) {
            Data d = new Data(1500, 100 + s);
            CrossFitAipw aipw = new CrossFitAipw(new XGBoostClassifier(), new XGBoostRegressor(), 5, 0.01);
            CrossFitAipw.Estimate est = aipw.estimate(d.x, d.t, d.y, s);
            assertEquals(2.0, est.ate(), 0.35);
            if (est.ciLow() <= 2.0 && 2.0 <= est.ciHigh()) {
                covered++;
            }
        }
        assertTrue(covered >= 4, "95 % intervals should cover the truth in most replications, got " + covered);
    }

    @Test
    void naiveDifferenceIsBiasedButAipwIsNot() {
        Data d = new Data(2000, 77);
        double naive = Stats.mean(Stats.select(d.y, Stats.indicesOf(d.t, 1)))
                - Stats.mean(Stats.select(d.y, Stats.indicesOf(d.t, 0)));
        assertTrue(Math.abs(naive - 2) > 0.5, "the simulation is confounded: naive " + naive);
        Classifier prop = new XGBoostClassifier();
        Regressor out = new XGBoostRegressor();
        double aipw = new CrossFitAipw(prop, out, 5, 0.01).estimate(d.x, d.t, d.y, 1).ate();
        assertEquals(2.0, aipw, 0.3);
    }

    @Test
    void crumpTrimmingKeepsEverythingWhenOverlapIsGoodAndTrimsExtremes() {
        double[] good = new double[500];
        for (int i = 0; i < good.length; i++) {
            good[i] = 0.3 + 0.4 * i / good.length;
        }
        OverlapSet a = OverlapSet.crump(good);
        assertEquals(0.01, a.etaLow(), 1e-12);
        double[] bad = new double[1000];
        Random r = new Random(3);
        for (int i = 0; i < bad.length; i++) {
            bad[i] = 1 / (1 + Math.exp(-3 * r.nextGaussian()));
        }
        OverlapSet b = OverlapSet.crump(bad);
        assertTrue(b.etaLow() > 0.05 && b.etaLow() < 0.2, "Crump alpha " + b.etaLow());
        assertEquals(1 - b.etaLow(), b.etaHigh(), 1e-12);
        ProbabilityModel unused = x -> new double[0];
        assertTrue(unused.predictProba(new double[0][]).length == 0);
    }
}
