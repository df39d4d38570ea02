package org.causalrx.learn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.causalrx.learn.linear.LinearSettings;
import org.causalrx.learn.linear.LogisticRegression;
import org.causalrx.learn.xgb.XGBoostClassifier;
import org.causalrx.learn.xgb.XGBoostParams;
import org.junit.jupiter.api.Test;

/** One-vs-rest from a binary classifier: K = 2 is the binary model itself; K = 3 recovers known probabilities. */
class OneVsRestTest {

    /** Labels from a known multinomial logistic model: logits 0, x0, −x0 + x1. */
    private record Data(double[][] x, int[] t, double[][] p) {
        static Data draw(int n, int k, long seed) {
            Random r = new Random(seed);
            double[][] x = new double[n][3];
            int[] t = new int[n];
            double[][] p = new double[n][k];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < 3; j++) {
                    x[i][j] = r.nextGaussian();
                }
                double[] logit = {0, x[i][0], -x[i][0] + x[i][1]};
                double sum = 0;
                for (int a = 0; a < k; a++) {
                    p[i][a] = Math.exp(logit[a]);
                    sum += p[i][a];
                }
                double u = r.nextDouble() * sum;
                int a = 0;
                double cum = p[i][0];
                while (a < k - 1 && u >= cum) {
                    a++;
                    cum += p[i][a];
                }
                t[i] = a;
                for (int b = 0; b < k; b++) {
                    p[i][b] /= sum;
                }
            }
            return new Data(x, t, p);
        }
    }

    @Test
    void twoClassesGiveTheBinaryClassifiersOwnProbability() {
        Data d = Data.draw(500, 2, 1);
        XGBoostClassifier xgb = new XGBoostClassifier(XGBoostParams.defaults().withRounds(40).withEarlyStopping(0));
        for (Classifier c : new Classifier[] {LogisticRegression.l2(), xgb}) {
            double[] binary = c.fit(d.x(), d.t(), null, 13).predictProba(d.x());
            double[][] multi = new OneVsRest(c).fit(d.x(), d.t(), 2, null, 13).predictProba(d.x());
            for (int i = 0; i < binary.length; i++) {
                assertEquals(binary[i], multi[i][1], 0.0, c.name() + " row " + i);
                assertEquals(1 - binary[i], multi[i][0], 0.0);
            }
        }
    }

    @Test
    void threeClassesSumToOneAndApproachTheTrueProbabilities() {
        Data d = Data.draw(3000, 3, 2);
        OneVsRest ovr = new OneVsRest(LogisticRegression.l2(LinearSettings.nearlyUnpenalized()));
        MultiProbabilityModel m = ovr.fit(d.x(), d.t(), 3, null, 5);
        assertEquals(3, m.classes());
        double[][] p = m.predictProba(d.x());
        double err = 0;
        for (int i = 0; i < p.length; i++) {
            double sum = 0;
            for (int a = 0; a < 3; a++) {
                assertTrue(p[i][a] >= 0 && p[i][a] <= 1);
                sum += p[i][a];
                err += Math.abs(p[i][a] - d.p()[i][a]);
            }
            assertEquals(1.0, sum, 1e-12, "row " + i);
        }
        err /= 3.0 * p.length;
        // one-vs-rest logistic is not the multinomial model, but close to it: measured mean |error| 0.026
        assertTrue(err < 0.04, "mean absolute error of the probabilities " + err);
        double[][] again = ovr.fit(d.x(), d.t(), 3, null, 5).predictProba(d.x());
        for (int i = 0; i < p.length; i++) {
            assertArrayEquals(p[i], again[i], "same seed, same probabilities");
        }
    }

    @Test
    void missingOrOutOfRangeClassesAreErrors() {
        Data d = Data.draw(200, 2, 3);
        OneVsRest ovr = new OneVsRest(LogisticRegression.l2());
        assertThrows(IllegalArgumentException.class, () -> ovr.fit(d.x(), d.t(), 3, null, 1), "class 2 absent");
        int[] bad = d.t().clone();
        bad[0] = 5;
        assertThrows(IllegalArgumentException.class, () -> ovr.fit(d.x(), bad, 3, null, 1));
    }
}
