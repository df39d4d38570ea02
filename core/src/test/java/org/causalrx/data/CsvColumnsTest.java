package org.causalrx.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bulk CSV path ({@link CsvColumns} through {@link TableReader#read}) against the text path it replaces: every
 * cell fetched from DuckDB as text and typed in Java ({@link TableReader#typed}); same names, kinds and values bit
 * for bit.
 */
class CsvColumnsTest {

    @Test
    void trickyCellsGiveTheSameTableAsTheTextPath(@TempDir Path dir) throws Exception {
        String[] header = {"int_codes", "late_text", "missing", "quoted", "big", "sci", "neg_zero", "padded",
            "ctrl_padded", "overflow", "forms", "suffix", "all_missing", "2020", " spaced name ", "quoted_text"};
        String[][] rows = {
            {"1", "3", "NA", "\"1.5\"", "12345678901234567890123", "1e-3", "-0", " 7 ", "\u00015", "1", "+5", "1",
                "", "1", "0.1", "\"a, b\""},
            {"2", "4", "", "\"-2\"", "-9007199254740993", "1E+05", "-0.0", "\t8", "6\u0002", "2", ".5", "2",
                "NA", "2", "0.2", "\"say \"\"hi\"\"\""},
            {"3", "5", "NaN", "\" 3 \"", "18446744073709551616", "-2.5e-300", "0", "9\t", "7", "1e400", "5.", "1d",
                "null", "3", "0.3", "plain"},
            {"1", "A7", "nan", "4", "0.1000000000000000055511151231257827021181583404541015625", "4.9e-324",
                "+0", "\" 10\"", "8", "3", "00012", "4", "NaN", "4", "0.4", ""},
            {"2", "6", "null", "", "1.7976931348623157e308", "2.4703282292062328e-324", "-0e5", "11 ", "9", "4",
                "1e-400", "5", " NA ", "5", "0.5", "NA"},
        };
        Path f = dir.resolve("tricky.csv");
        StringBuilder sb = new StringBuilder(String.join(",", header)).append('\n');
        for (String[] r : rows) {
            sb.append(String.join(",", r)).append('\n');
        }
        Files.writeString(f, sb.toString(), StandardCharsets.UTF_8);
        Table t = assertSameAsTextPath(f, ',');
        assertInstanceOf(Column.Numeric.class, t.column("int_codes"));
        assertInstanceOf(Column.Text.class, t.column("late_text"));
        assertInstanceOf(Column.Numeric.class, t.column("ctrl_padded"), "Java's trim removes U+0001, U+0002");
        assertInstanceOf(Column.Text.class, t.column("overflow"), "1e400 is not a finite number");
        assertInstanceOf(Column.Text.class, t.column("suffix"));
        assertEquals(-0.0, ((Column.Numeric) t.column("neg_zero")).get(0));
        assertTrue(Double.doubleToRawLongBits(((Column.Numeric) t.column("neg_zero")).get(0)) < 0, "-0 stays -0.0");
    }

    @Test
    void randomDecimalTextsParseToTheSameDoubles(@TempDir Path dir) throws Exception {
        SplittableRandom rng = new SplittableRandom(20_261_219L);
        StringBuilder sb = new StringBuilder("id,a,b,c\n");
        for (int i = 0; i < 3000; i++) {
            sb.append(i).append(',').append(randomNumber(rng)).append(',').append(randomNumber(rng)).append(',')
                    .append(rng.nextInt(20) == 0 ? "NA" : randomNumber(rng)).append('\n');
        }
        Path f = dir.resolve("random.csv");
        Files.writeString(f, sb.toString(), StandardCharsets.UTF_8);
        Table t = assertSameAsTextPath(f, ',');
        for (String c : List.of("a", "b", "c")) {
            assertInstanceOf(Column.Numeric.class, t.column(c), c);
        }
    }

    @Test
    void tabSeparatedWithQuotesAndCrlfGivesTheSameTable(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("x.tsv");
        Files.writeString(f, "id\tscore\tname\r\n1\t 2.5\t\"x\ty\"\r\n2\t\tz\r\n3\t-1e2\tNA\r\n",
                StandardCharsets.UTF_8);
        Table t = assertSameAsTextPath(f, '\t');
        assertInstanceOf(Column.Numeric.class, t.column("score"));
        assertEquals("x\ty", ((Column.Text) t.column("name")).get(0));
    }

    /** A finite decimal text: digits, maybe a point, a sign, an exponent (down to underflow); many digits at times. */
    private static String randomNumber(SplittableRandom rng) {
        StringBuilder s = new StringBuilder();
        if (rng.nextInt(4) == 0) {
            s.append(rng.nextBoolean() ? '-' : '+');
        }
        int digits = rng.nextInt(4) == 0 ? 15 + rng.nextInt(15) : 1 + rng.nextInt(8);
        int point = rng.nextInt(digits + 2);
        for (int d = 0; d < digits; d++) {
            if (d == point) {
                s.append('.');
            }
            s.append((char) ('0' + rng.nextInt(10)));
        }
        if (rng.nextInt(3) == 0) {
            boolean negative = rng.nextBoolean();
            s.append(rng.nextBoolean() ? 'e' : 'E').append(negative ? "-" : "")
                    .append(rng.nextInt(negative ? 345 : 250));
        }
        return s.toString();
    }

    /** Reads {@code f} both ways and asserts the tables are equal bit for bit; returns the bulk path's table. */
    private static Table assertSameAsTextPath(Path f, char delim) throws SQLException {
        Table bulk = TableReader.read(f);
        Table text = textPath(f, delim);
        assertEquals(text.columnNames(), bulk.columnNames());
        assertEquals(text.rowCount(), bulk.rowCount());
        for (int j = 0; j < text.columns().size(); j++) {
            Column a = text.columns().get(j);
            Column b = bulk.columns().get(j);
            assertEquals(a.getClass(), b.getClass(), a.name());
            for (int i = 0; i < a.size(); i++) {
                if (a instanceof Column.Numeric na) {
                    assertEquals(Double.doubleToLongBits(na.get(i)),
                            Double.doubleToLongBits(((Column.Numeric) b).get(i)), a.name() + " row " + i);
                } else {
                    assertTrue(Objects.equals(((Column.Text) a).get(i), ((Column.Text) b).get(i)),
                            a.name() + " row " + i);
                }
            }
        }
        return bulk;
    }

    /** Every cell fetched from DuckDB as text, the first row the header, then {@link TableReader#typed}. */
    private static Table textPath(Path f, char delim) throws SQLException {
        String sql = "SELECT * FROM read_csv(?, header = false, all_varchar = true, sample_size = -1, delim = '"
                + delim + "', quote = '\"', escape = '\"', strict_mode = true)";
        List<List<String>> cells = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
             PreparedStatement st = c.prepareStatement(sql)) {
            st.setString(1, f.toAbsolutePath().toString());
            try (ResultSet rs = st.executeQuery()) {
                int k = rs.getMetaData().getColumnCount();
                for (int j = 0; j < k; j++) {
                    cells.add(new ArrayList<>());
                }
                while (rs.next()) {
                    for (int j = 0; j < k; j++) {
                        cells.get(j).add(rs.getString(j + 1));
                    }
                }
            }
        }
        List<Column> columns = new ArrayList<>();
        for (List<String> col : cells) {
            columns.add(TableReader.typed(col.get(0).trim(), col.subList(1, col.size())));
        }
        return new Table(f.getFileName().toString(), columns);
    }
}
