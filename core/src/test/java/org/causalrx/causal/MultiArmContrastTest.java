package org.causalrx.causal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class MultiArmContrastTest {
    /** Three arms: tau_1(x) = x, tau_2(x) = 2 − x. */
    private static final MultiArmCateModel MODEL = new MultiArmCateModel() {
        @Override
        public int arms() {
            return 3;
        }

        @Override
        public double[][] effects(double[][] x) {
            double[][] e = new double[x.length][];
            for (int i = 0; i < x.length; i++) {
                e[i] = new double[] {0, x[i][0], 2 - x[i][0]};
            }
            return e;
        }
    };

    @Test
    void anyPairIsTheDifferenceOfTheirEffectsAgainstTheReference() {
        double[][] x = {{0}, {1}, {3}};
        assertArrayEquals(new double[] {2, 0, -4}, MODEL.contrast(x, 2, 1), 0);
        assertArrayEquals(new double[] {-2, 0, 4}, MODEL.contrast(x, 1, 2), 0);
        assertArrayEquals(new double[] {0, 1, 3}, MODEL.contrast(x, 1, 0), 0);
        assertArrayEquals(new double[] {0, -1, -3}, MODEL.contrast(x, 0, 1), 0);
        assertArrayEquals(new double[] {0, 0, 0}, MODEL.contrast(x, 2, 2), 0);
        assertThrows(IllegalArgumentException.class, () -> MODEL.contrast(x, 3, 0));
        assertThrows(IllegalArgumentException.class, () -> MODEL.contrast(x, 0, -1));
    }
}
