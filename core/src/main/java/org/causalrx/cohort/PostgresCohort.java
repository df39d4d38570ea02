package org.causalrx.cohort;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.UnaryOperator;

import org.causalrx.util.CausalRxException;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * Builds a cohort's wide table on PostgreSQL: the PostgreSQL-dialect query of {@link CohortSql} runs on the server
 * inside a read-only transaction (autocommit off, so the driver streams the result through a cursor,
 * {@link CohortSpec.Database#fetchSize()} rows per round trip) and its rows are appended into an in-memory DuckDB
 * table that is written to Parquet; memory holds one fetch of rows plus DuckDB's column buffers, never the events.
 * The password is read from the environment variable the study names and appears in no message.
 */
public final class PostgresCohort {
    private PostgresCohort() {
    }

    /**
     * Writes the wide table of {@code spec} (whose tables are in {@code spec.database()}) to the Parquet file
     * {@code out}.
     *
     * @param env the environment, e.g. {@code System::getenv} (for the password variable)
     * @return the stays listed, with an index event, and kept
     */
    static long[] build(CohortSpec spec, Path out, UnaryOperator<String> env) {
        try (Connection pg = connect(spec.database(), env)) {
            pg.setAutoCommit(false);
            pg.setReadOnly(true);
            checkColumns(pg, spec);
            long[] counts = new long[3];
            try (Statement st = pg.createStatement(); ResultSet rs = st.executeQuery(CohortSql.counts(spec))) {
                rs.next();
                for (int i = 0; i < 3; i++) {
                    counts[i] = rs.getLong(i + 1);
                }
            }
            CohortExtractor.requireKept(spec, counts);
            stream(pg, spec, out);
            pg.rollback();
            return counts;
        } catch (SQLException e) {
            throw new CausalRxException("cohort: PostgreSQL could not build the table (" + CohortExtractor.firstLine(e)
                    + "); check the time columns hold timestamps or dates and the value columns numbers", e);
        }
    }

    /** A connection to {@code db}, the password (if any) read from the environment variable it names. */
    static Connection connect(CohortSpec.Database db, UnaryOperator<String> env) {
        Properties p = new Properties();
        if (db.user() != null) {
            p.setProperty("user", db.user());
        }
        if (db.passwordEnv() != null) {
            String pw = env.apply(db.passwordEnv());
            if (pw == null) {
                throw new CausalRxException("cohort.database: the environment variable " + db.passwordEnv()
                        + " (password_env) is not set; export it with the database password before running");
            }
            p.setProperty("password", pw);
        }
        try {
            return DriverManager.getConnection(db.url(), p);
        } catch (SQLException e) {
            throw new CausalRxException("cohort.database: cannot connect to " + db.url()
                    + (db.user() == null ? "" : " as " + db.user()) + " (" + CohortExtractor.firstLine(e)
                    + "); check the URL, the user and the password variable", e);
        }
    }

    /** Every column the spec names exists in its database table. */
    private static void checkColumns(Connection pg, CohortSpec spec) throws SQLException {
        for (Map.Entry<String, List<String[]>> e : CohortExtractor.namedColumns(spec).entrySet()) {
            CohortSpec.SourceTable t = spec.tables().get(e.getKey());
            List<String> have = new ArrayList<>();
            try (Statement st = pg.createStatement();
                 ResultSet rs = st.executeQuery("SELECT * FROM " + Sql.relation(t.relation()) + " WHERE false")) {
                ResultSetMetaData md = rs.getMetaData();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    have.add(md.getColumnName(i));
                }
            } catch (SQLException ex) {
                pg.rollback();
                throw new CausalRxException(t.where() + ": cannot read cohort table '" + t.name() + "' ("
                        + CohortExtractor.firstLine(ex) + "); check the schema and table name and that the user may "
                        + "read it", ex);
            }
            CohortExtractor.requireColumns(t, e.getValue(), have);
        }
    }

    /** Streams the query's rows into a DuckDB table and writes it to {@code out} as Parquet. */
    private static void stream(Connection pg, CohortSpec spec, Path out) throws SQLException {
        try (Statement st = pg.createStatement()) {
            st.setFetchSize(spec.database().fetchSize());
            try (ResultSet rs = st.executeQuery(CohortSql.query(spec));
                 Connection duck = DriverManager.getConnection("jdbc:duckdb:");
                 Statement ds = duck.createStatement()) {
                ResultSetMetaData md = rs.getMetaData();
                int n = md.getColumnCount();
                int[] kinds = new int[n];
                List<String> cols = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    kinds[i] = md.getColumnType(i + 1);
                    cols.add(Sql.id(md.getColumnLabel(i + 1)) + " " + duckType(kinds[i], md.getColumnTypeName(i + 1)));
                }
                ds.execute("CREATE TABLE wide (" + String.join(", ", cols) + ")");
                try (DuckDBAppender app = duck.unwrap(DuckDBConnection.class).createAppender("main", "wide")) {
                    while (rs.next()) {
                        app.beginRow();
                        for (int i = 0; i < n; i++) {
                            append(app, rs, i + 1, kinds[i]);
                        }
                        app.endRow();
                    }
                }
                ds.execute("COPY wide TO " + Sql.text(out.toAbsolutePath().toString()) + " (FORMAT parquet)");
            }
        }
    }

    /** The DuckDB type for a JDBC column type of the query (text, numbers, 0/1 integers, timestamps). */
    private static String duckType(int jdbc, String pgName) {
        return switch (jdbc) {
            case Types.BIGINT -> "BIGINT";
            case Types.INTEGER, Types.SMALLINT -> "INTEGER";
            case Types.DOUBLE, Types.REAL, Types.FLOAT, Types.NUMERIC, Types.DECIMAL -> "DOUBLE";
            case Types.TIMESTAMP -> "TIMESTAMP";
            case Types.VARCHAR, Types.CHAR, Types.LONGVARCHAR -> "VARCHAR";
            default -> throw new CausalRxException("cohort: the PostgreSQL query returned a column of type " + pgName
                    + ", which the cohort table does not hold");
        };
    }

    private static void append(DuckDBAppender app, ResultSet rs, int col, int jdbc) throws SQLException {
        switch (jdbc) {
            case Types.BIGINT -> {
                long v = rs.getLong(col);
                if (rs.wasNull()) {
                    app.appendNull();
                } else {
                    app.append(v);
                }
            }
            case Types.INTEGER, Types.SMALLINT -> {
                int v = rs.getInt(col);
                if (rs.wasNull()) {
                    app.appendNull();
                } else {
                    app.append(v);
                }
            }
            case Types.TIMESTAMP -> {
                java.time.LocalDateTime v = rs.getObject(col, java.time.LocalDateTime.class);
                if (v == null) {
                    app.appendNull();
                } else {
                    app.append(v);
                }
            }
            case Types.VARCHAR, Types.CHAR, Types.LONGVARCHAR -> {
                String v = rs.getString(col);
                if (v == null) {
                    app.appendNull();
                } else {
                    app.append(v);
                }
            }
            default -> {
                double v = rs.getDouble(col);
                if (rs.wasNull()) {
                    app.appendNull();
                } else {
                    app.append(v);
                }
            }
        }
    }
}
