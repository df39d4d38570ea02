package org.causalrx.causal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The K-arm Majority ensemble is the entry-by-entry median of its members; the Average their mean. */
class MultiArmEnsemblesTest {
    /** A fitted K-arm model whose effect for arm a ≥ 1 is {@code slope[a] · x0 + shift}. */
    private record Linear(double[] slope, double shift) implements MultiArmCateModel {
        @Override
        public int arms() {
            return slope.length;
        }

        @Override
        public double[][] effects(double[][] x) {
            double[][] out = new double[x.length][slope.length];
            for (int i = 0; i < x.length; i++) {
                for (int a = 1; a < slope.length; a++) {
                    out[i][a] = slope[a] * x[i][0] + shift;
                }
            }
            return out;
        }
    }

    private static final double[][] X = {{-1}, {0}, {2}};

    @Test
    void majorityIsTheMedianPerPatientAndArmAndAverageTheMean() {
        List<MultiArmCateModel> members = List.of(new Linear(new double[] {0, 1, -2}, 0),
                new Linear(new double[] {0, 3, 0}, 1), new Linear(new double[] {0, -1, 5}, 10));
        double[][] med = MultiArmEnsembles.majorityFitted(members).effects(X);
        double[][] avg = MultiArmEnsembles.averageFitted(members).effects(X);
        for (int i = 0; i < X.length; i++) {
            double x = X[i][0];
            assertEquals(0, med[i][0], "the reference column stays 0");
            for (int a = 1; a < 3; a++) {
                double[] v = new double[3];
                double sum = 0;
                for (int m = 0; m < 3; m++) {
                    Linear l = (Linear) members.get(m);
                    v[m] = l.slope()[a] * x + l.shift();
                    sum += v[m];
                }
                Arrays.sort(v);
                assertEquals(v[1], med[i][a], 0, "median, patient " + i + " arm " + a);
                assertEquals(sum / 3, avg[i][a], 1e-12, "mean, patient " + i + " arm " + a);
            }
        }
        // the median ignores the outlying member the mean follows: patient x = 2, arm 2 gives -4, 1, 20
        assertEquals(1, med[2][2], 0);
        assertTrue(avg[2][2] > 5);
    }

    @Test
    void anEvenNumberOfMembersTakesTheMeanOfTheMiddleTwo() {
        List<MultiArmCateModel> members = List.of(new Linear(new double[] {0, 1}, 0),
                new Linear(new double[] {0, 1}, 2), new Linear(new double[] {0, 1}, 4),
                new Linear(new double[] {0, 1}, 100));
        double[][] med = MultiArmEnsembles.majorityFitted(members).effects(X);
        assertArrayEquals(new double[] {0, 2}, med[0], 0, "x = -1: -1, 1, 3, 99");
        assertThrows(IllegalArgumentException.class, () -> MultiArmEnsembles.majorityFitted(List.of(
                new Linear(new double[] {0, 1}, 0), new Linear(new double[] {0, 1, 2}, 0))));
        assertTrue(MultiArmEnsembles.isEnsemble(MultiArmEnsembles.majorityFitted(members)));
        assertFalse(MultiArmEnsembles.isEnsemble(members.get(0)));
    }
}
