package org.causalrx.cohort;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.causalrx.study.CohortBlockLoader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cohort built on a real PostgreSQL server (from the same tables loaded with COPY) equals the one DuckDB builds
 * from the files: same columns and types, same rows in the same order, numbers within 1e-9.
 */
@Tag("slow")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresCohortTest {
    private static final Pattern FILE_TABLE = Pattern.compile("\\{path: (?:data/)?([a-z_]+)\\.csv(?:\\.gz)?");

    private PgTestServer server;

    @BeforeAll
    void start() {
        server = PgTestServer.start();
    }

    @AfterAll
    void stop() throws IOException {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void mimicDemoCohortFromPostgresEqualsTheOneFromFiles(@TempDir Path dir) throws Exception {
        Path example = Path.of("examples", "mimic-demo").toAbsolutePath();
        for (String t : List.of("admissions", "patients", "labevents", "emar")) {
            server.load("mimic", t, example.resolve("data").resolve(t + ".csv.gz"));
        }
        Path study = example.resolve("study.yaml");
        Path pgStudy = dir.resolve("study.yaml");
        Files.writeString(pgStudy, toDatabase(Files.readString(study), "mimic", 100));
        CohortExtractor.Built files = CohortExtractor.build(CohortBlockLoader.forStudy(study),
                dir.resolve("f.parquet"));
        CohortSpec spec = CohortBlockLoader.forStudy(pgStudy);
        assertEquals(SqlDialect.POSTGRES, CohortSql.dialect(spec));
        CohortExtractor.Built pg = CohortExtractor.build(spec, dir.resolve("pg.parquet"));
        assertTrue(files.staysKept() > 10, files.summary());
        assertEquals(files, pg);
        assertSameTable(dir.resolve("f.parquet"), dir.resolve("pg.parquet"), "hadm_id");
    }

    /** The hand-computed example (window edges, ties, case-insensitive drug names), fetched 2 rows at a time. */
    @Test
    void handComputedCohortFromPostgresEqualsTheOneFromFiles(@TempDir Path dir) throws Exception {
        CohortExtractorTest.example().write(dir);
        for (String t : List.of("stays", "patients", "labs", "drugs")) {
            server.load("hand", t, dir.resolve(t + ".csv"));
        }
        String cohort = EventTables.TABLES + "\n" + CohortExtractorTest.RULES;
        Path fileStudy = EventTables.study(dir, cohort);
        CohortExtractor.Built files = CohortExtractor.build(CohortBlockLoader.forStudy(fileStudy),
                dir.resolve("f.parquet"));
        Path pgDir = Files.createDirectory(dir.resolve("pg"));
        Path pgStudy = EventTables.study(pgDir, cohort);
        Files.writeString(pgStudy, toDatabase(Files.readString(pgStudy), "hand", 2));
        CohortExtractor.Built pg = CohortExtractor.build(CohortBlockLoader.forStudy(pgStudy),
                dir.resolve("pg.parquet"));
        assertEquals(3, pg.staysKept());
        assertEquals(files, pg);
        assertSameTable(dir.resolve("f.parquet"), dir.resolve("pg.parquet"), "hadm_id");
    }

    /** The study text with its file tables replaced by tables of {@code schema} in the test server's database. */
    private String toDatabase(String study, String schema, int fetchSize) {
        Matcher m = FILE_TABLE.matcher(study);
        String tables = m.replaceAll("{table: " + schema + ".$1");
        return tables.replaceFirst("(?m)^cohort:\\s*$", "cohort:\n  database: {url: \"" + server.url() + "\", user: "
                + server.user() + ", fetch_size: " + fetchSize + "}");
    }

    /** Same column names and types, same row count, rows in the same order, values equal (numbers within 1e-9). */
    static void assertSameTable(Path expected, Path actual, String key) throws SQLException {
        List<List<Object>> a = rows(expected, key);
        List<List<Object>> b = rows(actual, key);
        assertEquals(a.get(0), b.get(0), "column names");
        assertEquals(a.get(1), b.get(1), "column types");
        assertEquals(a.size(), b.size(), "rows");
        for (int i = 2; i < a.size(); i++) {
            for (int j = 0; j < a.get(i).size(); j++) {
                Object x = a.get(i).get(j);
                Object y = b.get(i).get(j);
                String where = "row " + (i - 2) + ", column " + a.get(0).get(j);
                if (x instanceof Double dx && y instanceof Double dy) {
                    assertEquals(dx, dy, 1e-9, where);
                } else {
                    assertEquals(x, y, where);
                }
            }
        }
    }

    /** Header (names), types, then the rows of a Parquet file ordered by {@code key}. */
    private static List<List<Object>> rows(Path parquet, String key) throws SQLException {
        List<List<Object>> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT * FROM read_parquet(" + Sql.text(parquet.toString()) + ") ORDER BY "
                     + Sql.id(key))) {
            ResultSetMetaData md = rs.getMetaData();
            List<Object> names = new ArrayList<>();
            List<Object> types = new ArrayList<>();
            for (int j = 1; j <= md.getColumnCount(); j++) {
                names.add(md.getColumnLabel(j));
                types.add(md.getColumnTypeName(j));
            }
            out.add(names);
            out.add(types);
            while (rs.next()) {
                List<Object> row = new ArrayList<>();
                for (int j = 1; j <= md.getColumnCount(); j++) {
                    Object v = rs.getObject(j);
                    row.add(v instanceof Number n && !(v instanceof Long) && !(v instanceof Integer)
                            ? (Object) n.doubleValue() : v == null ? null : v instanceof Number ? v : v.toString());
                }
                out.add(row);
            }
        }
        return out;
    }
}
