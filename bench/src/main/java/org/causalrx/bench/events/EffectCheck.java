package org.causalrx.bench.events;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.causalrx.cohort.Sql;
import org.causalrx.util.CausalRxException;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Checks a cohort built from SYNTHETIC event tables against the generator's truth: joins the wide table to
 * {@code synthetic_truth.parquet} by stay inside DuckDB and, over the stays with an outcome, compares the treated
 * share with the mean true propensity, and the true average effect with the naive difference in means and an
 * adjusted estimate: least squares of the outcome on the treatment, treatment × (age − mean age), age, the first,
 * last and median creatinine and the mean potassium before the decision (the confounders as the features see them).
 * The normal equations are summed by DuckDB (one pass, no row in Java) and solved here.
 *
 * @param stays           stays with an outcome (rows used)
 * @param treatedShare    share of those stays with the treatment column 1
 * @param meanPropensity  mean true propensity of those stays
 * @param trueEffect      mean true effect of those stays, mg/dL
 * @param naiveEffect     difference of mean outcomes, treated minus untreated
 * @param adjustedEffect  the treatment coefficient of the adjusted regression (the average effect at the mean age)
 * @param adjustedSe      its standard error (homoskedastic)
 * @param decisionsAgree  stays of the cohort whose decision point the truth also has, over all cohort stays
 */
public record EffectCheck(long stays, double treatedShare, double meanPropensity, double trueEffect,
                          double naiveEffect, double adjustedEffect, double adjustedSe, double decisionsAgree) {

    /** Regressors of the adjusted estimate, in order (the intercept first, the treatment second). */
    public static final List<String> REGRESSORS = List.of("1.0", "t", "t * (age - :agebar)", "age", "creatinine_first",
            "creatinine_last", "creatinine_median", "potassium_mean");

    /** Whether the adjusted estimate is within {@code tolerance} mg/dL (or 4 standard errors) of the truth. */
    public boolean recovered(double tolerance) {
        return Math.abs(adjustedEffect - trueEffect) <= Math.max(tolerance, 4 * adjustedSe);
    }

    /** Compares the cohort {@code cohort} (Parquet) with the truth file {@code truth} of the same tables. */
    public static EffectCheck of(Path cohort, Path truth) {
        String rows = "SELECT CAST(c.age AS DOUBLE) AS age, CAST(c.loop_diuretic AS DOUBLE) AS t, c.creatinine_first,"
                + " c.creatinine_last, c.creatinine_median, c.potassium_mean, c.creatinine_change AS y,"
                + " r.propensity, r.true_effect"
                + " FROM read_parquet(" + Sql.text(cohort.toAbsolutePath().toString()) + ") c JOIN read_parquet("
                + Sql.text(truth.toAbsolutePath().toString()) + ") r ON CAST(r.hadm_id AS VARCHAR) = c.hadm_id"
                + " WHERE c.creatinine_change IS NOT NULL AND c.potassium_mean IS NOT NULL";
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
            double agree;
            try (ResultSet rs = st.executeQuery("SELECT avg(CASE WHEN r.has_decision THEN 1.0 ELSE 0.0 END) FROM "
                    + "read_parquet(" + Sql.text(cohort.toAbsolutePath().toString()) + ") c LEFT JOIN read_parquet("
                    + Sql.text(truth.toAbsolutePath().toString()) + ") r ON CAST(r.hadm_id AS VARCHAR) = c.hadm_id")) {
                rs.next();
                agree = rs.getDouble(1);
            }
            st.execute("CREATE TEMP TABLE a AS " + rows);
            double[] m;
            try (ResultSet rs = st.executeQuery("SELECT count(*), avg(t), avg(propensity), avg(true_effect), "
                    + "avg(y) FILTER (WHERE t = 1) - avg(y) FILTER (WHERE t = 0), avg(age) FROM a")) {
                rs.next();
                m = new double[6];
                for (int i = 0; i < 6; i++) {
                    m[i] = rs.getDouble(i + 1);
                }
            }
            double[] fit = leastSquares(st, REGRESSORS.stream()
                    .map(x -> x.replace(":agebar", Double.toString(m[5]))).toList());
            return new EffectCheck((long) m[0], m[1], m[2], m[3], m[4], fit[0], fit[1], agree);
        } catch (SQLException e) {
            throw new CausalRxException("events: cannot check the cohort " + cohort + " against " + truth + " ("
                    + e.getMessage().split("\n")[0] + ")", e);
        }
    }

    /** Least squares of y on {@code x} over table {@code a}; returns {coefficient, SE} of regressor 1. */
    private static double[] leastSquares(Statement st, List<String> x) throws SQLException {
        int p = x.size();
        List<String> sums = new ArrayList<>();
        for (int i = 0; i < p; i++) {
            for (int j = i; j < p; j++) {
                sums.add("sum((" + x.get(i) + ") * (" + x.get(j) + "))");
            }
            sums.add("sum((" + x.get(i) + ") * y)");
        }
        sums.add("sum(y * y)");
        sums.add("count(*)");
        double[][] xtx = new double[p][p];
        double[] xty = new double[p];
        double yy;
        long n;
        try (ResultSet rs = st.executeQuery("SELECT " + String.join(", ", sums) + " FROM a")) {
            rs.next();
            int k = 1;
            for (int i = 0; i < p; i++) {
                for (int j = i; j < p; j++) {
                    xtx[i][j] = rs.getDouble(k++);
                    xtx[j][i] = xtx[i][j];
                }
                xty[i] = rs.getDouble(k++);
            }
            yy = rs.getDouble(k++);
            n = rs.getLong(k);
        }
        double[][] inv = invert(xtx);
        double[] beta = new double[p];
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                beta[i] += inv[i][j] * xty[j];
            }
        }
        double rss = yy;
        for (int i = 0; i < p; i++) {
            rss -= beta[i] * xty[i];
        }
        double sigma2 = rss / (n - p);
        return new double[] {beta[1], Math.sqrt(sigma2 * inv[1][1])};
    }

    /** The inverse of a symmetric positive-definite matrix (EJML). */
    static double[][] invert(double[][] a) {
        DMatrixRMaj m = new DMatrixRMaj(a);
        if (!CommonOps_DDRM.invert(m)) {
            throw new CausalRxException("events: the adjusted regression is singular (too few stays?)");
        }
        double[][] inv = new double[a.length][a.length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a.length; j++) {
                inv[i][j] = m.get(i, j);
            }
        }
        return inv;
    }
}
