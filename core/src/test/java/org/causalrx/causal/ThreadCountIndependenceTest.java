package org.causalrx.causal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ForkJoinPool;

import org.causalrx.causal.bounds.BLearner;
import org.causalrx.causal.bounds.CateBounds;
import org.causalrx.causal.bounds.CateBoundsFamily;
import org.causalrx.causal.meta.DRLearner;
import org.causalrx.causal.meta.FinalStageModel;
import org.causalrx.causal.uncertainty.BootstrapCate;
import org.causalrx.causal.uncertainty.BootstrapCateModel;
import org.causalrx.learn.linear.LogisticRegression;
import org.causalrx.learn.xgb.XGBoostClassifier;
import org.causalrx.learn.xgb.XGBoostParams;
import org.causalrx.learn.xgb.XGBoostRegressor;
import org.junit.jupiter.api.Test;

/**
 * The pieces that fit or predict on several threads (cross-fitting folds, arm models, B-learner levels and tail
 * folds, the refits' predictions) give
 * the same bytes on one thread as on several: each is run inside a one-thread fork-join pool (its parallel streams
 * then run one task after another) and inside a four-thread pool, and the results are compared bit for bit.
 */
class ThreadCountIndependenceTest {
    private static final XGBoostParams SMALL = XGBoostParams.defaults().withRounds(60).withEarlyStopping(10);

    private final double[][] x;
    private final int[] t;
    private final double[] y;
    private final double[][] xNew;

    ThreadCountIndependenceTest() {
        Random r = new Random(11);
        int n = 400;
        x = new double[n][4];
        t = new int[n];
        y = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < 4; j++) {
                x[i][j] = r.nextGaussian();
            }
            t[i] = r.nextDouble() < 1 / (1 + Math.exp(-x[i][0])) ? 1 : 0;
            y[i] = x[i][0] + t[i] * (1 + x[i][1]) + r.nextGaussian();
        }
        xNew = new double[50][];
        for (int i = 0; i < xNew.length; i++) {
            xNew[i] = x[i].clone();
            xNew[i][2] += 0.5;
        }
    }

    private static <T> T on(int threads, Callable<T> task) throws Exception {
        ForkJoinPool pool = new ForkJoinPool(threads);
        try {
            return pool.submit(task).get();
        } finally {
            pool.shutdown();
        }
    }

    /** Runs {@code task} on one thread and on four; returns both results. */
    private static <T> List<T> oneAndFour(Callable<T> task) throws Exception {
        List<T> out = new ArrayList<>();
        out.add(on(1, task));
        out.add(on(4, task));
        return out;
    }

    @Test
    void crossFittedAipwNuisances() throws Exception {
        CrossFitAipw aipw = new CrossFitAipw(new XGBoostClassifier(SMALL), new XGBoostRegressor(SMALL), 4, 0.01);
        List<AipwEstimands> r = oneAndFour(() -> aipw.nuisances(x, t, y, 3));
        assertArrayEquals(r.get(0).e(), r.get(1).e());
        assertArrayEquals(r.get(0).m0(), r.get(1).m0());
        assertArrayEquals(r.get(0).m1(), r.get(1).m1());
        List<CrossFitAipw.Fit> fits = oneAndFour(() -> aipw.fit(x, t, y, 3, null, f -> aipw.propensity()));
        for (int f = 0; f < 4; f++) {
            assertArrayEquals(fits.get(0).propensityModels().get(f).predictProba(xNew),
                    fits.get(1).propensityModels().get(f).predictProba(xNew), "fold " + f + "'s model in place f");
        }
    }

    @Test
    void drLearnerFoldsAndTLearnerArms() throws Exception {
        DRLearner dr = new DRLearner("dr_xgboost", new XGBoostRegressor(SMALL), LogisticRegression.l2(),
                new XGBoostRegressor(SMALL), 3, 0.01);
        List<CateModel> m = oneAndFour(() -> dr.fit(x, t, y, 5));
        assertArrayEquals(((FinalStageModel) m.get(0)).pseudoOutcomes(), ((FinalStageModel) m.get(1)).pseudoOutcomes());
        assertArrayEquals(m.get(0).effect(xNew), m.get(1).effect(xNew));
        TLearner tl = new TLearner("t_xgboost", new XGBoostRegressor(SMALL));
        List<TLearner.Fitted> f = oneAndFour(() -> tl.fit(x, t, y, 6));
        assertArrayEquals(f.get(0).mu(xNew, 0), f.get(1).mu(xNew, 0));
        assertArrayEquals(f.get(0).mu(xNew, 1), f.get(1).mu(xNew, 1));
        double[] marginal1 = on(1, () -> Nuisance.marginal(new XGBoostRegressor(SMALL), x, y,
                CrossFit.stratified(t, 3, 7), 8));
        double[] marginal4 = on(4, () -> Nuisance.marginal(new XGBoostRegressor(SMALL), x, y,
                CrossFit.stratified(t, 3, 7), 8));
        assertArrayEquals(marginal1, marginal4);
    }

    @Test
    void bLearnerLevelsAndTailFolds() throws Exception {
        BLearner bl = new BLearner(new XGBoostRegressor(SMALL), LogisticRegression.l2(), SMALL,
                new XGBoostRegressor(SMALL), 3, 0.01, false);
        List<CateBoundsFamily> r = oneAndFour(() -> bl.fit(x, t, y, new double[] {1.5, 2.0}, 12));
        assertEquals(3, r.get(0).levels().size());
        for (int k = 0; k < 3; k++) {
            CateBounds a = r.get(0).levels().get(k);
            CateBounds b = r.get(1).levels().get(k);
            assertEquals(a.lambda(), b.lambda());
            assertArrayEquals(a.upper().predict(xNew), b.upper().predict(xNew), "upper bound at level " + k);
            assertArrayEquals(a.lower().predict(xNew), b.lower().predict(xNew), "lower bound at level " + k);
        }
    }

    @Test
    void bootstrapIntervalsSumTheRefitsInOrder() throws Exception {
        TLearner tl = new TLearner("t_xgboost", new XGBoostRegressor(SMALL));
        CateModel point = tl.fit(x, t, y, 9);
        // 10 refits: more than one batch of predictions
        BootstrapCateModel bm = new BootstrapCate(tl, 10, false).wrap(point, x, t, y, 10);
        List<EffectIntervals> iv = oneAndFour(() -> bm.effectInterval(xNew, 0.05));
        assertArrayEquals(iv.get(0).lo(), iv.get(1).lo());
        assertArrayEquals(iv.get(0).hi(), iv.get(1).hi());
        List<double[]> sd = oneAndFour(() -> bm.bootstrapSd(xNew));
        assertArrayEquals(sd.get(0), sd.get(1));
        // the order of summation is the refits' order: the SD equals a sequential two-pass computation
        double[][] v = new double[10][];
        for (int b = 0; b < 10; b++) {
            v[b] = bm.refits().get(b).effect(xNew);
        }
        for (int i = 0; i < xNew.length; i++) {
            double s = 0;
            double q = 0;
            for (int b = 0; b < 10; b++) {
                s += v[b][i];
                q += v[b][i] * v[b][i];
            }
            double mean = s / 10;
            assertEquals(Math.sqrt(Math.max(0, (q - 10 * mean * mean) / 9)), sd.get(1)[i], 0.0);
        }
    }
}
