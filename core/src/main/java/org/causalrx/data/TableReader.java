package org.causalrx.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.causalrx.util.CausalRxException;

/**
 * Reads a CSV (with a header row) or Parquet file ({@code .parquet}, {@code .pq}) through an in-memory DuckDB
 * connection into a {@link Table}, columns in file order. CSV values are read as text (no type sniffing, so a
 * late non-numeric value is never missed), then a column is typed numeric when every non-missing value parses
 * as a plain decimal number ({@link #parseNumber}), else text; DuckDB makes that decision and casts numeric
 * columns to doubles, fetched in bulk ({@link CsvColumns}). Parquet numeric columns are read as doubles
 * directly; other Parquet columns are typed like CSV text. Empty cells, "NA", "NaN", "nan" and "null" are
 * missing. Problems (missing, empty, header-only or unreadable file) are {@link CausalRxException}s.
 */
public final class TableReader {
    private TableReader() {
    }

    /**
     * Reads {@code file} (CSV with a header row, or Parquet by extension) into a table named after the file.
     *
     * @throws CausalRxException when the file is missing, empty, has no data rows, has a repeated or blank
     *                           column name, has ragged rows, or cannot be read
     */
    public static Table read(Path file) {
        return read(file, "the 'data:' path in the study file (it is relative to the study file's folder)");
    }

    /**
     * As {@link #read(Path)}, for a file named by {@code givenBy} (e.g. "--input"), which the message for a missing
     * file or a folder points to.
     */
    public static Table read(Path file, String givenBy) {
        String name = file.getFileName().toString();
        if (Files.isDirectory(file)) {
            throw new CausalRxException(file + ": is a folder, not a data file; check " + givenBy + ": it must name "
                    + "a CSV or Parquet file inside the folder");
        }
        if (!Files.isRegularFile(file)) {
            throw new CausalRxException(file + ": data file not found; check " + givenBy);
        }
        try {
            if (Files.size(file) == 0) {
                throw new CausalRxException(file + ": the data file is empty; export the data with a header row and "
                        + "at least one data row");
            }
        } catch (java.io.IOException e) {
            throw new CausalRxException(file + ": cannot read the data file (" + e.getMessage() + ")", e);
        }
        String lower = name.toLowerCase(Locale.ROOT);
        boolean parquet = lower.endsWith(".parquet") || lower.endsWith(".pq");
        char delim = lower.endsWith(".tsv") || lower.endsWith(".tab") ? '\t' : ',';
        // CSV: the header is read as the first row (header = false) so that names come back exactly as written
        // (DuckDB would silently rename a repeated name); the dialect is fixed so that a ragged row is an error
        // rather than a silent fall-back to one column holding whole lines.
        if (!parquet) {
            Delimiters.checkHeader(file, delim);
        }
        String sql = parquet ? "SELECT * FROM read_parquet(?)" : null;
        String csv = "read_csv(?, header = false, all_varchar = true, sample_size = -1, delim = '"
                + (delim == '\t' ? "\t" : ",") + "', quote = '\"', escape = '\"', strict_mode = true)";
        List<String> names = new ArrayList<>();
        List<List<String>> cells = new ArrayList<>();
        CsvColumns.Read csvRead = null;
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:")) {
            if (parquet) {
                readParquet(c, sql, file, names, cells);
            } else {
                csvRead = CsvColumns.read(c, csv, file.toAbsolutePath().toString());
            }
        } catch (SQLException e) {
            if (!parquet) {
                String ragged = raggedRows(file, delim);
                if (ragged != null) {
                    throw new CausalRxException(file + ": cannot read as CSV: " + ragged + "; quote values that "
                            + "contain '" + (delim == '\t' ? "\\t" : ",") + "' (\"a, b\") or fix those rows", e);
                }
            }
            throw new CausalRxException(file + ": cannot read as " + (parquet ? "Parquet" : "CSV") + " ("
                    + duckdbReason(e) + "); check that it is a " + (parquet ? "Parquet file"
                    : (delim == '\t' ? "tab" : "comma") + "-separated file with a header row"), e);
        }
        if (!parquet) {
            names = checkedHeader(file, csvRead.header());
            if (names.isEmpty() || csvRead.rows() == 0) {
                throw noDataRows(file, names.isEmpty());
            }
            return new Table(name, csvRead.columns(names));
        }
        if (names.isEmpty() || cells.get(0).isEmpty()) {
            throw noDataRows(file, names.isEmpty());
        }
        List<Column> columns = new ArrayList<>();
        for (int j = 0; j < names.size(); j++) {
            columns.add(typed(names.get(j), cells.get(j)));
        }
        return new Table(name, columns);
    }

    /** Parquet: numeric columns fetched as doubles (kept as their exact decimal text), the others as text. */
    private static void readParquet(Connection c, String sql, Path file, List<String> names,
                                    List<List<String>> cells) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(sql)) {
            st.setString(1, file.toAbsolutePath().toString());
            try (ResultSet rs = st.executeQuery()) {
                ResultSetMetaData md = rs.getMetaData();
                int k = md.getColumnCount();
                boolean[] numericType = new boolean[k];
                for (int j = 1; j <= k; j++) {
                    names.add(md.getColumnName(j));
                    cells.add(new ArrayList<>());
                    numericType[j - 1] = isNumericType(md.getColumnTypeName(j));
                }
                while (rs.next()) {
                    for (int j = 1; j <= k; j++) {
                        if (numericType[j - 1]) {
                            double v = rs.getDouble(j);
                            cells.get(j - 1).add(rs.wasNull() || Double.isNaN(v) ? null : Double.toString(v));
                        } else {
                            cells.get(j - 1).add(rs.getString(j));
                        }
                    }
                }
            }
        }
    }

    private static CausalRxException noDataRows(Path file, boolean nothing) {
        return new CausalRxException(file + ": no data rows (only " + (nothing ? "nothing" : "a header")
                + " found); export the data with a header row and at least one data row");
    }

    /** The column names from the CSV's first row (trimmed); repeated or blank names are errors. */
    private static List<String> checkedHeader(Path file, List<String> firstRow) {
        List<String> names = new ArrayList<>(firstRow.size());
        java.util.Map<String, Integer> seen = new java.util.HashMap<>();
        for (int j = 0; j < firstRow.size(); j++) {
            String h = firstRow.get(j);
            h = h == null ? "" : h.trim();
            if (h.isEmpty()) {
                throw new CausalRxException(file + ": column " + (j + 1) + " has no name in the header row; "
                        + "give every column a name in the first line");
            }
            Integer before = seen.putIfAbsent(h, j);
            if (before != null) {
                throw new CausalRxException(file + ": column name '" + h + "' appears twice in the header row "
                        + "(columns " + (before + 1) + " and " + (j + 1) + "); rename one of them");
            }
            names.add(h);
        }
        return names;
    }

    /** The useful line of a DuckDB error (its first line is often a generic wrapper). */
    private static String duckdbReason(SQLException e) {
        String m = e.getMessage() == null ? "" : e.getMessage();
        String[] lines = m.split("\r?\n");
        for (String l : lines) {
            String t = l.trim();
            if (t.isEmpty() || t.contains("unsuccessful or closed pending query result")) {
                continue;
            }
            return t.startsWith("Error: ") ? t.substring(7) : t;
        }
        return lines.length > 0 ? lines[0].trim() : "";
    }

    /**
     * When data rows have a different number of fields than the header, says which (1-based data rows, the
     * header not counted), e.g. "rows 2, 7 have 4 fields but the header has 2"; null when all agree.
     */
    static String raggedRows(Path file, char delim) {
        String text;
        try {
            text = Files.readString(file, java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException | java.io.UncheckedIOException e) {
            return null;
        }
        List<Integer> bad = new ArrayList<>();
        int badFields = -1;
        int headerFields = -1;
        int record = 0;
        int fields = 1;
        boolean inQuotes = false;
        boolean blank = true;
        for (int i = 0; i <= text.length(); i++) {
            char ch = i < text.length() ? text.charAt(i) : '\n';
            if (inQuotes) {
                if (ch == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        i++;
                    } else {
                        inQuotes = false;
                    }
                }
                continue;
            }
            if (ch == '"') {
                inQuotes = true;
                blank = false;
            } else if (ch == delim) {
                fields++;
                blank = false;
            } else if (ch == '\n') {
                if (!blank) {
                    if (record == 0) {
                        headerFields = fields;
                    } else if (fields != headerFields) {
                        if (bad.isEmpty()) {
                            badFields = fields;
                        }
                        bad.add(record);
                    }
                    record++;
                }
                fields = 1;
                blank = true;
            } else if (ch != '\r' && !Character.isWhitespace(ch)) {
                blank = false;
            }
        }
        if (bad.isEmpty()) {
            return null;
        }
        StringBuilder rows = new StringBuilder();
        for (int k = 0; k < Math.min(5, bad.size()); k++) {
            rows.append(k > 0 ? ", " : "").append(bad.get(k));
        }
        if (bad.size() > 5) {
            rows.append(", …");
        }
        return bad.size() + (bad.size() == 1 ? " row has" : " rows have") + " a different number of fields than "
                + "the header's " + headerFields + " (rows " + rows + "; row " + bad.get(0) + " has " + badFields + ")";
    }

    /** DuckDB types read as doubles from Parquet (integers, floating point, decimals). */
    private static boolean isNumericType(String typeName) {
        String t = typeName == null ? "" : typeName.toUpperCase(Locale.ROOT);
        return t.equals("TINYINT") || t.equals("SMALLINT") || t.equals("INTEGER") || t.equals("BIGINT")
                || t.equals("UTINYINT") || t.equals("USMALLINT") || t.equals("UINTEGER") || t.equals("UBIGINT")
                || t.equals("FLOAT") || t.equals("DOUBLE") || t.startsWith("DECIMAL") || t.equals("HUGEINT");
    }

    static boolean isMissingText(String s) {
        if (s == null) {
            return true;
        }
        String t = s.trim();
        return t.isEmpty() || t.equals("NA") || t.equals("NaN") || t.equals("nan") || t.equals("null");
    }

    /** Plain decimal numbers only: no hex, no Java type suffixes ("1d", "2f"), no "Infinity". */
    private static final java.util.regex.Pattern NUMBER =
            java.util.regex.Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    /**
     * Parses a finite plain decimal number ("12", "-3.5", ".5", "1e-3"; surrounding blanks allowed), or returns
     * null when the text is not one. Codes such as "12f", "1d" or "0x1A" are text, not numbers.
     */
    public static Double parseNumber(String s) {
        if (s == null) {
            return null;
        }
        String t = s.trim();
        if (!NUMBER.matcher(t).matches()) {
            return null;
        }
        double d = Double.parseDouble(t);
        return Double.isFinite(d) ? d : null;
    }

    /**
     * A column of {@code values} (text cells, null for empty): numeric when every non-missing value is a plain
     * number ({@link #parseNumber}), missing as NaN; else text, trimmed, missing as null.
     */
    static Column typed(String name, List<String> values) {
        int n = values.size();
        double[] num = new double[n];
        boolean numeric = true;
        for (int i = 0; i < n && numeric; i++) {
            String s = values.get(i);
            if (isMissingText(s)) {
                num[i] = Double.NaN;
            } else {
                Double d = parseNumber(s);
                if (d == null) {
                    numeric = false;
                } else {
                    num[i] = d;
                }
            }
        }
        if (numeric) {
            return new Column.Numeric(name, num);
        }
        String[] txt = new String[n];
        for (int i = 0; i < n; i++) {
            String s = values.get(i);
            txt[i] = isMissingText(s) ? null : s.trim();
        }
        return new Column.Text(name, txt);
    }
}
