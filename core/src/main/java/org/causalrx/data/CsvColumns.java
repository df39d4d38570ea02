package org.causalrx.data;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads a CSV, parsed by DuckDB as text in file order with the header as its first row, into typed columns while
 * fetching numeric columns as doubles rather than as text cell by cell. DuckDB decides per column, over all data
 * rows, whether every value is missing ({@link TableReader#isMissingText}) or a plain decimal number by the rule of
 * {@link TableReader#parseNumber} (tab, line breaks or spaces at either end, then {@code [+-]?(d+.?d*|.d+)} with an
 * optional exponent, finite as a double); such a column is cast to DOUBLE by DuckDB (correctly rounded, as
 * {@link Double#parseDouble}) and fetched as doubles, missing as NaN. Other columns are fetched as text and typed by
 * {@link TableReader#typed}, which applies the full rule. The CSV is scanned three times (header row,
 * column decisions, values), streaming, so memory holds the typed columns only.
 */
final class CsvColumns {
    /** Blanks DuckDB's cast to DOUBLE skips at either end (tab, line feed, vertical tab, form feed, CR, space). */
    private static final String BLANK = "[\\x09-\\x0d ]*";
    /** A cell that is missing or holds a plain decimal number, blanks around. */
    private static final String PLAIN = BLANK
            + "(?:[+-]?(?:[0-9]+\\.?[0-9]*|\\.[0-9]+)(?:[eE][+-]?[0-9]+)?|NA|NaN|nan|null)?" + BLANK;

    /**
     * The header row and the data rows of a CSV, column by column.
     */
    static final class Read {
        private final List<String> header;
        private final double[][] numbers;
        private final String[][] texts;
        private final int rows;

        private Read(List<String> header, double[][] numbers, String[][] texts) {
            this.header = header;
            this.numbers = numbers;
            this.texts = texts;
            this.rows = numbers.length == 0 ? 0 : numbers[0] != null ? numbers[0].length : texts[0].length;
        }

        /** The first row's cells as DuckDB parsed them (null for an empty cell); empty when the file has no rows. */
        List<String> header() {
            return header;
        }

        /** The number of data rows (the header row not counted). */
        int rows() {
            return rows;
        }

        /**
         * The data columns named {@code names} (one per column, in order). Once only: each fetched column is let go
         * as soon as its column is made (a column copies its values), so the file's data is not held twice.
         */
        List<Column> columns(List<String> names) {
            List<Column> out = new ArrayList<>(numbers.length);
            for (int j = 0; j < numbers.length; j++) {
                if (numbers[j] == null && texts[j] == null) {
                    throw new IllegalStateException("the columns of a CSV read are taken once");
                }
                out.add(numbers[j] != null ? new Column.Numeric(names.get(j), numbers[j])
                        : TableReader.typed(names.get(j), Arrays.asList(texts[j])));
                numbers[j] = null;
                texts[j] = null;
            }
            return out;
        }
    }

    private CsvColumns() {
    }

    /**
     * Reads the CSV that {@code source} (a DuckDB table expression with one {@code ?} for {@code file}, reading
     * every column as VARCHAR with the header as a data row) yields.
     *
     * @throws SQLException when DuckDB cannot read the file
     */
    static Read read(Connection c, String source, String file) throws SQLException {
        List<String> ids = new ArrayList<>();
        List<String> header = new ArrayList<>();
        try (PreparedStatement st = c.prepareStatement("SELECT * FROM " + source + " LIMIT 1")) {
            st.setString(1, file);
            try (ResultSet rs = st.executeQuery()) {
                ResultSetMetaData md = rs.getMetaData();
                for (int j = 1; j <= md.getColumnCount(); j++) {
                    ids.add('"' + md.getColumnName(j).replace("\"", "\"\"") + '"');
                }
                if (rs.next()) {
                    for (int j = 1; j <= ids.size(); j++) {
                        header.add(rs.getString(j));
                    }
                }
            }
        }
        int k = ids.size();
        StringBuilder counts = new StringBuilder("SELECT count(*)");
        for (String id : ids) {
            counts.append(", count(*) FILTER (WHERE NOT (").append(plain(id)).append("))");
        }
        long[] notNumber = new long[k];
        long rows;
        try (PreparedStatement st = c.prepareStatement(counts + " FROM " + source)) {
            st.setString(1, file);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                rows = rs.getLong(1);
                for (int j = 0; j < k; j++) {
                    notNumber[j] = rs.getLong(j + 2);
                }
            }
        }
        if (rows == 0) {
            return new Read(List.of(), new double[0][], new String[0][]);
        }
        boolean[] numeric = new boolean[k];
        boolean[] headerPlain = headerPlain(c, header);
        for (int j = 0; j < k; j++) {
            numeric[j] = notNumber[j] == (headerPlain[j] ? 0 : 1);
        }
        double[][] numbers = new double[k][];
        String[][] texts = new String[k][];
        values(c, source, file, ids, numeric, Math.toIntExact(rows - 1), numbers, texts);
        return new Read(header, numbers, texts);
    }

    /**
     * SQL true when the VARCHAR {@code x} is missing or a plain finite decimal number. Conservative: the blanks
     * around are those DuckDB's cast skips, a subset of what {@link String#trim} removes, so true implies the Java
     * rule holds, and a column with other blanks is left to {@link TableReader#typed}.
     */
    private static String plain(String x) {
        return x + " IS NULL OR (regexp_full_match(" + x + ", '" + PLAIN + "') AND NOT coalesce(isinf(" + number(x)
                + "), false))";
    }

    /** SQL: the number in the VARCHAR {@code x} as a DOUBLE; NULL or NaN when {@code x} is missing. */
    private static String number(String x) {
        return "TRY_CAST(" + x + " AS DOUBLE)";
    }

    /** Per header cell: missing or a plain number, by the same SQL rule as the data cells. */
    private static boolean[] headerPlain(Connection c, List<String> header) throws SQLException {
        StringBuilder tests = new StringBuilder("SELECT ");
        StringBuilder cells = new StringBuilder(" FROM (SELECT ");
        for (int j = 0; j < header.size(); j++) {
            tests.append(j > 0 ? ", " : "").append(plain("h" + j));
            cells.append(j > 0 ? ", " : "").append("CAST(? AS VARCHAR) AS h").append(j);
        }
        boolean[] out = new boolean[header.size()];
        try (PreparedStatement st = c.prepareStatement(tests + cells.toString() + ")")) {
            for (int j = 0; j < header.size(); j++) {
                st.setString(j + 1, header.get(j));
            }
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                for (int j = 0; j < out.length; j++) {
                    out[j] = rs.getBoolean(j + 1);
                }
            }
        }
        return out;
    }

    /**
     * Fills {@code num[j]} (numeric columns, NaN for missing) or {@code text[j]} (the others, as DuckDB parsed them)
     * with the {@code n} data rows, the header row skipped.
     */
    private static void values(Connection c, String source, String file, List<String> ids, boolean[] numeric, int n,
                               double[][] num, String[][] text) throws SQLException {
        int k = ids.size();
        StringBuilder sql = new StringBuilder("SELECT ");
        for (int j = 0; j < k; j++) {
            sql.append(j > 0 ? ", " : "").append(numeric[j] ? number(ids.get(j)) : ids.get(j));
        }
        for (int j = 0; j < k; j++) {
            if (numeric[j]) {
                num[j] = new double[n];
            } else {
                text[j] = new String[n];
            }
        }
        try (PreparedStatement st = c.prepareStatement(sql + " FROM " + source)) {
            st.setString(1, file);
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException("the file changed while it was read (its header row is gone)");
                }
                int i = 0;
                while (rs.next()) {
                    if (i == n) {
                        throw new SQLException("the file changed while it was read (more than " + n + " rows)");
                    }
                    for (int j = 0; j < k; j++) {
                        if (numeric[j]) {
                            double v = rs.getDouble(j + 1);
                            num[j][i] = rs.wasNull() ? Double.NaN : v;   // NaN too: "NaN" is missing
                        } else {
                            text[j][i] = rs.getString(j + 1);
                        }
                    }
                    i++;
                }
                if (i != n) {
                    throw new SQLException("the file changed while it was read (" + i + " rows, not " + n + ")");
                }
            }
        }
    }
}
