package org.causalrx.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import org.causalrx.causal.CrossFitAipw;
import org.causalrx.causal.meta.MultiArmAipw;
import org.causalrx.learn.RegressionModel;
import org.causalrx.learn.linear.LinearSettings;
import org.causalrx.learn.linear.MultinomialRegression;
import org.causalrx.learn.xgb.FixedRounds;
import org.causalrx.learn.xgb.XGBoostParams;
import org.causalrx.learn.xgb.XGBoostRegressor;
import org.causalrx.util.Stats;
import org.junit.jupiter.api.Test;

/**
 * K-arm refutation re-fits keep the reference fit's tuning per fold and arm, as the two-arm ones do
 * ({@code CrossFitAipwTunedTest}): each XGBoost arm outcome model of a re-fit boosts exactly the rounds early stopping
 * chose for the same fold and arm in the reference, without early stopping; on the reference's own data and seed the
 * re-fit is the reference bit for bit, and on other data (a subset) the re-fits of the refutation stage are the
 * tuned fits, not fits that early-stop again (those choose other rounds).
 */
class MultiArmRefutationTuningTest {
    private static final int K = 3;
    private static final XGBoostParams FAST = XGBoostParams.defaults().withRounds(300).withEarlyStopping(10);

    private static int rounds(MultiArmAipw aipw, RegressionModel m) {
        return ((XGBoostRegressor) FixedRounds.like(aipw.outcome(), m)).params().rounds();
    }

    @Test
    void refitsBoostTheReferencesRoundsPerFoldAndArm() {
        int n = 900;
        SplittableRandom rnd = new SplittableRandom(17);
        double[][] x = new double[n][3];
        int[] t = new int[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < 3; j++) {
                x[i][j] = rnd.nextGaussian();
            }
            double[] w = {1, Math.exp(0.5 * x[i][0]), Math.exp(-0.5 * x[i][0])};
            double u = rnd.nextDouble() * (w[0] + w[1] + w[2]);
            t[i] = u < w[0] ? 0 : u < w[0] + w[1] ? 1 : 2;
            // the arms' surfaces differ in roughness, so early stopping picks other rounds per arm
            y[i] = x[i][0] + (t[i] == 1 ? 1 + 2 * Math.sin(3 * x[i][1]) : t[i] == 2 ? -1 + x[i][2] * x[i][2] : 0)
                    + 0.5 * rnd.nextGaussian();
        }
        MultiArmAipw aipw = new MultiArmAipw(MultinomialRegression.l2(LinearSettings.defaults()
                .withFixedLambda(0.01)), new XGBoostRegressor(FAST), 3, 0.01);
        MultiArmAipw.Fit reference = aipw.fit(x, t, K, y, null, aipw.untuned(), 13);
        assertEquals(aipw.contrasts(x, t, K, y, 13), reference.contrasts(), "untuned: the plain contrasts");
        assertEquals(3, reference.outcomeModels().size());

        MultiArmAipw.Tuning tuning = aipw.tuning(reference);
        Set<Integer> chosen = new HashSet<>();
        for (int f = 0; f < 3; f++) {
            for (int a = 0; a < K; a++) {
                XGBoostParams p = ((XGBoostRegressor) tuning.outcome().learner(f, a)).params();
                assertEquals(0, p.earlyStopping(), "no early stopping in a re-fit");
                assertEquals(rounds(aipw, reference.outcomeModels().get(f).get(a)), p.rounds(), "fold " + f
                        + " arm " + a);
                chosen.add(p.rounds());
            }
        }
        assertTrue(chosen.size() > 1, "folds and arms chose different rounds: " + chosen);
        assertSame(aipw.outcome(), tuning.outcome().learner(3, 0), "a fold beyond the reference's: the learner");
        assertEquals(reference.contrasts(), aipw.fit(x, t, K, y, null, tuning, 13).contrasts(),
                "same data, folds, seed and rounds: the reference bit for bit");

        // a data subset (every other row but one in five): the stage's re-fits are the tuned fits
        int[] rows = java.util.stream.IntStream.range(0, n).filter(i -> i % 5 != 0).toArray();
        double[][] xs = Stats.select(x, rows);
        int[] ts = Stats.select(t, rows);
        double[] ys = Stats.select(y, rows);
        MultiArmAipw.Fit tuned = aipw.fit(xs, ts, K, ys, null, tuning, 13);
        MultiArmAipw.Fit retuned = aipw.fit(xs, ts, K, ys, null, aipw.untuned(), 13);
        boolean differs = false;
        for (int f = 0; f < 3; f++) {
            for (int a = 0; a < K; a++) {
                int want = rounds(aipw, reference.outcomeModels().get(f).get(a));
                assertEquals(want, rounds(aipw, tuned.outcomeModels().get(f).get(a)), "fold " + f + " arm " + a
                        + " boosted the reference's rounds");
                differs |= rounds(aipw, retuned.outcomeModels().get(f).get(a)) != want;
            }
        }
        assertTrue(differs, "early stopping on the subset chooses other rounds somewhere");
        List<CrossFitAipw.Estimate> stage = MultiArmRefutationStage.refits(aipw, K, reference)
                .contrasts(xs, ts, ys, null, 13);
        assertEquals(tuned.contrasts(), stage, "the refutation stage's re-fit keeps the reference's tuning");
        assertNotEquals(retuned.contrasts(), stage);
    }
}
