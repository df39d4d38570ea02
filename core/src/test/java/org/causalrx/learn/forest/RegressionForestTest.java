package org.causalrx.learn.forest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RegressionForestTest {
    static final ForestSettings SMALL = ForestSettings.defaults().withNumTrees(200).withCiGroupSize(1);

    static double[][] features(int n, int p, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] x = new double[n][p];
        for (double[] row : x) {
            for (int j = 0; j < p; j++) {
                row[j] = r.nextDouble() * 2 - 1;
            }
        }
        return x;
    }

    static double truth(double[] x) {
        return Math.sin(3 * x[0]) + (x[1] > 0 ? 1 : -1) * x[2];
    }

    static double[] outcome(double[][] x, double noise, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = truth(x[i]) + noise * r.nextGaussian();
        }
        return y;
    }

    @Test
    void beatsTheMeanOnANonlinearTruth() {
        double[][] x = features(800, 5, 1);
        double[] y = outcome(x, 0.3, 2);
        double[][] xt = features(500, 5, 3);
        RegressionForestModel m = new RegressionForest(SMALL).fit(x, y, null, 7);
        double[] pred = m.predict(xt);
        double mean = 0;
        for (double v : y) {
            mean += v / y.length;
        }
        double mseForest = 0;
        double mseMean = 0;
        for (int i = 0; i < xt.length; i++) {
            double t = truth(xt[i]);
            mseForest += (pred[i] - t) * (pred[i] - t);
            mseMean += (mean - t) * (mean - t);
        }
        assertTrue(mseForest < 0.35 * mseMean, "forest " + mseForest / xt.length + " vs mean " + mseMean / xt.length);
        double[] oob = m.predictOob();
        double mseOob = 0;
        for (int i = 0; i < x.length; i++) {
            mseOob += (oob[i] - truth(x[i])) * (oob[i] - truth(x[i]));
        }
        assertTrue(mseOob / x.length < 0.35 * mseMean / xt.length, "oob mse " + mseOob / x.length);
    }

    @Test
    void oobPredictionNeverUsesTheRowsOwnTrees() {
        double[][] x = features(300, 4, 4);
        double[] y = outcome(x, 0.5, 5);
        ForestSettings s = SMALL.withNumTrees(60);
        RegressionForestModel base = new RegressionForest(s).fit(x, y, null, 11);
        // Trees that drew row 0 are the only ones its outcome can touch: a wild y[0] must leave its OOB
        // prediction unchanged bit for bit while in-bag predictions do move.
        double[] y2 = y.clone();
        y2[0] = 1e6;
        RegressionForestModel moved = new RegressionForest(s).fit(x, y2, null, 11);
        assertEquals(base.predictOob()[0], moved.predictOob()[0], 0.0);
        assertNotEquals(base.predict(new double[][] {x[0]})[0], moved.predict(new double[][] {x[0]})[0]);
        // the drawn bitmap is exactly the sampler's subsample
        ForestSampler sampler = new ForestSampler(x.length, s, 11);
        for (int b = 0; b < s.numTrees(); b++) {
            boolean[] in = new boolean[x.length];
            for (int r : sampler.draw(b).drawn()) {
                in[r] = true;
            }
            for (int r = 0; r < x.length; r++) {
                assertEquals(in[r], base.tree(b).drew(r));
            }
        }
    }

    @Test
    void deterministicAcrossRunsAndThreads() {
        double[][] x = features(300, 4, 6);
        double[] y = outcome(x, 0.5, 7);
        ForestSettings s = SMALL.withNumTrees(50);
        double[] a = new RegressionForest(s).fit(x, y, null, 3).predict(x);
        double[] b = new RegressionForest(s).fit(x, y, null, 3).predict(x);
        RegressionForestModel m2 = new RegressionForest(s.withThreads(2)).fit(x, y, null, 3);
        assertArrayEquals(a, b, 0.0);
        assertArrayEquals(a, m2.predict(x), 0.0);
        assertArrayEquals(new RegressionForest(s).fit(x, y, null, 3).predictOob(), m2.predictOob(), 0.0);
        double[] c = new RegressionForest(s).fit(x, y, null, 4).predict(x);
        assertFalse(java.util.Arrays.equals(a, c), "another seed gives another forest");
    }

    @Test
    void rescalingWeightsChangesNothingAndWeightsMatter() {
        double[][] x = features(300, 3, 8);
        double[] y = outcome(x, 0.5, 9);
        double[] w = new double[x.length];
        SplittableRandom r = new SplittableRandom(10);
        for (int i = 0; i < w.length; i++) {
            w[i] = 0.5 + r.nextDouble();
        }
        double[] w4 = new double[w.length];
        for (int i = 0; i < w.length; i++) {
            w4[i] = 4 * w[i];
        }
        ForestSettings s = SMALL.withNumTrees(40);
        double[] a = new RegressionForest(s).fit(x, y, w, 1).predict(x);
        double[] b = new RegressionForest(s).fit(x, y, w4, 1).predict(x);
        assertArrayEquals(a, b, 1e-12);
        double[] u = new RegressionForest(s).fit(x, y, null, 1).predict(x);
        assertFalse(java.util.Arrays.equals(a, u));
        // rescaling y scales predictions
        double[] y3 = y.clone();
        for (int i = 0; i < y3.length; i++) {
            y3[i] *= 2;
        }
        double[] a3 = new RegressionForest(s).fit(x, y3, w, 1).predict(x);
        for (int i = 0; i < a.length; i++) {
            assertEquals(2 * a[i], a3[i], 1e-12);
        }
    }

    @Test
    void settingsDefaultsAndValidation() {
        ForestSettings d = ForestSettings.defaults();
        assertEquals(2000, d.numTrees());
        assertEquals(0.5, d.sampleFraction());
        assertEquals(10, d.mtryFor(10));
        assertEquals(30, d.mtryFor(100)); // ceil(sqrt(100) + 20)
        assertEquals(25, d.mtryFor(25));
        assertEquals(3, d.withMtry(3).mtryFor(10));
        assertEquals(5, d.minNodeSize());
        assertTrue(d.honesty());
        assertEquals(0.05, d.alpha());
        assertEquals(2, d.ciGroupSize());
        assertEquals(1, d.threads());
        double[][] x = features(20, 2, 1);
        double[] y = new double[20];
        assertThrows(IllegalArgumentException.class, () -> new RegressionForest(d.withNumTrees(11)).fit(x, y, null, 1));
        assertThrows(IllegalArgumentException.class,
                () -> new RegressionForest(d.withSampleFraction(0.8)).fit(x, y, null, 1));
        assertThrows(IllegalArgumentException.class, () -> d.withAlpha(0.3));
        assertThrows(IllegalArgumentException.class, () -> d.withThreads(0));
        assertEquals("forest", new RegressionForest().name());
        assertThrows(IllegalArgumentException.class,
                () -> new RegressionForest(SMALL).fit(new double[][] {{1}, {Double.NaN}}, new double[] {1, 2},
                        null, 1));
    }

    @Test
    void argsortIsStableAndSorted() {
        double[] v = {3, 1, 2, 1, 3, 0};
        assertArrayEquals(new int[] {5, 1, 3, 2, 0, 4}, ForestData.argsort(v));
    }
}
