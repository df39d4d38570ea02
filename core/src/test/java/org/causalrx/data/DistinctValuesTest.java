package org.causalrx.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class DistinctValuesTest {

    @Test
    void numbersCountAsTheirDistinctTexts() {
        SplittableRandom rng = new SplittableRandom(7);
        double[] v = new double[5000];
        for (int i = 0; i < v.length; i++) {
            int k = rng.nextInt(8);
            v[i] = k == 0 ? Double.NaN : k == 1 ? -0.0 : k == 2 ? 0.0 : Math.round(rng.nextGaussian() * 30) / 4.0;
        }
        Set<String> texts = new HashSet<>();
        for (double d : v) {
            if (!Double.isNaN(d)) {
                texts.add(Double.toString(d));
            }
        }
        assertEquals(texts.size(), DistinctValues.count(new Column.Numeric("x", v)));
        assertEquals(2, DistinctValues.count(new Column.Numeric("z", new double[] {0.0, -0.0, Double.NaN, 0.0})));
        assertEquals(0, DistinctValues.count(new Column.Numeric("m", new double[] {Double.NaN, Double.NaN})));
        assertTrue(DistinctValues.one(new Column.Numeric("o", new double[] {Double.NaN, 2.5, 2.5, Double.NaN})));
        assertFalse(DistinctValues.one(new Column.Numeric("z", new double[] {0.0, -0.0})));
        assertFalse(DistinctValues.one(new Column.Numeric("m", new double[] {Double.NaN})));
    }

    @Test
    void textCountsDistinctPresentValues() {
        assertEquals(2, DistinctValues.count(new Column.Text("s", new String[] {"a", null, "b", "a"})));
        assertEquals(0, DistinctValues.count(new Column.Text("e", new String[] {null})));
        assertTrue(DistinctValues.one(new Column.Text("o", new String[] {"a", null, "a"})));
    }
}
