package org.causalrx.cohort;

import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;

/**
 * Resource settings of a DuckDB connection that builds a cohort: DuckDB's memory is native (outside the Java heap),
 * so a caller that must fit a memory budget caps it here; DuckDB spills to {@code tempDirectory} beyond the cap.
 *
 * @param memoryLimit   DuckDB's {@code memory_limit}, e.g. "2GB", or null for DuckDB's default (80 % of RAM)
 * @param threads       DuckDB's worker threads (&gt; 0), or 0 for DuckDB's default (the processor count)
 * @param tempDirectory where DuckDB spills, or null for its default
 */
public record DuckDbLimits(String memoryLimit, int threads, Path tempDirectory) {
    /** DuckDB's own defaults. */
    public static final DuckDbLimits DEFAULTS = new DuckDbLimits(null, 0, null);

    private static final Pattern SIZE = Pattern.compile("[0-9]+(\\.[0-9]+)?\\s*(B|KB|MB|GB|TB|KiB|MiB|GiB|TiB)");

    public DuckDbLimits {
        if (memoryLimit != null && !SIZE.matcher(memoryLimit).matches()) {
            throw new IllegalArgumentException("DuckDB memory limit must be a size such as 2GB, got " + memoryLimit);
        }
        if (threads < 0) {
            throw new IllegalArgumentException("DuckDB threads must be 0 (default) or positive, got " + threads);
        }
    }

    /** Sets the limits on the connection of {@code st}. */
    public void apply(Statement st) throws SQLException {
        if (memoryLimit != null) {
            st.execute("SET memory_limit = " + Sql.text(memoryLimit));
        }
        if (threads > 0) {
            st.execute("SET threads = " + threads);
        }
        if (tempDirectory != null) {
            st.execute("SET temp_directory = " + Sql.text(tempDirectory.toAbsolutePath().toString()));
        }
    }
}
