package org.causalrx.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.causalrx.util.CausalRxException;
import org.junit.jupiter.api.Test;

class CovariateEncoderTest {
    private static final int[] TRAIN = {0, 1, 2, 3};

    private static Table ages(double testValue) {
        return new Table("c.csv", List.of(new Column.Numeric("age", new double[] {10, 20, 30, Double.NaN, testValue})));
    }

    @Test
    void medianComesFromTrainingRowsOnly() {
        List<CovariateSpec> spec = List.of(new CovariateSpec("age", null, false));
        Encoding small = CovariateEncoder.fit(ages(5), TRAIN, spec);
        Encoding outlier = CovariateEncoder.fit(ages(1e6), TRAIN, spec);   // row 4 is a test row
        assertEquals(20.0, small.medians().get("age"));
        assertEquals(20.0, outlier.medians().get("age"), "a test-row outlier must not move the median");
        // the whole-cohort median would differ: {10, 20, 30, 1e6} → 25
        Encoding all = CovariateEncoder.fit(ages(1e6), new int[] {0, 1, 2, 3, 4}, spec);
        assertEquals(25.0, all.medians().get("age"));
    }

    @Test
    void missingIndicatorOnlyWhenTheCohortHasMissingValues() {
        Encoding withMissing = CovariateEncoder.fit(ages(5), TRAIN, List.of(new CovariateSpec("age", null, false)));
        assertEquals(List.of("age", "age_missing"), withMissing.featureNames());
        double[][] x = withMissing.transform(ages(5));
        assertArrayEquals(new double[] {20, 1}, x[3], "imputed with the median, flagged");
        assertArrayEquals(new double[] {10, 0}, x[0]);

        Table complete = new Table("c.csv", List.of(new Column.Numeric("age", new double[] {1, 2, 3, 4, 5})));
        Encoding none = CovariateEncoder.fit(complete, TRAIN, List.of(new CovariateSpec("age", null, false)));
        assertEquals(List.of("age"), none.featureNames());
        assertEquals(List.of("age"), none.featuresOf("age"));
    }

    @Test
    void squaredTermIsComputedAfterImputation() {
        Encoding e = CovariateEncoder.fit(ages(5), TRAIN, List.of(new CovariateSpec("age", false, true)));
        assertEquals(List.of("age", "age_missing", "age^2"), e.featureNames());
        assertEquals(List.of("age", "age_missing", "age^2"), e.featuresOf("age"));
        double[][] x = e.transform(ages(5));
        assertArrayEquals(new double[] {20, 1, 400}, x[3]);
        assertArrayEquals(new double[] {5, 0, 25}, x[4]);
    }

    @Test
    void oneHotDropsTheMostFrequentTrainingLevel() {
        // "c" is most frequent in the cohort, but only in test rows; among training rows "b" is most frequent
        String[] g = {"b", "a", "b", null, "c", "c", "c"};
        Table t = new Table("c.csv", List.of(new Column.Text("g", g)));
        Encoding e = CovariateEncoder.fit(t, TRAIN, List.of(new CovariateSpec("g", null, false)));
        assertEquals("b", e.referenceLevels().get("g"));
        assertEquals(List.of("g=a", "g=c", "g=missing"), e.featureNames());
        assertEquals(List.of("a", "b", "c", "missing"), e.levels().get("g"));
        double[][] x = e.transform(t);
        assertArrayEquals(new double[] {0, 0, 0}, x[0], "reference level is all zeros");
        assertArrayEquals(new double[] {1, 0, 0}, x[1]);
        assertArrayEquals(new double[] {0, 0, 1}, x[3], "missing is its own level");
        assertArrayEquals(new double[] {0, 1, 0}, x[4]);
        Table unseen = new Table("n.csv", List.of(new Column.Text("g", new String[] {"zzz"})));
        assertArrayEquals(new double[] {0, 0, 0}, e.transform(unseen)[0], "unknown level → reference");
    }

    @Test
    void tiesPickTheFirstLevelAndNumericCodesSortNumerically() {
        Table t = new Table("c.csv", List.of(new Column.Numeric("edu", new double[] {10, 2, 10, 2, 1})));
        Encoding e = CovariateEncoder.fit(t, TRAIN, List.of(new CovariateSpec("edu", true, false)));
        assertEquals(List.of("1", "2", "10"), e.levels().get("edu"));
        assertEquals("2", e.referenceLevels().get("edu"), "2 and 10 tie in training; 2 sorts first");
        assertEquals(List.of("edu=1", "edu=10"), e.featureNames());
    }

    @Test
    void transformAcceptsNumbersAsTextAndRejectsTextInANumericCovariate() {
        Encoding e = CovariateEncoder.fit(ages(5), TRAIN, List.of(new CovariateSpec("age", null, false)));
        Table text = new Table("new.csv", List.of(new Column.Text("age", new String[] {"7", null})));
        double[][] x = e.transform(text);
        assertArrayEquals(new double[] {7, 0}, x[0]);
        assertArrayEquals(new double[] {20, 1}, x[1]);
        Table bad = new Table("new.csv", List.of(new Column.Text("age", new String[] {"7", "old"})));
        CausalRxException ex = assertThrows(CausalRxException.class, () -> e.transform(bad));
        assertTrue(ex.getMessage().contains("new.csv") && ex.getMessage().contains("'age'")
                && ex.getMessage().contains("2 ('old')"), ex.getMessage());
        assertFalse(ex.getMessage().contains("\n"));
    }
    @Test
    void manyRowsEncodeRowByRowAcrossBlocks() {
        // 2,600 rows: the transform's blocks of 1,024 on several threads, a partial block last; every cell must be
        // what that row alone gives (median imputation, indicator, square, one-hot dummies)
        int n = 2_600;
        double[] age = new double[n];
        String[] g = new String[n];
        for (int i = 0; i < n; i++) {
            age[i] = i % 13 == 0 ? Double.NaN : (i * 37) % 101;
            g[i] = i % 17 == 0 ? null : new String[] {"a", "b", "c"}[(i * 7) % 3];
        }
        Table t = new Table("c.csv", List.of(new Column.Numeric("age", age), new Column.Text("g", g)));
        int[] train = java.util.stream.IntStream.range(0, n).filter(i -> i % 4 != 0).toArray();
        Encoding e = CovariateEncoder.fit(t, train, List.of(new CovariateSpec("age", false, true),
                new CovariateSpec("g", true, false)));
        double median = e.medians().get("age");
        List<String> names = e.featureNames();
        double[][] x = e.transform(t);
        assertEquals(n, x.length);
        for (int i = 0; i < n; i++) {
            boolean miss = Double.isNaN(age[i]);
            double v = miss ? median : age[i];
            assertEquals(names.size(), x[i].length, "row " + i);
            assertEquals(v, x[i][names.indexOf("age")], "row " + i);
            assertEquals(miss ? 1 : 0, x[i][names.indexOf("age_missing")], "row " + i);
            assertEquals(v * v, x[i][names.indexOf("age^2")], "row " + i);
            for (int k = 3; k < names.size(); k++) {
                String level = names.get(k).substring(names.get(k).indexOf('=') + 1);
                boolean is = g[i] == null ? level.equals(Encoding.MISSING_LEVEL) : level.equals(g[i]);
                assertEquals(is ? 1 : 0, x[i][k], "row " + i + ", " + names.get(k));
            }
        }
    }
}
