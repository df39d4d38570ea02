package org.causalrx.causal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.IntFunction;

import org.causalrx.learn.Classifier;
import org.causalrx.learn.linear.LinearSettings;
import org.causalrx.learn.linear.LogisticModel;
import org.causalrx.learn.linear.LogisticRegression;
import org.causalrx.learn.linear.Ridge;
import org.causalrx.learn.xgb.FixedRounds;
import org.causalrx.learn.xgb.XGBoostParams;
import org.causalrx.learn.xgb.XGBoostRegressor;
import org.junit.jupiter.api.Test;

/**
 * Re-fits of the cross-fitted AIPW that keep each fold's cross-validated propensity penalty: the main fit through
 * {@link CrossFitAipw#fit} is the plain estimate bit for bit, the tuned learners sit at the folds' λ without
 * cross-validation, and on the same data they give the same estimate (up to the solver's tolerance).
 */
class CrossFitAipwTunedTest {
    private static final int N = 1_500;

    @Test
    void refitsKeepEachFoldsPenaltyAndReproduceTheEstimate() {
        SplittableRandom rnd = new SplittableRandom(5);
        double[][] x = new double[N][4];
        int[] t = new int[N];
        double[] y = new double[N];
        for (int i = 0; i < N; i++) {
            for (int j = 0; j < 4; j++) {
                x[i][j] = rnd.nextGaussian();
            }
            double e = 1 / (1 + Math.exp(-(0.8 * x[i][0] - 0.5 * x[i][1])));
            t[i] = rnd.nextDouble() < e ? 1 : 0;
            y[i] = x[i][0] + 0.5 * x[i][2] + 2.0 * t[i] + rnd.nextGaussian();
        }
        CrossFitAipw aipw = new CrossFitAipw(LogisticRegression.l2(), new Ridge(), 5, 0.01);
        CrossFitAipw.Estimate plain = aipw.estimate(x, t, y, null, 11);
        CrossFitAipw.Fit main = aipw.fit(x, t, y, 11, null, f -> aipw.propensity());
        assertEquals(plain.ate(), main.nuisances().estimate(Estimand.ATE, 5).estimate(), 0.0,
                "the fit with the record's learner is the plain estimate bit for bit");
        assertEquals(plain.se(), main.nuisances().estimate(Estimand.ATE, 5).se(), 0.0);
        assertEquals(5, main.propensityModels().size());
        assertEquals(2.0, plain.ate(), 4 * plain.se(), "true ATE 2");

        IntFunction<Classifier> tuned = aipw.tunedPropensity(main.propensityModels());
        for (int f = 0; f < 5; f++) {
            LogisticRegression lr = (LogisticRegression) tuned.apply(f);
            double lambda = ((LogisticModel) main.propensityModels().get(f)).lambda();
            assertTrue(lr.settings().hasFixedLambda());
            assertEquals(lambda, lr.settings().fixedLambda(), 0.0, "fold " + f + " keeps its λ");
            assertEquals("l2_logistic", lr.name());
        }
        CrossFitAipw.Estimate refit = aipw.estimate(x, t, y, null, 11, tuned);
        assertEquals(plain.ate(), refit.ate(), 1e-6, "same data, same folds, same λ: same estimate");
        assertEquals(plain.se(), refit.se(), 1e-6);

        CrossFitAipw fixed = new CrossFitAipw(LogisticRegression.l2(LinearSettings.defaults().withFixedLambda(0.1)),
                new Ridge(), 5, 0.01);
        IntFunction<Classifier> same = fixed.tunedPropensity(List.of());
        assertSame(fixed.propensity(), same.apply(0), "a fixed penalty is kept as it is");
    }

    /**
     * XGBoost arm outcome models: each re-fit's fold f arm a boosts the rounds the reference's fold f arm a chose,
     * without early stopping; on the reference's data and seed (a fixed-penalty propensity) the re-fit is the
     * reference's ATE bit for bit, which it would not be with the arms or folds mixed up (their rounds differ).
     */
    @Test
    void refitsKeepEachFoldAndArmsBoostingRoundsAndReproduceTheEstimateBitForBit() {
        SplittableRandom rnd = new SplittableRandom(9);
        int n = 1_200;
        double[][] x = new double[n][3];
        int[] t = new int[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < 3; j++) {
                x[i][j] = rnd.nextGaussian();
            }
            t[i] = rnd.nextDouble() < 1 / (1 + Math.exp(-0.5 * x[i][0])) ? 1 : 0;
            // the treated arm's surface is rougher than the control arm's: their early stopping picks other rounds
            y[i] = x[i][0] + t[i] * (1 + 2 * Math.sin(3 * x[i][1])) + 0.5 * rnd.nextGaussian();
        }
        XGBoostParams fast = XGBoostParams.defaults().withRounds(400).withEarlyStopping(10);
        CrossFitAipw aipw = new CrossFitAipw(LogisticRegression.l2(LinearSettings.defaults().withFixedLambda(0.01)),
                new XGBoostRegressor(fast), 3, 0.01);
        CrossFitAipw.Estimate plain = aipw.estimate(x, t, y, null, 13);
        CrossFitAipw.Fit reference = aipw.fit(x, t, y, 13, null, aipw.untuned());
        assertEquals(plain, reference.ate(3), "untuned: the plain estimate bit for bit");
        assertEquals(3, reference.outcomeModels().size());

        CrossFitAipw.Tuning tuning = aipw.tuning(reference);
        Set<Integer> rounds = new HashSet<>();
        for (int f = 0; f < 3; f++) {
            for (int a = 0; a < 2; a++) {
                XGBoostParams p = ((XGBoostRegressor) tuning.outcome().learner(f, a)).params();
                assertEquals(0, p.earlyStopping(), "no early stopping in a re-fit");
                TLearner.Fitted m = reference.outcomeModels().get(f);
                XGBoostRegressor.Model model = (XGBoostRegressor.Model) (a == 0 ? m.mu0() : m.mu1());
                assertEquals(p.rounds(), ((XGBoostRegressor) FixedRounds.like(aipw.outcome(), model)).params()
                        .rounds(), "fold " + f + " arm " + a);
                rounds.add(p.rounds());
            }
        }
        assertTrue(rounds.size() > 1, "folds and arms chose different rounds: " + rounds);
        assertSame(aipw.outcome(), tuning.outcome().learner(3, 0), "a fold beyond the reference's: the learner");
        CrossFitAipw.Estimate refit = aipw.estimate(x, t, y, null, 13, tuning);
        assertEquals(plain, refit, "same data, folds, seed and rounds: the reference's estimate bit for bit");
        CrossFitAipw.Tuning swapped = new CrossFitAipw.Tuning(tuning.propensity(),
                (f, a) -> tuning.outcome().learner(f, 1 - a));
        assertNotEquals(plain.ate(), aipw.estimate(x, t, y, null, 13, swapped).ate(), "the arms' rounds matter");
    }
}
