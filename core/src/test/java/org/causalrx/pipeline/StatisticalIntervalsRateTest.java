package org.causalrx.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.causalrx.causal.CateModel;
import org.causalrx.causal.Ensembles;
import org.causalrx.causal.OutcomeAware;
import org.causalrx.causal.TLearner;
import org.causalrx.causal.uncertainty.BootstrapCateModel;
import org.causalrx.causal.uncertainty.Subsample;
import org.junit.jupiter.api.Test;

/**
 * The run's statistical intervals on a split of at least 2m rows use the estimated-rate subsample refits, say the rate
 * in the method text and give an ensemble the rate of its combined refits; below 2m nothing changes.
 */
class StatisticalIntervalsRateTest {
    private static final int N = 1200;

    @Test
    void estimatedRateIsTheRunsSchemeAtLargeSplitsAndAbsentBelow() {
        SplittableRandom rng = new SplittableRandom(5);
        double[][] x = new double[N][];
        int[] t = new int[N];
        double[] y = new double[N];
        for (int i = 0; i < N; i++) {
            x[i] = new double[] {rng.nextGaussian(), rng.nextGaussian(), rng.nextGaussian()};
            t[i] = rng.nextBoolean() ? 1 : 0;
            y[i] = x[i][0] + t[i] * (1 + 0.5 * x[i][1]) + rng.nextGaussian();
        }
        Learners learners = Learners.standard();
        List<TLearner> tl = learners.tLearners(false);
        Map<String, CateModel> points = new LinkedHashMap<>();
        for (TLearner l : tl) {
            if (!l.name().equals("t_xgboost")) {
                points.put(l.name(), l.fit(x, t, y, 1));
            }
        }
        points.put("average", Ensembles.combineFitted(List.of(points.get("t_ridge"), points.get("t_lasso")), false));
        List<String> names = List.of("t_ridge", "average");
        List<String> singles = List.of("t_ridge", "t_lasso");
        StatisticalIntervals.Fitted rated = StatisticalIntervals.fit(learners.estimators(), names, singles, points, tl,
                OutcomeAware.Kind.CONTINUOUS, 8, 300, x, t, y, null, 7, false);
        Subsample ridge = ((BootstrapCateModel) rated.models().get("t_ridge")).subsample();
        Subsample avg = ((BootstrapCateModel) rated.models().get("average")).subsample();
        assertTrue(ridge.twoSizes() && avg.twoSizes());
        assertEquals(75, ridge.smallDrawn());
        String text = String.format(java.util.Locale.ROOT, "size^-%.3f", ridge.rate());
        assertTrue(rated.methods().get("t_ridge").contains(text), rated.methods().get("t_ridge"));
        assertTrue(rated.methods().get("average").startsWith("members' 8 subsample refits on shared subsamples, 4 of "
                + ridge.drawn() + " and 4 of 75 of 1,200 rows"), rated.methods().get("average"));
        assertTrue(rated.methods().get("average").contains(String.format(java.util.Locale.ROOT, "size^-%.3f",
                avg.rate())), rated.methods().get("average"));

        StatisticalIntervals.Fitted root = StatisticalIntervals.fit(learners.estimators(), names, singles, points, tl,
                OutcomeAware.Kind.CONTINUOUS, 8, 300, Subsample.Rate.ROOT_N, x, t, y, null, 7, false);
        assertEquals(new Subsample(ridge.drawn(), 1200, false),
                ((BootstrapCateModel) root.models().get("t_ridge")).subsample());

        StatisticalIntervals.Fitted below = StatisticalIntervals.fit(learners.estimators(), names, singles, points,
                tl, OutcomeAware.Kind.CONTINUOUS, 8, 601, x, t, y, null, 7, false);
        assertNull(((BootstrapCateModel) below.models().get("t_ridge")).subsample());
        assertEquals("8 bootstrap refits (normal interval)", below.methods().get("t_ridge"));
    }
}
