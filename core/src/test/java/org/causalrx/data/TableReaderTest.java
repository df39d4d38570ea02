package org.causalrx.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;

import org.causalrx.util.CausalRxException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TableReaderTest {
    static final Path NHEFS = Path.of("examples", "nhefs", "nhefs.csv");

    @Test
    void nhefsHasAllRowsAndColumnsInFileOrder() {
        Table t = TableReader.read(NHEFS);
        assertEquals("nhefs.csv", t.source());
        assertEquals(1629, t.rowCount());
        assertEquals(64, t.columnNames().size());
        assertEquals(List.of("seqn", "qsmk", "death", "yrdth"), t.columnNames().subList(0, 4));
        assertEquals("tax71_82", t.columnNames().get(63));
        for (String c : List.of("qsmk", "wt82_71", "age", "sex", "race", "education", "smokeintensity", "smokeyrs",
                "exercise", "active", "wt71", "price82")) {
            assertInstanceOf(Column.Numeric.class, t.column(c), c);
        }
        Column.Numeric seqn = (Column.Numeric) t.column("seqn");
        assertEquals(233, seqn.get(0));
        assertEquals(2.60496995, ((Column.Numeric) t.column("wt82_71")).get(1));   // exact, not rounded
        assertEquals(174.1875, ((Column.Numeric) t.column("ht")).get(0));
    }

    @Test
    void aLateTextValueMakesTheColumnText(@TempDir Path dir) throws Exception {
        StringBuilder sb = new StringBuilder("id,code,x\n");
        for (int i = 1; i <= 5000; i++) {
            sb.append(i).append(',').append(i == 4999 ? "A7" : Integer.toString(i % 7)).append(',').append(i * 0.5)
                    .append('\n');
        }
        Path f = dir.resolve("late.csv");
        Files.writeString(f, sb.toString());
        Table t = TableReader.read(f);
        assertEquals(5000, t.rowCount());
        Column.Text code = assertInstanceOf(Column.Text.class, t.column("code"));
        assertEquals("A7", code.get(4998));
        assertEquals("1", code.get(0));
        assertInstanceOf(Column.Numeric.class, t.column("x"));
    }

    @Test
    void numbersAreExactAndJavaSuffixesAreNotNumbers(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("v.csv");
        Files.writeString(f, "a,b,c,d\n0.1,12f,1,x\n1e-3,1d,NA,y\n-7.25,3,,z\n123456789.123456789,0x1A,4,\n");
        Table t = TableReader.read(f);
        Column.Numeric a = assertInstanceOf(Column.Numeric.class, t.column("a"));
        assertEquals(Double.parseDouble("0.1"), a.get(0));
        assertEquals(Double.parseDouble("1e-3"), a.get(1));
        assertEquals(-7.25, a.get(2));
        assertEquals(Double.parseDouble("123456789.123456789"), a.get(3));
        assertInstanceOf(Column.Text.class, t.column("b"), "12f, 1d and 0x1A are codes, not numbers");
        Column.Numeric c = assertInstanceOf(Column.Numeric.class, t.column("c"));
        assertTrue(c.isMissing(1) && c.isMissing(2), "NA and empty are missing");
        assertEquals(4, c.get(3));
        Column.Text d = assertInstanceOf(Column.Text.class, t.column("d"));
        assertNull(d.get(3));
        assertNull(TableReader.parseNumber("Infinity"));
        assertNull(TableReader.parseNumber("1d"));
        assertEquals(0.5, TableReader.parseNumber(" .5 "));
    }

    @Test
    void quotedFieldsCrlfAndByteOrderMarkAreHandled(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("q.csv");
        Files.write(f, ("\uFEFFname,score\r\n\"Smith, J\",1.5\r\n\"say \"\"hi\"\"\",\r\nsolo,2\r\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Table t = TableReader.read(f);
        assertEquals(List.of("name", "score"), t.columnNames());
        assertEquals(3, t.rowCount());
        assertEquals("Smith, J", ((Column.Text) t.column("name")).get(0));
        assertEquals("say \"hi\"", ((Column.Text) t.column("name")).get(1));
        assertTrue(t.column("score").isMissing(1));
        Path one = Files.writeString(dir.resolve("one.csv"), "only\n1\n2\n");
        assertEquals(List.of("only"), TableReader.read(one).columnNames());
    }

    @Test
    void parquetReadsBackExactlyInColumnOrder(@TempDir Path dir) throws Exception {
        Path pq = dir.resolve("x.parquet");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            s.execute("COPY (SELECT * FROM (VALUES (3, 'b', 0.1::DOUBLE, 1.5::DECIMAL(6,2)), "
                    + "(1, NULL, 1.0/3, NULL), (2, 'a', NULL, 2.25::DECIMAL(6,2))) AS v(zeta, alpha, mid, dec)) TO '"
                    + pq + "' (FORMAT PARQUET)");
        }
        Table t = TableReader.read(pq);
        assertEquals("x.parquet", t.source());
        assertEquals(List.of("zeta", "alpha", "mid", "dec"), t.columnNames());
        assertEquals(3, t.rowCount());
        Column.Numeric zeta = assertInstanceOf(Column.Numeric.class, t.column("zeta"));
        assertEquals(3, zeta.get(0));
        assertEquals(1, zeta.get(1));
        Column.Text alpha = assertInstanceOf(Column.Text.class, t.column("alpha"));
        assertTrue(alpha.isMissing(1));
        assertEquals("a", alpha.get(2));
        Column.Numeric mid = assertInstanceOf(Column.Numeric.class, t.column("mid"));
        assertEquals(0.1, mid.get(0));
        assertEquals(1.0 / 3, mid.get(1));
        assertTrue(mid.isMissing(2));
        Column.Numeric dec = assertInstanceOf(Column.Numeric.class, t.column("dec"));
        assertEquals(2.25, dec.get(2));
        assertTrue(dec.isMissing(1));
    }

    @Test
    void badFilesGiveOneLineMessagesNamingTheFile(@TempDir Path dir) throws Exception {
        CausalRxException e = assertThrows(CausalRxException.class, () -> TableReader.read(dir.resolve("gone.csv")));
        assertTrue(e.getMessage().contains("gone.csv") && e.getMessage().contains("not found")
                && e.getMessage().contains("check"), e.getMessage());

        Path empty = Files.writeString(dir.resolve("empty.csv"), "");
        e = assertThrows(CausalRxException.class, () -> TableReader.read(empty));
        assertTrue(e.getMessage().contains("empty.csv") && e.getMessage().contains("empty"), e.getMessage());

        Path header = Files.writeString(dir.resolve("header.csv"), "a,b,c\n");
        e = assertThrows(CausalRxException.class, () -> TableReader.read(header));
        assertTrue(e.getMessage().contains("header.csv") && e.getMessage().contains("no data rows"), e.getMessage());

        Path ragged = Files.writeString(dir.resolve("ragged.csv"), "a,b\n1,2\n3,4,5,6\n7,8\n");
        e = assertThrows(CausalRxException.class, () -> TableReader.read(ragged));
        assertTrue(e.getMessage().contains("ragged.csv") && e.getMessage().contains("rows 2;")
                && e.getMessage().contains("has 4") && e.getMessage().contains("fix"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());

        Path twice = Files.writeString(dir.resolve("twice.csv"), "age,sex,age\n1,2,3\n");
        e = assertThrows(CausalRxException.class, () -> TableReader.read(twice));
        assertTrue(e.getMessage().contains("twice.csv") && e.getMessage().contains("'age' appears twice")
                && e.getMessage().contains("columns 1 and 3") && e.getMessage().contains("rename"), e.getMessage());

        Path blank = Files.writeString(dir.resolve("blank.csv"), "age,,sex\n1,2,3\n");
        e = assertThrows(CausalRxException.class, () -> TableReader.read(blank));
        assertTrue(e.getMessage().contains("blank.csv") && e.getMessage().contains("column 2 has no name"),
                e.getMessage());

        Path notParquet = Files.writeString(dir.resolve("fake.parquet"), "a,b\n1,2\n");
        e = assertThrows(CausalRxException.class, () -> TableReader.read(notParquet));
        assertTrue(e.getMessage().contains("fake.parquet") && e.getMessage().contains("Parquet"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
    }
}
