package org.causalrx.cohort;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Quoting for generated SQL (DuckDB and PostgreSQL): every identifier and string that comes from a study file passes
 * through here.
 */
public final class Sql {
    private Sql() {
    }

    /** A quoted identifier: {@code "name"} with embedded quotes doubled. */
    public static String id(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    /** A database relation such as {@code schema.table}: each dot-separated part quoted as an identifier. */
    public static String relation(String name) {
        return java.util.Arrays.stream(name.split("\\.", -1)).map(Sql::id)
                .collect(java.util.stream.Collectors.joining("."));
    }

    /** A string literal: {@code 'text'} with embedded quotes doubled. */
    public static String text(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    /** A double literal (finite values only). */
    public static String number(double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException("not a finite number: " + v);
        }
        return "CAST(" + Double.toString(v) + " AS DOUBLE)";
    }

    /**
     * The table function reading {@code path}: Parquet by extension ({@code .parquet}, {@code .pq}), otherwise CSV
     * with a header row (gzip by extension), every CSV column read as text so that no value is mistyped by sniffing;
     * a folder reads all its Parquet files, or all its CSV files when it has no Parquet file.
     */
    public static String source(Path path) {
        String p = path.toAbsolutePath().toString();
        if (Files.isDirectory(path)) {
            boolean parquet;
            try (java.util.stream.Stream<Path> s = Files.walk(path)) {
                parquet = s.anyMatch(Sql::isParquet);
            } catch (java.io.IOException e) {
                throw new org.causalrx.util.CausalRxException(path + ": cannot list the folder (" + e.getMessage()
                        + ")", e);
            }
            return parquet ? "read_parquet(" + text(p + "/**/*.parquet") + ", union_by_name = true)"
                    : csv(p + "/**/*.csv*");
        }
        return isParquet(path) ? "read_parquet(" + text(p) + ")" : csv(p);
    }

    private static String csv(String p) {
        return "read_csv(" + text(p) + ", header = true, all_varchar = true, union_by_name = true)";
    }

    private static boolean isParquet(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".parquet") || n.endsWith(".pq");
    }
}
