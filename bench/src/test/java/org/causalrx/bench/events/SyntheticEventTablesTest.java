package org.causalrx.bench.events;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;

import org.causalrx.cohort.CohortExtractor;
import org.causalrx.cohort.CohortSpec;
import org.causalrx.cohort.DuckDbLimits;
import org.causalrx.cohort.Sql;
import org.causalrx.study.CohortBlockLoader;
import org.causalrx.study.StudyLoader;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SYNTHETIC event tables: the same seed gives byte-identical files (another seed other ones), every table has
 * the rows the design says, the shipped study builds a cohort on them whose treatment share matches the true
 * propensities and whose adjusted effect recovers the known one while the naive difference does not (the data are
 * confounded), and no feature reads an event after its stay's decision: deleting every event after each patient's
 * last decision leaves every feature of every stay unchanged (and changes treatments and outcomes).
 */
@Tag("slow")
class SyntheticEventTablesTest {
    private static final DuckDbLimits LIMITS = new DuckDbLimits("1GB", 2, null);
    private static final List<String> TABLES = List.of(SyntheticEventTables.PATIENTS,
            SyntheticEventTables.ADMISSIONS, SyntheticEventTables.LABS, SyntheticEventTables.MEDICATIONS,
            SyntheticEventTables.TRUTH);

    @Test
    void sameSeedSameBytesAndRowCountsAsDesigned(@TempDir Path tmp) throws Exception {
        SyntheticEventDesign d = new SyntheticEventDesign(500, 50, 7);
        SyntheticEventTables.Written a = SyntheticEventTables.write(d, Files.createDirectory(tmp.resolve("a")), LIMITS);
        SyntheticEventTables.write(d, Files.createDirectory(tmp.resolve("b")), new DuckDbLimits(null, 1, null));
        SyntheticEventTables.write(new SyntheticEventDesign(500, 50, 8), Files.createDirectory(tmp.resolve("c")),
                LIMITS);
        for (String t : TABLES) {
            byte[] bytes = Files.readAllBytes(tmp.resolve("a").resolve(t));
            assertArrayEquals(bytes, Files.readAllBytes(tmp.resolve("b").resolve(t)), t);
            assertFalse(java.util.Arrays.equals(bytes, Files.readAllBytes(tmp.resolve("c").resolve(t))), t);
        }
        assertEquals(500, a.stays());
        assertEquals(d.events(), a.events());
        assertEquals(500L * SyntheticEventDesign.MEDICATIONS_PER_STAY, a.medRows());
        assertTrue(a.patients() < 400 && a.patients() > 130, "1-4 stays per patient: " + a.patients());
        StudyLoader.load(a.study());
        assertEquals("true", one("SELECT value FROM parquet_kv_metadata(" + Sql.text(tmp.resolve("a")
                .resolve(SyntheticEventTables.LABS).toString()) + ") WHERE key = 'synthetic'"));
    }

    @Test
    void cohortRecoversTheKnownEffectAndIgnoresLaterEvents(@TempDir Path tmp) throws Exception {
        Path dir = Files.createDirectory(tmp.resolve("t"));
        SyntheticEventTables.Written w = SyntheticEventTables.write(new SyntheticEventDesign(4000, 50, 11), dir,
                LIMITS);
        CohortSpec spec = CohortBlockLoader.forStudy(w.study());
        Path cohort = dir.resolve("cohort.parquet");
        CohortExtractor.Built built = CohortExtractor.build(spec, cohort, LIMITS);
        double share = (double) built.staysWithIndex() / built.staysListed();
        assertEquals(SyntheticEventDesign.AKI_SHARE, share, 0.03, "stays with a decision point");
        EffectCheck c = EffectCheck.of(cohort, dir.resolve(SyntheticEventTables.TRUTH));
        assertEquals(1.0, c.decisionsAgree(), 1e-12, "every decision point found is one the generator made");
        assertEquals(c.meanPropensity(), c.treatedShare(), 0.03);
        assertTrue(c.recovered(0.05), "adjusted " + c.adjustedEffect() + " vs true " + c.trueEffect());
        assertTrue(Math.abs(c.naiveEffect() - c.trueEffect()) > 0.05, "confounded: naive " + c.naiveEffect()
                + " vs true " + c.trueEffect());

        // every lab and medication row after the patient's last decision removed
        Path cut = Files.createDirectory(tmp.resolve("cut"));
        for (String t : TABLES) {
            Files.copy(dir.resolve(t), cut.resolve(t));
        }
        Files.copy(w.study(), cut.resolve(SyntheticEventTables.STUDY));
        String last = "(SELECT CAST(subject_id AS BIGINT) AS sid, max(decision_time) AS tmax FROM read_parquet("
                + Sql.text(cohort.toString()) + ") GROUP BY 1)";
        for (String t : List.of(SyntheticEventTables.LABS, SyntheticEventTables.MEDICATIONS)) {
            one("COPY (SELECT e.* FROM read_parquet(" + Sql.text(dir.resolve(t).toString()) + ") e LEFT JOIN "
                    + last + " l ON l.sid = e.subject_id WHERE l.tmax IS NULL OR e.charttime <= l.tmax) TO "
                    + Sql.text(cut.resolve(t).toString()) + " (FORMAT parquet)");
        }
        Path cohort2 = cut.resolve("cohort.parquet");
        CohortExtractor.build(CohortBlockLoader.forStudy(cut.resolve(SyntheticEventTables.STUDY)), cohort2, LIMITS);
        String a = "read_parquet(" + Sql.text(cohort.toString()) + ")";
        String b = "read_parquet(" + Sql.text(cohort2.toString()) + ")";
        List<String> kept = new java.util.ArrayList<>(List.of("subject_id", "hadm_id", CohortSpec.DECISION_TIME));
        spec.covariateColumns().forEach(col -> kept.add(Sql.id(col)));
        String cols = String.join(", ", kept);
        assertEquals("0", one("SELECT count(*) FROM (SELECT " + cols + " FROM " + a + " EXCEPT ALL SELECT "
                + cols + " FROM " + b + ")"), "features changed by events after the decision");
        assertEquals(one("SELECT count(*) FROM " + a), one("SELECT count(*) FROM " + b));
        for (String col : List.of("loop_diuretic", "creatinine_change")) {
            assertTrue(Long.parseLong(one("SELECT count(*) FROM " + a + " x JOIN " + b + " y USING (hadm_id)"
                    + " WHERE x." + col + " IS DISTINCT FROM y." + col)) > 100, col + " reads later events");
        }
    }

    /** The first column of the first row of {@code sql}, as text ("" for a statement without rows). */
    private static String one(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
            if (!st.execute(sql)) {
                return "";
            }
            try (ResultSet rs = st.getResultSet()) {
                return rs.next() ? rs.getString(1) : "";
            }
        }
    }
}
