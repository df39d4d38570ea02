package org.causalrx.cohort;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.causalrx.util.CausalRxException;

/**
 * Builds a cohort's wide table with DuckDB: the query of {@link CohortSql} runs inside DuckDB over the source files
 * and is written straight to a Parquet file ({@code COPY ... TO}), so no event passes through Java; Java reads back
 * only counts (stays, missing values per column). When the cohort names a database, the query runs on PostgreSQL
 * instead and its rows stream into the same Parquet file ({@link PostgresCohort}). Before the query, every column
 * the study names is looked up in its table, so a misspelt column is one line naming the table, the key and the
 * columns the table has.
 */
public final class CohortExtractor {
    private CohortExtractor() {
    }

    /**
     * The counts of a built cohort and its dictionary.
     *
     * @param staysListed    distinct stays in the stays table
     * @param staysWithIndex stays with an index event (a decision time)
     * @param staysKept      rows of the wide table (stays passing the include / exclude conditions)
     * @param patientsKept   distinct patients among the kept stays
     * @param dictionary     one entry per wide-table column, with missing counts
     */
    public record Built(long staysListed, long staysWithIndex, long staysKept, long patientsKept,
                        List<DictionaryEntry> dictionary) {
        public Built {
            dictionary = List.copyOf(dictionary);
        }

        /** The counts in one line, e.g. "275 stays, 60 with a decision point, 58 kept (41 patients)". */
        public String summary() {
            return staysListed + " stays, " + staysWithIndex + " with a decision point, " + staysKept + " kept ("
                    + patientsKept + " patients)";
        }
    }

    /**
     * Writes the wide table of {@code spec} to the Parquet file {@code out} (replaced if present).
     *
     * @throws CausalRxException when a declared column is missing from its file, a file cannot be read, or no stay
     *                           is kept
     */
    public static Built build(CohortSpec spec, Path out) {
        return build(spec, out, DuckDbLimits.DEFAULTS);
    }

    /**
     * As {@link #build(CohortSpec, Path)}, with DuckDB's memory, threads and spill folder set by {@code limits}
     * (files only: a database cohort runs on the server).
     */
    public static Built build(CohortSpec spec, Path out, DuckDbLimits limits) {
        long[] counts = spec.database() == null ? fromFiles(spec, out, limits)
                : PostgresCohort.build(spec, out, System::getenv);
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
            List<DictionaryEntry> dict = CohortDictionary.entries(spec);
            StringBuilder q = new StringBuilder("SELECT count(DISTINCT " + Sql.id(spec.staysTable().patient()) + ")");
            for (DictionaryEntry e : dict) {
                q.append(", count(*) - count(").append(Sql.id(e.variable())).append(")");
            }
            q.append(" FROM read_parquet(").append(Sql.text(out.toAbsolutePath().toString())).append(")");
            List<DictionaryEntry> withMissing = new ArrayList<>();
            long patients;
            try (ResultSet rs = st.executeQuery(q.toString())) {
                rs.next();
                patients = rs.getLong(1);
                for (int i = 0; i < dict.size(); i++) {
                    withMissing.add(dict.get(i).withMissing(rs.getLong(i + 2)));
                }
            }
            return new Built(counts[0], counts[1], counts[2], patients, withMissing);
        } catch (SQLException e) {
            throw new CausalRxException("cohort: DuckDB could not read back the table it wrote to " + out + " ("
                    + firstLine(e) + ")", e);
        }
    }

    /**
     * Builds the table from files inside DuckDB; returns the stays listed, with an index event, kept. The kept count
     * is read from the written file (counting the query's rows separately would compute every feature twice); an
     * empty table is removed before the error.
     */
    private static long[] fromFiles(CohortSpec spec, Path out, DuckDbLimits limits) {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
            limits.apply(st);
            checkColumns(st, spec);
            long[] counts = new long[3];
            try (ResultSet rs = st.executeQuery(CohortSql.indexCounts(spec))) {
                rs.next();
                counts[0] = rs.getLong(1);
                counts[1] = rs.getLong(2);
            }
            String file = Sql.text(out.toAbsolutePath().toString());
            st.execute("COPY (" + CohortSql.query(spec) + ") TO " + file + " (FORMAT parquet)");
            try (ResultSet rs = st.executeQuery("SELECT count(*) FROM read_parquet(" + file + ")")) {
                rs.next();
                counts[2] = rs.getLong(1);
            }
            if (counts[2] == 0) {
                java.nio.file.Files.deleteIfExists(out);
                requireKept(spec, counts);
            }
            return counts;
        } catch (java.io.IOException e) {
            throw new CausalRxException(out + ": cannot remove the empty cohort table (" + e.getMessage() + ")", e);
        } catch (SQLException e) {
            throw new CausalRxException("cohort: DuckDB could not build the table (" + firstLine(e) + "); check the "
                    + "time columns hold timestamps or dates and the value columns numbers", e);
        }
    }

    /** Fails when no stay is kept: {@code counts} are the stays listed, with an index event and kept. */
    static void requireKept(CohortSpec spec, long[] counts) {
        if (counts[2] == 0) {
            throw new CausalRxException("cohort: no stay is kept (" + counts[0] + " stays listed in '"
                    + spec.stays() + "', " + counts[1] + " with an index event, 0 after include / exclude); "
                    + "check cohort.index (items, rule) and the include / exclude conditions");
        }
    }

    /** Each table with the columns the spec names in it, as {column, key} pairs (key: where the study names it). */
    static Map<String, List<String[]>> namedColumns(CohortSpec spec) {
        Map<String, List<String[]>> wanted = new LinkedHashMap<>();   // table -> {column, key}
        for (CohortSpec.SourceTable t : spec.tables().values()) {
            List<String[]> w = wanted.computeIfAbsent(t.name(), k -> new ArrayList<>());
            String[][] keys = {{t.patient(), "patient"}, {t.stay(), "stay"}, {t.time(), "time"}, {t.item(), "item"},
                {t.value(), "value"}};
            for (String[] k : keys) {
                if (k[0] != null) {
                    w.add(new String[] {k[0], "tables." + t.name() + "." + k[1]});
                }
            }
        }
        for (int i = 0; i < spec.baseline().size(); i++) {
            CohortSpec.Baseline b = spec.baseline().get(i);
            wanted.get(b.table()).add(new String[] {b.column(), "baseline[" + (i + 1) + "].column"});
        }
        return wanted;
    }

    /** Fails naming the key when a wanted column is not among {@code have}, the columns of table {@code t}. */
    static void requireColumns(CohortSpec.SourceTable t, List<String[]> wanted, List<String> have) {
        for (String[] w : wanted) {
            if (!have.contains(w[0])) {
                throw new CausalRxException(t.where() + ": no column '" + w[0] + "' (cohort." + w[1] + "); the "
                        + "table has: " + String.join(", ", have.subList(0, Math.min(20, have.size())))
                        + (have.size() > 20 ? ", ..." : "") + "; fix cohort." + w[1]);
            }
        }
    }

    /** Every column the spec names exists in its table's file. */
    private static void checkColumns(Statement st, CohortSpec spec) throws SQLException {
        for (Map.Entry<String, List<String[]>> e : namedColumns(spec).entrySet()) {
            CohortSpec.SourceTable t = spec.tables().get(e.getKey());
            List<String> have = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("DESCRIBE SELECT * FROM " + Sql.source(t.path()))) {
                while (rs.next()) {
                    have.add(rs.getString(1));
                }
            } catch (SQLException ex) {
                throw new CausalRxException(t.path() + ": cannot read cohort table '" + t.name() + "' ("
                        + firstLine(ex) + "); give a CSV (with a header row), CSV.gz or Parquet file", ex);
            }
            requireColumns(t, e.getValue(), have);
        }
    }

    static String firstLine(SQLException e) {
        String m = e.getMessage() == null ? e.toString() : e.getMessage();
        return m.split("\n")[0];
    }
}
