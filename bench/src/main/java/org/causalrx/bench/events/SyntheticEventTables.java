package org.causalrx.bench.events;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

import org.causalrx.cohort.DuckDbLimits;
import org.causalrx.cohort.Sql;
import org.causalrx.util.CausalRxException;
import org.causalrx.util.Seeds;

/**
 * Writes SYNTHETIC hospital event tables ({@link SyntheticEventDesign}) shaped like the MIMIC-IV demo's, as Parquet
 * files into a folder, generated inside DuckDB ({@link SyntheticEventSql}) and streamed straight to Parquet:
 * {@code synthetic_patients}, {@code synthetic_admissions}, {@code synthetic_labevents}, {@code synthetic_emar}
 * (MIMIC column names and types), {@code synthetic_truth} (per stay: decision point, propensity, treatment, true
 * effect), the study file {@code study.yaml} whose cohort block is the MIMIC example's, and {@code SYNTHETIC.md}.
 * Every Parquet file carries the key-value metadata {@code synthetic=true}, the generator, the design and the seed.
 * Java holds no event: memory is DuckDB's (capped by the {@link DuckDbLimits}).
 */
public final class SyntheticEventTables {
    public static final String PATIENTS = "synthetic_patients.parquet";
    public static final String ADMISSIONS = "synthetic_admissions.parquet";
    public static final String LABS = "synthetic_labevents.parquet";
    public static final String MEDICATIONS = "synthetic_emar.parquet";
    public static final String TRUTH = "synthetic_truth.parquet";
    public static final String STUDY = "study.yaml";
    public static final String README = "SYNTHETIC.md";

    private SyntheticEventTables() {
    }

    /**
     * What was written.
     *
     * @param study    the study file (its cohort block reads the tables beside it)
     * @param patients patient rows
     * @param stays    stay (admission) rows
     * @param labRows  lab rows
     * @param medRows  medication rows
     */
    public record Written(Path study, long patients, long stays, long labRows, long medRows) {
        /** Lab plus medication rows. */
        public long events() {
            return labRows + medRows;
        }
    }

    /** Writes the tables of {@code design} into the existing folder {@code dir} (its files of these names replaced). */
    public static Written write(SyntheticEventDesign design, Path dir, DuckDbLimits limits) {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
            limits.apply(st);
            for (String m : SyntheticEventSql.macros(Seeds.derive(design.seed(), "synthetic-events"))) {
                st.execute(m);
            }
            st.execute(SyntheticEventSql.stays(design));
            String meta = metadata(design);
            long patients = copy(st, SyntheticEventSql.patients(), dir.resolve(PATIENTS), meta);
            long stays = copy(st, SyntheticEventSql.admissions(), dir.resolve(ADMISSIONS), meta);
            long labs = copy(st, SyntheticEventSql.labs(design), dir.resolve(LABS), meta);
            long meds = copy(st, SyntheticEventSql.medications(), dir.resolve(MEDICATIONS), meta);
            copy(st, SyntheticEventSql.truth(), dir.resolve(TRUTH), meta);
            Path study = dir.resolve(STUDY);
            Files.writeString(study, resource(STUDY), StandardCharsets.UTF_8);
            Files.writeString(dir.resolve(README), readme(design), StandardCharsets.UTF_8);
            return new Written(study, patients, stays, labs, meds);
        } catch (SQLException e) {
            throw new CausalRxException("events-gen: DuckDB could not generate the synthetic tables in " + dir + " ("
                    + e.getMessage().split("\n")[0] + ")", e);
        } catch (IOException e) {
            throw new CausalRxException(dir + ": cannot write the synthetic study files (" + e.getMessage() + ")", e);
        }
    }

    /** {@code COPY (query) TO file}; returns the rows written. */
    private static long copy(Statement st, String query, Path file, String meta) throws SQLException {
        String f = Sql.text(file.toAbsolutePath().toString());
        st.execute("COPY (" + query + ") TO " + f + " (FORMAT parquet, KV_METADATA " + meta + ")");
        try (ResultSet rs = st.executeQuery("SELECT sum(num_rows) FROM parquet_file_metadata(" + f + ")")) {
            return rs.next() ? rs.getLong(1) : -1;
        }
    }

    private static String metadata(SyntheticEventDesign d) {
        return String.format(Locale.ROOT, "{synthetic: 'true', generator: 'causalrx bench events-gen', stays: '%d', "
                + "events_per_stay: '%d', seed: '%d'}", d.stays(), d.eventsPerStay(), d.seed());
    }

    private static String readme(SyntheticEventDesign d) {
        return String.format(Locale.ROOT, """
                # SYNTHETIC event tables (not patients)

                Written by `causalrx bench events-gen --stays %d --events-per-stay %d --seed %d`: %d stays, %d
                events (labs and medications), MIMIC-IV-shaped columns. Every number is a hash of the seed, so the
                same seed gives the same tables. `study.yaml` holds the cohort rules of examples/mimic-demo.

                Known effect: a loop diuretic within 24 h of the creatinine rise changes the creatinine 48-72 h
                later (minus the value at the rise) by %.3f %+.4f (age - 55) mg/dL. Treatment is confounded by the
                rise, potassium and age. `synthetic_truth.parquet` holds, per stay, whether it has a decision point,
                the propensity, the treatment and the true effect.
                """, d.stays(), d.eventsPerStay(), d.seed(), d.stays(), d.events(), SyntheticEventDesign.TAU_AT_55,
                SyntheticEventDesign.TAU_PER_YEAR);
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = SyntheticEventTables.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("resource " + name + " is missing from the bench jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
