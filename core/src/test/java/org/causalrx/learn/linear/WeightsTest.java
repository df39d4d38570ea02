package org.causalrx.learn.linear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Sample weights: duplication = weight 2, non-uniform weights matter, a common scale does not. */
class WeightsTest {
    private static final int N = 300;
    private static final int P = 6;
    private static final double[] B = {1.0, -0.7, 0.0, 0.4, 0.0, 0.9};
    private static final int[] DUPLICATED = {3, 17, 150};

    private static double[][] withDuplicates(double[][] x) {
        double[][] out = Arrays.copyOf(x, x.length + DUPLICATED.length);
        for (int k = 0; k < DUPLICATED.length; k++) {
            out[x.length + k] = x[DUPLICATED[k]].clone();
        }
        return out;
    }

    private static double[] withDuplicates(double[] y) {
        double[] out = Arrays.copyOf(y, y.length + DUPLICATED.length);
        for (int k = 0; k < DUPLICATED.length; k++) {
            out[y.length + k] = y[DUPLICATED[k]];
        }
        return out;
    }

    private static int[] withDuplicates(int[] t) {
        int[] out = Arrays.copyOf(t, t.length + DUPLICATED.length);
        for (int k = 0; k < DUPLICATED.length; k++) {
            out[t.length + k] = t[DUPLICATED[k]];
        }
        return out;
    }

    private static double[] twiceOnDuplicated() {
        double[] w = new double[N];
        Arrays.fill(w, 1);
        for (int r : DUPLICATED) {
            w[r] = 2;
        }
        return w;
    }

    private static void assertSameFit(double i1, double[] b1, double i2, double[] b2, double tol, String what) {
        assertEquals(i1, i2, tol, what + " intercept");
        assertTrue(Sim.maxAbsDiff(b1, b2) <= tol, what + " coefficients differ by " + Sim.maxAbsDiff(b1, b2));
    }

    @Test
    void gaussianDuplicateRowEqualsWeightTwo() {
        Random rng = new Random(31);
        double[][] x = Sim.features(rng, N, P, 0.4);
        double[] y = Sim.gaussianY(rng, x, 0.5, B, 1.0);
        LinearSettings s = LinearSettings.defaults().withFixedLambda(0.05).withTolerance(1e-12);
        for (var learner : new org.causalrx.learn.Regressor[] {new Ridge(s), new Lasso(s), new ElasticNet(0.5, s)}) {
            LinearModel dup = (LinearModel) learner.fit(withDuplicates(x), withDuplicates(y), null, 1);
            LinearModel wt = (LinearModel) learner.fit(x, y, twiceOnDuplicated(), 1);
            LinearModel plain = (LinearModel) learner.fit(x, y, null, 1);
            assertSameFit(dup.intercept(), dup.coefficients(), wt.intercept(), wt.coefficients(), 1e-8, learner.name());
            assertTrue(Sim.maxAbsDiff(plain.coefficients(), wt.coefficients()) > 1e-5, learner.name()
                    + ": the weights had no effect");
        }
    }

    @Test
    void logisticDuplicateRowEqualsWeightTwo() {
        Random rng = new Random(32);
        double[][] x = Sim.features(rng, N, P, 0.4);
        int[] t = Sim.labels(rng, x, -0.3, B);
        LinearSettings s = LinearSettings.defaults().withFixedLambda(0.01).withTolerance(1e-12);
        for (LogisticRegression learner : new LogisticRegression[] {LogisticRegression.l1(s),
                LogisticRegression.l2(s)}) {
            LogisticModel dup = learner.fit(withDuplicates(x), withDuplicates(t), null, 1);
            LogisticModel wt = learner.fit(x, t, twiceOnDuplicated(), 1);
            LogisticModel plain = learner.fit(x, t, null, 1);
            assertSameFit(dup.intercept(), dup.coefficients(), wt.intercept(), wt.coefficients(), 1e-8, learner.name());
            assertTrue(Sim.maxAbsDiff(plain.coefficients(), wt.coefficients()) > 1e-5, learner.name()
                    + ": the weights had no effect");
        }
    }

    @Test
    void nonUniformWeightsChangeTheFit() {
        Random rng = new Random(33);
        double[][] x = Sim.features(rng, N, P, 0.4);
        double[] y = Sim.gaussianY(rng, x, 0.5, B, 1.0);
        int[] t = Sim.labels(rng, x, -0.3, B);
        double[] w = Sim.weights(rng, N, 0.1, 5);
        LinearSettings s = LinearSettings.defaults().withFixedLambda(0.02);
        double dg = Sim.maxAbsDiff(new Ridge(s).fit(x, y, w, 1).coefficients(),
                new Ridge(s).fit(x, y, null, 1).coefficients());
        double dl = Sim.maxAbsDiff(LogisticRegression.l2(s).fit(x, t, w, 1).coefficients(),
                LogisticRegression.l2(s).fit(x, t, null, 1).coefficients());
        assertTrue(dg > 1e-2, "gaussian " + dg);
        assertTrue(dl > 1e-2, "logistic " + dl);
    }

    @Test
    void rescalingAllWeightsChangesNothingIncludingCv() {
        Random rng = new Random(34);
        double[][] x = Sim.features(rng, N, P, 0.4);
        double[] y = Sim.gaussianY(rng, x, 0.5, B, 1.0);
        int[] t = Sim.labels(rng, x, -0.3, B);
        double[] w = Sim.weights(rng, N, 0.1, 5);
        double[] w2 = w.clone();
        for (int i = 0; i < N; i++) {
            w2[i] *= 37.5;
        }
        LinearModel a = new Lasso().fit(x, y, w, 9);
        LinearModel b = new Lasso().fit(x, y, w2, 9);
        assertEquals(a.lambda(), b.lambda(), 1e-12 * a.lambda());
        assertSameFit(a.intercept(), a.coefficients(), b.intercept(), b.coefficients(), 1e-8, "lasso");
        LogisticModel c = LogisticRegression.l1().fit(x, t, w, 9);
        LogisticModel d = LogisticRegression.l1().fit(x, t, w2, 9);
        assertEquals(c.lambda(), d.lambda(), 1e-12 * c.lambda());
        assertSameFit(c.intercept(), c.coefficients(), d.intercept(), d.coefficients(), 1e-8, "l1_logistic");
    }

    @Test
    void zeroWeightRowsAreIgnored() {
        Random rng = new Random(35);
        double[][] x = Sim.features(rng, N, P, 0.4);
        double[] y = Sim.gaussianY(rng, x, 0.5, B, 1.0);
        double[] w = new double[N];
        Arrays.fill(w, 1);
        double[][] xs = Arrays.copyOf(x, N - 50);
        double[] ys = Arrays.copyOf(y, N - 50);
        for (int i = N - 50; i < N; i++) {
            w[i] = 0;
            y[i] = 1e6; // would dominate if used
        }
        LinearSettings s = LinearSettings.defaults().withFixedLambda(0.1).withTolerance(1e-12);
        LinearModel a = new Ridge(s).fit(x, y, w, 1);
        LinearModel b = new Ridge(s).fit(xs, ys, null, 1);
        assertSameFit(a.intercept(), a.coefficients(), b.intercept(), b.coefficients(), 1e-8, "ridge");
    }
}
