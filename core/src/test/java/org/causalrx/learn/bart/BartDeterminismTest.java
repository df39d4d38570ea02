package org.causalrx.learn.bart;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Same seed ⇒ identical output; different seeds ⇒ different draws; inputs untouched. */
class BartDeterminismTest {
    private static final BartSettings SMALL = BartSettings.defaults().withTrees(20).withBurnIn(30).withDraws(40)
            .withThin(2);

    @Test
    void regressionIsDeterministicGivenSeed() {
        SplittableRandom rng = new SplittableRandom(5);
        double[][] x = Sim.uniform(150, 5, rng);
        double[] y = Sim.noisy(Sim.truth(x, Sim::friedman), 1, rng);
        double[][] copy = Arrays.stream(x).map(double[]::clone).toArray(double[][]::new);
        BartModel a = new Bart(SMALL).fit(x, y, null, 42);
        BartModel b = new Bart(SMALL).fit(x, y, null, 42);
        BartModel c = new Bart(SMALL).fit(x, y, null, 43);
        assertArrayEquals(a.predict(x), b.predict(x));
        assertArrayEquals(a.sigmaDraws(), b.sigmaDraws());
        assertArrayEquals(a.posteriorDraws(x)[39], b.posteriorDraws(x)[39]);
        assertFalse(Arrays.equals(a.posteriorDraws(x)[0], c.posteriorDraws(x)[0]));
        assertFalse(Arrays.equals(a.sigmaDraws(), c.sigmaDraws()));
        assertEquals(40, a.draws());
        for (int i = 0; i < x.length; i++) {
            assertArrayEquals(copy[i], x[i]);
        }
    }

    @Test
    void classifierIsDeterministicGivenSeed() {
        SplittableRandom rng = new SplittableRandom(6);
        double[][] x = Sim.uniform(150, 3, rng);
        int[] t = new int[150];
        for (int i = 0; i < 150; i++) {
            t[i] = rng.nextDouble() < x[i][0] ? 1 : 0;
        }
        BartClassifier clf = new BartClassifier(SMALL);
        assertArrayEquals(clf.fit(x, t, null, 1).predictProba(x), clf.fit(x, t, null, 1).predictProba(x));
        assertFalse(Arrays.equals(clf.fit(x, t, null, 1).predictProba(x), clf.fit(x, t, null, 2).predictProba(x)));
        assertEquals("bart", clf.name());
        assertEquals("bart", new Bart().name());
    }

    @Test
    void constantOutcomeAndConstantColumnAreHandled() {
        double[][] x = Sim.uniform(50, 2, new SplittableRandom(1));
        for (double[] r : x) {
            r[1] = 3.0;
        }
        double[] y = new double[50];
        Arrays.fill(y, 7.0);
        double[] pred = new Bart(SMALL).fit(x, y, null, 1).predict(x);
        for (double v : pred) {
            assertEquals(7.0, v, 1e-2);
        }
    }
}
