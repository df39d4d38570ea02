package org.causalrx.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class ShapRowsTest {
    private static double[][] rows(int n) {
        double[][] x = new double[n][2];
        for (int i = 0; i < n; i++) {
            x[i][0] = i;
            x[i][1] = -i;
        }
        return x;
    }

    @Test
    void aSmallTestSplitIsExplainedWholeInItsOrder() {
        double[][] x = rows(500);
        ShapRows r = ShapRows.of(x, 1_000, 7);
        assertSame(x, r.x());
        assertEquals(500, r.total());
        assertFalse(r.sampled());
    }

    @Test
    void aLargeTestSplitIsSampledWithoutReplacementAndDeterministically() {
        double[][] x = rows(50_000);
        ShapRows a = ShapRows.of(x, 1_000, 7);
        ShapRows b = ShapRows.of(x, 1_000, 7);
        ShapRows c = ShapRows.of(x, 1_000, 8);
        assertTrue(a.sampled());
        assertEquals(1_000, a.x().length);
        assertEquals(50_000, a.total());
        Set<Double> seen = new HashSet<>();
        double sum = 0;
        for (double[] row : a.x()) {
            assertEquals(row[0], -row[1], "whole rows are taken");
            assertTrue(seen.add(row[0]), "no row twice");
            sum += row[0];
        }
        assertEquals(49_999 / 2.0, sum / 1_000, 49_999 * 0.05, "the sample is spread over the split");
        for (int i = 0; i < 1_000; i++) {
            assertArrayEquals(a.x()[i], b.x()[i], 0);
        }
        assertNotEquals(a.x()[0][0] + a.x()[1][0], c.x()[0][0] + c.x()[1][0]);
    }

    @Test
    void theBeeswarmDrawsTheFirstRowsButRanksFeaturesOnAllExplainedRows() {
        int n = 30;
        double[][] x = rows(n);
        double[][] shap = new double[n][3];
        for (int i = 0; i < n; i++) {
            shap[i][0] = i < 10 ? 0 : 5;
            shap[i][1] = 1;
        }
        AnalysisFigures.ShapDetail d = Explanations.detail("m", "units", shap, x, 1_000, List.of("a", "b"), 2, 10);
        assertEquals(List.of("a", "b"), d.features(), "feature a ranks first on all 30 rows, though 0 on the first 10");
        assertEquals(10, d.shap()[0].length);
        assertEquals(1_000, d.testPatients());
        assertTrue(d.sampled());
        assertEquals(30, Explanations.importance("m", "units", shap, List.of("a", "b")).rows());
    }
}
