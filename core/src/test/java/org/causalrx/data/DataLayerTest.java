package org.causalrx.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.causalrx.util.CausalRxException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataLayerTest {
    static final Path NHEFS = Path.of("examples", "nhefs", "nhefs.csv");

    @Test
    void readsNhefsWithTypesAndMissingValues() {
        Table t = TableReader.read(NHEFS);
        assertEquals(1629, t.rowCount());
        assertEquals("seqn", t.columnNames().get(0));
        Column.Numeric y = assertInstanceOf(Column.Numeric.class, t.column("wt82_71"));
        int missing = 0;
        for (int i = 0; i < y.size(); i++) {
            missing += y.isMissing(i) ? 1 : 0;
        }
        assertEquals(63, missing);
        assertEquals(-10.09395976, y.get(0), 1e-9);
    }

    @Test
    void readsParquetLikeCsv(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("d.csv");
        Files.writeString(csv, "a,b,c\n1,x,2.5\n2,,3.5\n,z,\n");
        Path pq = dir.resolve("d.parquet");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            s.execute("COPY (SELECT * FROM read_csv('" + csv + "', header=true)) TO '" + pq + "' (FORMAT PARQUET)");
        }
        Table a = TableReader.read(csv);
        Table b = TableReader.read(pq);
        assertEquals(a.columnNames(), b.columnNames());
        assertEquals(3, b.rowCount());
        assertInstanceOf(Column.Text.class, b.column("b"));
        assertTrue(b.column("a").isMissing(2) && b.column("b").isMissing(1) && b.column("c").isMissing(2));
        assertEquals(3.5, ((Column.Numeric) b.column("c")).get(1));
    }

    @Test
    void emptyAndMissingFilesGiveMessagesForPeople(@TempDir Path dir) throws Exception {
        Path empty = dir.resolve("empty.csv");
        Files.writeString(empty, "");
        CausalRxException e = assertThrows(CausalRxException.class, () -> TableReader.read(empty));
        assertTrue(e.getMessage().contains("empty.csv") && e.getMessage().contains("empty"), e.getMessage());
        Path header = dir.resolve("header.csv");
        Files.writeString(header, "a,b\n");
        e = assertThrows(CausalRxException.class, () -> TableReader.read(header));
        assertTrue(e.getMessage().contains("no data rows"), e.getMessage());
        e = assertThrows(CausalRxException.class, () -> TableReader.read(dir.resolve("nope.csv")));
        assertTrue(e.getMessage().contains("nope.csv") && e.getMessage().contains("not found"), e.getMessage());
    }

    @Test
    void stratifiedSplitIsDisjointCoveringProportionalAndSeeded() {
        int n = 1000;
        int[] t = new int[n];
        for (int i = 0; i < n; i++) {
            t[i] = i % 4 == 0 ? 1 : 0;
        }
        SplitIndices s = Splits.stratified(t, 0.6, 0.2, 0.2, 7);
        Set<Integer> all = new HashSet<>();
        for (int[] part : List.of(s.train(), s.validation(), s.test())) {
            for (int i : part) {
                assertTrue(all.add(i), "disjoint");
            }
            int[] sorted = part.clone();
            Arrays.sort(sorted);
            assertArrayEquals(sorted, part, "sorted ascending");
            long treated = Arrays.stream(part).filter(i -> t[i] == 1).count();
            assertEquals(0.25, treated / (double) part.length, 0.01, "stratified by arm");
        }
        assertEquals(n, all.size());
        assertEquals(600, s.train().length);
        assertArrayEquals(s.test(), Splits.stratified(t, 0.6, 0.2, 0.2, 7).test());
        assertTrue(!Arrays.equals(s.test(), Splits.stratified(t, 0.6, 0.2, 0.2, 8).test()));
    }

    @Test
    void encoderUsesTrainingMediansIndicatorsSquaresAndAReferenceLevel() {
        double[] age = {10, 20, 30, Double.NaN, 1000};
        String[] grp = {"b", "a", "b", null, "c"};
        Table t = new Table("t.csv", List.of(new Column.Numeric("age", age), new Column.Text("grp", grp)));
        int[] train = {0, 1, 2, 3};       // row 4 (the outlier 1000) is not a training row
        Encoding enc = CovariateEncoder.fit(t, train, List.of(new CovariateSpec("age", null, true),
                new CovariateSpec("grp", null, false)));
        assertEquals(20.0, enc.medians().get("age"), "median of training rows only");
        assertEquals(List.of("age", "age_missing", "age^2", "grp=a", "grp=c", "grp=missing"), enc.featureNames());
        assertEquals("b", enc.referenceLevels().get("grp"), "most frequent training level is the reference");
        double[][] x = enc.transform(t);
        assertArrayEquals(new double[] {20, 1, 400, 0, 0, 1}, x[3]);
        assertArrayEquals(new double[] {1000, 0, 1e6, 0, 1, 0}, x[4]);
        assertArrayEquals(new double[] {10, 0, 100, 0, 0, 0}, x[0]);
        // an unseen level encodes as the reference
        Table unseen = new Table("n.csv", List.of(new Column.Numeric("age", new double[] {5}),
                new Column.Text("grp", new String[] {"zzz"})));
        assertArrayEquals(new double[] {5, 0, 25, 0, 0, 0}, enc.transform(unseen)[0]);
    }

    @Test
    void numericCodesDeclaredCategoricalSortNumerically() {
        Table t = new Table("t.csv", List.of(new Column.Numeric("edu", new double[] {10, 2, 2, 1, 2})));
        Encoding enc = CovariateEncoder.fit(t, new int[] {0, 1, 2, 3, 4},
                List.of(new CovariateSpec("edu", true, false)));
        assertEquals(List.of("edu=1", "edu=10"), enc.featureNames());
    }
}
