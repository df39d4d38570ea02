package org.causalrx.learn;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Folds stratified by a K-level label deal every level evenly over the folds. */
class FoldsStrataTest {

    @Test
    void foldsAreStratifiedByEveryArm() {
        int n = 300;
        int[] arm = new int[n];
        for (int i = 0; i < n; i++) {
            arm[i] = i % 10 == 0 ? 2 : i % 3 == 0 ? 1 : 0;
        }
        int[] fold = Folds.assign(n, 5, arm, 7);
        for (int a = 0; a < 3; a++) {
            int[] perFold = new int[5];
            int total = 0;
            for (int i = 0; i < n; i++) {
                if (arm[i] == a) {
                    perFold[fold[i]]++;
                    total++;
                }
            }
            for (int f = 0; f < 5; f++) {
                assertTrue(Math.abs(perFold[f] - total / 5.0) <= 1, "arm " + a + " fold " + f + ": " + perFold[f]
                        + " of " + total);
            }
        }
    }

    @Test
    void negativeLabelsAreErrors() {
        assertThrows(IllegalArgumentException.class, () -> Folds.assign(4, 2, new int[] {0, 1, -1, 0}, 1));
    }
}
