package org.causalrx.causal.bounds;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.causalrx.causal.CrossFittedNuisances;
import org.causalrx.causal.EffectIntervals;
import org.causalrx.causal.meta.DRLearner;
import org.causalrx.causal.meta.FinalStageModel;
import org.causalrx.learn.linear.LogisticRegression;
import org.causalrx.learn.xgb.XGBoostParams;
import org.causalrx.learn.xgb.XGBoostRegressor;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The B-learner takes a DR-learner's cross-fitted nuisances (and its final stage as the Lambda = 1 regression) only
 * when they are the ones it would cross-fit itself — same learners, folds, clip and rows — and then gives bounds as
 * good as its own; otherwise it fits its own, exactly as without the offer.
 */
class BLearnerReuseTest {
    private static final XGBoostParams SMALL = XGBoostParams.defaults().withRounds(40).withEarlyStopping(0);
    private static final double CLIP = 0.05;

    private static BLearner bLearner(int folds) {
        return new BLearner(new XGBoostRegressor(SMALL), LogisticRegression.l2(), SMALL, new XGBoostRegressor(SMALL),
                folds, CLIP, false);
    }

    private static FinalStageModel drFit(BLearnerTest.Sim s, int folds, long seed) {
        DRLearner dr = new DRLearner("dr", new XGBoostRegressor(SMALL), LogisticRegression.l2(),
                new XGBoostRegressor(SMALL), folds, CLIP);
        return (FinalStageModel) dr.fit(s.x(), s.t(), s.y(), seed);
    }

    private static BLearner.Reuse reuse(FinalStageModel m) {
        return new BLearner.Reuse(m.nuisances(), m.finalStage(), m.tau());
    }

    @Test
    void theDrLearnersNuisancesAreReusedAndItsFinalStageIsTheLambdaOneRegression() {
        BLearnerTest.Sim s = BLearnerTest.sim(1500, 11, 2.0, false);
        FinalStageModel dr = drFit(s, 2, 5);
        assertTrue(dr.nuisances().reusableFor(LogisticRegression.l2(), new XGBoostRegressor(SMALL), 2, CLIP, s.x(),
                s.t(), s.y()));
        BLearner.Fitted f = bLearner(2).fit(s.x(), s.t(), s.y(), new double[] {2.0}, 9, reuse(dr));
        assertTrue(f.reusedNuisances());
        assertTrue(f.reusedAipwFit());
        assertSame(dr.tau(), f.bounds().levels().get(0).upper());
        assertArrayEquals(dr.effect(s.x()), f.bounds().effect(s.x()));
        // the upper bounds at Lambda 2 are the same whether the Lambda = 1 regression was reused or not: they depend
        // on the nuisances and folds only
        BLearner.Fitted noFinal = bLearner(2).fit(s.x(), s.t(), s.y(), new double[] {2.0}, 9,
                new BLearner.Reuse(dr.nuisances(), null, null));
        assertTrue(noFinal.reusedNuisances());
        assertFalse(noFinal.reusedAipwFit());
        CateBounds two = f.bounds().levels().get(1);
        CateBounds twoOwn = noFinal.bounds().levels().get(1);
        assertArrayEquals(twoOwn.upper().predict(s.x()), two.upper().predict(s.x()));
        assertArrayEquals(twoOwn.lower().predict(s.x()), two.lower().predict(s.x()));
    }

    @Test
    @Tag("slow")
    void boundsOnReusedNuisancesAreAsGoodAsOnTheirOwn() {
        // the run's learners (early-stopped XGBoost, L2-logistic) on BLearnerTest's design at its true Lambda
        BLearnerTest.Sim s = BLearnerTest.sim(3000, 12, 3.0, false);
        XGBoostParams p = XGBoostParams.defaults();
        DRLearner dr = new DRLearner("dr", new XGBoostRegressor(p), LogisticRegression.l2(), new XGBoostRegressor(p),
                2, CLIP);
        FinalStageModel drFit = (FinalStageModel) dr.fit(s.x(), s.t(), s.y(), 6);
        BLearner b = new BLearner(new XGBoostRegressor(p), LogisticRegression.l2(), p, new XGBoostRegressor(p), 2,
                CLIP, false);
        BLearner.Fitted reusedFit = b.fit(s.x(), s.t(), s.y(), new double[] {BLearnerTest.LAMBDA_TRUE}, 10,
                reuse(drFit));
        assertTrue(reusedFit.reusedNuisances() && reusedFit.reusedAipwFit());
        EffectIntervals reused = reusedFit.bounds().bounds(s.x(), BLearnerTest.LAMBDA_TRUE);
        EffectIntervals own = b.fit(s.x(), s.t(), s.y(), new double[] {BLearnerTest.LAMBDA_TRUE}, 10)
                .bounds(s.x(), BLearnerTest.LAMBDA_TRUE);
        double[] coverage = {covered(reused, s.tau()), covered(own, s.tau())};
        double[] width = {meanWidth(reused), meanWidth(own)};
        // two seeded draws of one estimator: both cover, with about the same coverage and width
        assertTrue(coverage[0] >= 0.85 && coverage[1] >= 0.85 && Math.abs(coverage[0] - coverage[1]) < 0.05,
                java.util.Arrays.toString(coverage));
        assertTrue(Math.abs(width[0] / width[1] - 1) < 0.1, java.util.Arrays.toString(width));
    }

    @Test
    void otherRowsLearnersFoldsOrClipAreRefusedAndTheBoundsAreTheUsualOnes() {
        BLearnerTest.Sim s = BLearnerTest.sim(1200, 13, 2.0, false);
        FinalStageModel dr = drFit(s, 2, 7);
        double[] y = s.y().clone();
        y[600] += 1e-9;
        BLearner.Fitted otherRows = bLearner(2).fit(s.x(), s.t(), y, new double[] {2.0}, 3, reuse(dr));
        assertFalse(otherRows.reusedNuisances());
        assertFalse(otherRows.reusedAipwFit());
        assertSameBounds(bLearner(2).fit(s.x(), s.t(), y, new double[] {2.0}, 3), otherRows.bounds(), s.x());
        // three folds, another clip, another propensity learner: not the nuisances this learner would fit
        assertFalse(bLearner(3).fit(s.x(), s.t(), s.y(), new double[] {2.0}, 3, reuse(dr)).reusedNuisances());
        BLearner otherClip = new BLearner(new XGBoostRegressor(SMALL), LogisticRegression.l2(), SMALL,
                new XGBoostRegressor(SMALL), 2, 0.02, false);
        assertFalse(otherClip.fit(s.x(), s.t(), s.y(), new double[] {2.0}, 3, reuse(dr)).reusedNuisances());
        BLearner otherPropensity = new BLearner(new XGBoostRegressor(SMALL), LogisticRegression.l1(), SMALL,
                new XGBoostRegressor(SMALL), 2, CLIP, false);
        assertFalse(otherPropensity.fit(s.x(), s.t(), s.y(), new double[] {2.0}, 3, reuse(dr)).reusedNuisances());
        // another final-stage learner: the nuisances are reused, the Lambda = 1 regression is its own
        BLearner otherFinal = new BLearner(new XGBoostRegressor(SMALL), LogisticRegression.l2(), SMALL,
                new XGBoostRegressor(XGBoostParams.defaults()), 2, CLIP, false);
        BLearner.Fitted f = otherFinal.fit(s.x(), s.t(), s.y(), new double[] {2.0}, 3, reuse(dr));
        assertTrue(f.reusedNuisances());
        assertFalse(f.reusedAipwFit());
    }

    @Test
    void theFingerprintSeesEveryValueAndNotTheArrays() {
        BLearnerTest.Sim s = BLearnerTest.sim(300, 14, 1.0, false);
        double[][] copy = new double[s.x().length][];
        for (int i = 0; i < copy.length; i++) {
            copy[i] = s.x()[i].clone();
        }
        long h = CrossFittedNuisances.fingerprint(s.x(), s.t(), s.y());
        assertTrue(h == CrossFittedNuisances.fingerprint(copy, s.t().clone(), s.y().clone()));
        copy[150][2] = Math.nextUp(copy[150][2]);
        assertFalse(h == CrossFittedNuisances.fingerprint(copy, s.t(), s.y()));
        int[] t = s.t().clone();
        t[7] = 1 - t[7];
        assertFalse(h == CrossFittedNuisances.fingerprint(s.x(), t, s.y()));
    }

    private static void assertSameBounds(CateBoundsFamily a, CateBoundsFamily b, double[][] x) {
        for (int k = 0; k < a.levels().size(); k++) {
            assertArrayEquals(a.levels().get(k).upper().predict(x), b.levels().get(k).upper().predict(x));
            assertArrayEquals(a.levels().get(k).lower().predict(x), b.levels().get(k).lower().predict(x));
        }
    }

    private static double covered(EffectIntervals b, double[] tau) {
        int c = 0;
        for (int i = 0; i < tau.length; i++) {
            if (b.lo()[i] <= tau[i] && tau[i] <= b.hi()[i]) {
                c++;
            }
        }
        return c / (double) tau.length;
    }

    private static double meanWidth(EffectIntervals b) {
        double w = 0;
        for (int i = 0; i < b.lo().length; i++) {
            w += b.hi()[i] - b.lo()[i];
        }
        return w / b.lo().length;
    }
}
