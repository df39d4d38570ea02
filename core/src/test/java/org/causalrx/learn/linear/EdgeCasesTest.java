package org.causalrx.learn.linear;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.causalrx.learn.Classifier;
import org.causalrx.learn.Regressor;
import org.causalrx.util.CausalRxException;
import org.junit.jupiter.api.Test;

/** Constant columns, determinism, folds, input validation, immutability. */
class EdgeCasesTest {
    private static final Regressor[] REGRESSORS = {new Ridge(), new Lasso(), new ElasticNet(0.5)};
    private static final Classifier[] CLASSIFIERS = {LogisticRegression.l1(), LogisticRegression.l2()};

    /** Features with column 1 constant (7.25) and column 3 all zero. */
    private static double[][] withConstantColumns(Random rng, int n) {
        double[][] x = Sim.features(rng, n, 5, 0.3);
        for (double[] row : x) {
            row[1] = 7.25;
            row[3] = 0.0;
        }
        return x;
    }

    private static void assertFinite(double[] a) {
        for (double v : a) {
            assertTrue(Double.isFinite(v), "non-finite " + v);
        }
    }

    @Test
    void constantColumnsGetZeroCoefficientAndNoNaN() {
        Random rng = new Random(1);
        double[][] x = withConstantColumns(rng, 200);
        double[] b = {1, 0, -1, 0, 0.5};
        double[] y = Sim.gaussianY(rng, x, 2, b, 0.5);
        int[] t = Sim.labels(rng, x, 0, b);
        for (Regressor r : REGRESSORS) {
            LinearModel m = (LinearModel) r.fit(x, y, null, 3);
            assertEquals(0.0, m.coefficients()[1], 0.0, r.name());
            assertEquals(0.0, m.coefficients()[3], 0.0, r.name());
            assertEquals(0.0, m.standardizedCoefficients()[1], 0.0, r.name());
            assertTrue(Math.abs(m.coefficients()[0]) > 0.5, r.name() + " still fits the other columns");
            assertFinite(m.coefficients());
            assertFinite(m.predict(x));
        }
        for (Classifier c : CLASSIFIERS) {
            LogisticModel m = (LogisticModel) c.fit(x, t, null, 3);
            assertEquals(0.0, m.coefficients()[1], 0.0, c.name());
            assertEquals(0.0, m.coefficients()[3], 0.0, c.name());
            assertFinite(m.coefficients());
            assertFinite(m.predictProba(x));
        }
    }

    @Test
    void allColumnsConstantGivesInterceptOnly() {
        double[][] x = new double[50][2];
        double[] y = new double[50];
        int[] t = new int[50];
        for (int i = 0; i < 50; i++) {
            x[i][0] = 3;
            y[i] = i;
            t[i] = i % 5 == 0 ? 1 : 0;
        }
        LinearModel m = new Lasso().fit(x, y, null, 1);
        assertEquals(24.5, m.intercept(), 1e-9);
        assertArrayEquals(new double[2], m.coefficients());
        LogisticModel l = LogisticRegression.l2().fit(x, t, null, 1);
        assertEquals(Math.log(0.2 / 0.8), l.intercept(), 1e-6);
    }

    @Test
    void sameSeedGivesIdenticalPredictions() {
        Random rng = new Random(2);
        double[][] x = Sim.features(rng, 300, 8, 0.5);
        double[] b = {1, 0, 0, -1, 0, 0.3, 0, 0};
        double[] y = Sim.gaussianY(rng, x, 0, b, 1);
        int[] t = Sim.labels(rng, x, 0, b);
        double[] w = Sim.weights(rng, 300, 0.5, 2);
        for (Regressor r : REGRESSORS) {
            LinearModel m1 = (LinearModel) r.fit(x, y, w, 42);
            LinearModel m2 = (LinearModel) r.fit(x, y, w, 42);
            assertArrayEquals(m1.predict(x), m2.predict(x), 0.0, r.name());
            assertEquals(m1, m2);
        }
        for (Classifier c : CLASSIFIERS) {
            ProbabilityCheck.same(c.fit(x, t, w, 42).predictProba(x), c.fit(x, t, w, 42).predictProba(x));
        }
    }

    /** Helper so the comparison reads the same for classifiers. */
    private static final class ProbabilityCheck {
        static void same(double[] a, double[] b) {
            assertArrayEquals(a, b, 0.0);
        }
    }

    @Test
    void foldsAreDeterministicDisjointBalancedAndStratified() {
        double[] labels = new double[103];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = i % 4 == 0 ? 1 : 0;
        }
        int[] f1 = Folds.assign(103, 5, 77, labels);
        assertArrayEquals(f1, Folds.assign(103, 5, 77, labels));
        int[] size = new int[5];
        int[] positives = new int[5];
        for (int i = 0; i < 103; i++) {
            assertTrue(f1[i] >= 0 && f1[i] < 5);
            size[f1[i]]++;
            positives[f1[i]] += (int) labels[i];
        }
        for (int k = 0; k < 5; k++) {
            assertTrue(size[k] == 20 || size[k] == 21, "size " + size[k]);
            assertTrue(positives[k] == 5 || positives[k] == 6, "positives " + positives[k]);
        }
        int[] other = Folds.assign(103, 5, 78, null);
        assertTrue(!java.util.Arrays.equals(f1, other), "a different seed should give different folds");
    }

    @Test
    void oneStandardErrorRuleNeverPicksASmallerLambda() {
        double[][] loss = {{5, 3, 2.0, 2.2}, {5, 3.2, 2.1, 2.0}, {6, 2.9, 2.2, 2.3}};
        double[] fw = {1, 1, 1};
        assertEquals(2, PenalizedPath.choose(loss, fw, false));
        int oneSe = PenalizedPath.choose(loss, fw, true);
        assertEquals(2, oneSe); // index 1 mean 3.03 is outside 2.1 + SE
        double[][] flat = {{2.0, 1.99, 1.98}, {2.1, 2.0, 1.97}, {1.9, 2.01, 2.02}};
        assertEquals(0, PenalizedPath.choose(flat, fw, true));
        assertEquals(2, PenalizedPath.choose(flat, fw, false));
    }

    @Test
    void invalidInputsGiveMessagesForPeople() {
        double[][] x = {{1, 2}, {3, 4}, {5, 7}};
        double[] y = {1, 2, 3};
        assertThrows(CausalRxException.class, () -> new Ridge().fit(new double[0][], new double[0], null, 1));
        assertThrows(CausalRxException.class, () -> new Ridge().fit(x, new double[] {1, 2}, null, 1));
        assertThrows(CausalRxException.class, () -> new Ridge().fit(new double[][] {{1, Double.NaN}, {1, 2}},
                new double[] {1, 2}, null, 1));
        assertThrows(CausalRxException.class, () -> new Ridge().fit(x, y, new double[] {1, -1, 1}, 1));
        assertThrows(CausalRxException.class, () -> new Ridge().fit(x, y, new double[] {0, 0, 0}, 1));
        assertThrows(CausalRxException.class, () -> new Ridge().fit(new double[][] {{1, 2}, {3}}, new double[] {1, 2},
                null, 1));
        CausalRxException e = assertThrows(CausalRxException.class,
                () -> LogisticRegression.l1().fit(x, new int[] {1, 1, 1}, null, 1));
        assertTrue(e.getMessage().contains("both classes"), e.getMessage());
        assertThrows(CausalRxException.class, () -> LogisticRegression.l1().fit(x, new int[] {0, 2, 1}, null, 1));
        assertThrows(CausalRxException.class, () -> LinearSettings.defaults().withFolds(1));
        assertThrows(CausalRxException.class, () -> new ElasticNet(1.5));
        LinearModel m = new Ridge(LinearSettings.defaults().withFixedLambda(0.1)).fit(x, y, null, 1);
        assertThrows(CausalRxException.class, () -> m.predict(new double[][] {{1, 2, 3}}));
    }

    @Test
    void modelsAreImmutable() {
        LinearModel m = new LinearModel(1, new double[] {2, 3}, new double[] {1, 1}, 0.1);
        double[] c = m.coefficients();
        c[0] = 99;
        assertEquals(2, m.coefficients()[0]);
        assertNotSame(m.coefficients(), m.coefficients());
        double[] src = {4, 5};
        LogisticModel l = new LogisticModel(0, src, new double[] {2, 0}, 0.1);
        src[0] = 0;
        assertEquals(4, l.coefficients()[0]);
        assertArrayEquals(new double[] {8, 0}, l.standardizedCoefficients());
    }

    @Test
    void tinyDataStillFits() {
        double[][] x = {{1, 0}, {2, 1}, {3, 0}, {4, 1}, {5, 0}, {6, 1}};
        double[] y = {1.1, 2.3, 2.9, 4.2, 5.1, 5.8};
        int[] t = {0, 0, 1, 0, 1, 1};
        assertFinite(new Lasso().fit(x, y, null, 1).coefficients());
        assertFinite(LogisticRegression.l1().fit(x, t, null, 1).coefficients());
        assertFinite(new Ridge(LinearSettings.defaults().withFolds(10)).fit(x, y, null, 1).coefficients());
    }
}
