package org.causalrx.cohort;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.causalrx.study.CohortBlockLoader;
import org.causalrx.util.CausalRxException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The database entry of a cohort block: table names, no password in the study, the PostgreSQL dialect. */
class CohortDatabaseBlockTest {
    private static final String DB = "  database: {url: \"jdbc:postgresql://db.example:5432/mimic\", user: analyst,"
            + " password_env: CRX_TEST_PW}";

    private static String tables(String db) {
        return EventTables.TABLES.replace("{path: stays.csv", "{table: hosp.admissions")
                .replace("{path: patients.csv", "{table: hosp.patients").replace("{path: labs.csv", "{table: labs")
                .replace("{path: drugs.csv", "{table: \"my schema.drugs\"") + "\n" + db + "\n"
                + CohortExtractorTest.RULES;
    }

    @Test
    void databaseTablesAreReadIntoTheSpecAndQueriedInPostgresDialect(@TempDir Path dir) {
        CohortSpec spec = CohortBlockLoader.forStudy(EventTables.study(dir, tables(DB)));
        assertEquals("analyst", spec.database().user());
        assertEquals("CRX_TEST_PW", spec.database().passwordEnv());
        assertEquals(10_000, spec.database().fetchSize());
        assertEquals("hosp.admissions", spec.staysTable().relation());
        assertNull(spec.staysTable().path());
        String sql = CohortSql.query(spec);
        assertTrue(sql.contains("FROM \"hosp\".\"admissions\""), sql);
        assertTrue(sql.contains("FROM \"my schema\".\"drugs\""), sql);
        assertTrue(sql.contains("percentile_cont(0.5) WITHIN GROUP (ORDER BY e.v)"), sql);
        assertTrue(sql.contains("EXTRACT(EPOCH FROM"), sql);
        assertFalse(sql.contains("read_csv") || sql.contains("TRY_CAST") || sql.contains("quantile_cont")
                || sql.contains("arg_min"), sql);
    }

    @Test
    void aPasswordInTheStudyIsRefused(@TempDir Path dir) {
        String withKey = DB.replace("password_env: CRX_TEST_PW", "password: secret");
        CausalRxException e = assertThrows(CausalRxException.class,
                () -> CohortBlockLoader.forStudy(EventTables.study(dir, tables(withKey))));
        assertTrue(e.getMessage().contains("password_env"), e.getMessage());
        assertFalse(e.getMessage().contains("secret"), e.getMessage());
        String inUrl = DB.replace("/mimic\"", "/mimic?password=secret\"");
        e = assertThrows(CausalRxException.class,
                () -> CohortBlockLoader.forStudy(EventTables.study(dir, tables(inUrl))));
        assertTrue(e.getMessage().contains("holds a password"), e.getMessage());
    }

    @Test
    void fileAndDatabaseTablesDoNotMix(@TempDir Path dir) {
        String mixed = tables(DB).replace("{table: labs", "{path: labs.csv");
        CausalRxException e = assertThrows(CausalRxException.class,
                () -> CohortBlockLoader.forStudy(EventTables.study(dir, mixed)));
        assertTrue(e.getMessage().contains("give table: schema.name"), e.getMessage());
        String noDb = tables("");
        e = assertThrows(CausalRxException.class, () -> CohortBlockLoader.forStudy(EventTables.study(dir, noDb)));
        assertTrue(e.getMessage().contains("has no 'database' entry"), e.getMessage());
    }

    @Test
    void anUnsetPasswordVariableIsNamedBeforeConnecting() {
        CohortSpec.Database db = new CohortSpec.Database("jdbc:postgresql://db.example/mimic", "u", "CRX_TEST_PW", 10);
        CausalRxException e = assertThrows(CausalRxException.class, () -> PostgresCohort.connect(db, k -> null));
        assertTrue(e.getMessage().contains("CRX_TEST_PW") && e.getMessage().contains("not set"), e.getMessage());
    }

    @Test
    void relationsQuoteEachPart() {
        assertEquals("\"mimiciv_hosp\".\"labevents\"", Sql.relation("mimiciv_hosp.labevents"));
        assertEquals("\"a\"\"b\"", Sql.relation("a\"b"));
    }
}
