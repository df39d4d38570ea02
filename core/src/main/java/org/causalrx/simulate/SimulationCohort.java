package org.causalrx.simulate;

import java.util.List;

import org.causalrx.data.CovariateEncoder;
import org.causalrx.data.CovariateSpec;
import org.causalrx.data.Encoding;
import org.causalrx.data.Table;
import org.causalrx.study.Cohort;
import org.causalrx.study.CohortBuilder;
import org.causalrx.study.CovariatePlan;
import org.causalrx.study.Study;
import org.causalrx.util.Stats;

/**
 * What a simulation draws on: the analysis cohort's kept covariates, encoded as the pipeline encodes them
 * (fitted on every cohort row) and standardised to mean 0, SD 1 (constant columns become 0); the real
 * treatment; the real outcome (its mean and SD set the simulated outcome's scale).
 *
 * @param x          standardised covariates, one row per cohort patient
 * @param features   feature names of {@code x}'s columns
 * @param treatment  0/1 per cohort patient
 * @param outcome    real outcome per cohort patient
 * @param sourceRows 0-based data-table row of each cohort patient
 * @param tableRows  rows in the data table
 * @param sign       +1 when higher outcomes are better, −1 when lower are better
 */
public record SimulationCohort(double[][] x, List<String> features, int[] treatment, double[] outcome,
                               int[] sourceRows, int tableRows, int sign) {
    public SimulationCohort {
        x = x.clone();
        features = List.copyOf(features);
        treatment = treatment.clone();
        outcome = outcome.clone();
        sourceRows = sourceRows.clone();
    }

    /** Builds the cohort exactly as {@code StudyRun} does, then standardises the encoded covariates. */
    public static SimulationCohort of(Study study, Table table) {
        Cohort cohort = CohortBuilder.build(study, table);
        List<CovariateSpec> kept = cohort.plan().stream().filter(CovariatePlan::kept)
                .map(c -> new CovariateSpec(c.name(), c.type() == Study.ValueType.CATEGORICAL,
                        squared(study, c.name())))
                .toList();
        int n = cohort.size();
        int[] all = java.util.stream.IntStream.range(0, n).toArray();
        Encoding encoding = CovariateEncoder.fit(cohort.covariates(), all, kept);
        double[][] x = encoding.transform(cohort.covariates());
        return new SimulationCohort(standardise(x), encoding.featureNames(), cohort.treatment(), cohort.outcome(),
                cohort.sourceRows(), table.rowCount(), study.outcome().sign());
    }

    /** Number of cohort patients. */
    public int size() {
        return treatment.length;
    }

    /** Number of features. */
    public int dimension() {
        return x.length == 0 ? 0 : x[0].length;
    }

    /** Copy of patient i's standardised covariates. */
    public double[] row(int i) {
        return x[i].clone();
    }

    @Override
    public double[][] x() {
        double[][] c = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            c[i] = x[i].clone();
        }
        return c;
    }

    @Override
    public int[] treatment() {
        return treatment.clone();
    }

    @Override
    public double[] outcome() {
        return outcome.clone();
    }

    @Override
    public int[] sourceRows() {
        return sourceRows.clone();
    }

    /** Treatment per data-table row (0 for rows outside the cohort, whose outcome stays missing). */
    public int[] tableTreatment() {
        int[] t = new int[tableRows];
        for (int i = 0; i < sourceRows.length; i++) {
            t[sourceRows[i]] = treatment[i];
        }
        return t;
    }

    /** Spreads per-cohort-patient values over the data table's rows; rows outside the cohort get NaN. */
    public double[] toTableRows(double[] perPatient) {
        double[] out = new double[tableRows];
        java.util.Arrays.fill(out, Double.NaN);
        for (int i = 0; i < sourceRows.length; i++) {
            out[sourceRows[i]] = perPatient[i];
        }
        return out;
    }

    static double[][] standardise(double[][] x) {
        int n = x.length;
        int d = n == 0 ? 0 : x[0].length;
        double[][] z = new double[n][d];
        for (int j = 0; j < d; j++) {
            double[] col = new double[n];
            for (int i = 0; i < n; i++) {
                col[i] = x[i][j];
            }
            double m = Stats.mean(col);
            double s = Stats.sd(col);
            for (int i = 0; i < n; i++) {
                z[i][j] = s > 1e-12 ? (x[i][j] - m) / s : 0.0;
            }
        }
        return z;
    }

    private static boolean squared(Study study, String covariate) {
        return study.covariates().stream().anyMatch(c -> c.name().equals(covariate) && c.squared());
    }
}
