package org.causalrx.spark;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.isnan;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.causalrx.pipeline.RunResult;
import org.causalrx.study.Study;
import org.causalrx.util.CausalRxException;

/**
 * The kept covariates of a study as numeric Spark columns ({@code _f0, _f1, ...}), encoded as the local engine
 * encodes them (see {@link SparkCohort}); medians are over the whole cohort (approximate, relative error
 * {@link SparkCohort#MEDIAN_ERROR}), levels are the sorted distinct values (a missing value is the level "NA").
 *
 * @param columns   internal column names, in feature order
 * @param names     feature names (as in results.json's {@code features})
 * @param decisions what happened to each declared covariate
 * @param selection {@code _id}, {@code _t}, {@code _y} and the feature expressions aliased to {@code columns}
 */
record CovariateColumns(List<String> columns, List<String> names, List<RunResult.CovariateDecision> decisions,
                        Column[] selection) {

    static CovariateColumns encode(Study study, Dataset<Row> d) {
        List<Study.Covariate> kept = study.covariates().stream().filter(c -> c.role().kept()).toList();
        if (kept.isEmpty()) {
            throw new CausalRxException(study.file() + ": the spark engine needs declared covariates (confounders "
                    + "or effect modifiers) under 'covariates:'");
        }
        List<Column> exprs = new ArrayList<>(List.of(col("_id"), col("_t"), col("_y")));
        List<String> names = new ArrayList<>();
        List<RunResult.CovariateDecision> decisions = new ArrayList<>();
        Row missing = d.agg(missingCounts(kept, d)[0], tail(missingCounts(kept, d))).first();
        Map<String, Double> medians = medians(kept, d);
        for (int k = 0; k < kept.size(); k++) {
            Study.Covariate c = kept.get(k);
            int nMissing = (int) missing.getLong(k);
            List<String> own = new ArrayList<>();
            if (categorical(c, d)) {
                Column text = coalesce(col(c.name()).cast("string"), lit("NA"));
                List<String> levels = d.select(text.as("v")).distinct().orderBy("v").collectAsList().stream()
                        .map(r -> r.getString(0)).toList();
                for (String level : levels.subList(1, levels.size())) {
                    own.add(c.name() + "=" + level);
                    exprs.add(when(text.equalTo(level), 1.0).otherwise(0.0).as("_f" + (names.size() + own.size() - 1)));
                }
            } else {
                Column v = col(c.name()).cast("double");
                Column absent = v.isNull().or(isnan(v));
                double median = medians.get(c.name());
                Column filled = when(absent, median).otherwise(v);
                own.add(c.name());
                exprs.add(filled.as("_f" + (names.size() + own.size() - 1)));
                if (nMissing > 0) {
                    own.add(c.name() + "_missing");
                    exprs.add(when(absent, 1.0).otherwise(0.0).as("_f" + (names.size() + own.size() - 1)));
                }
                if (c.squared()) {
                    own.add(c.name() + "^2");
                    exprs.add(filled.multiply(filled).as("_f" + (names.size() + own.size() - 1)));
                }
            }
            names.addAll(own);
            decisions.add(new RunResult.CovariateDecision(c.name(), c.role().key(), true, reason(c),
                    categorical(c, d) ? "categorical" : "numeric", nMissing, List.copyOf(own)));
        }
        for (Study.Covariate c : study.covariates()) {
            if (!c.role().kept()) {
                decisions.add(new RunResult.CovariateDecision(c.name(), c.role().key(), false, reason(c),
                        categorical(c, d) ? "categorical" : "numeric", 0, List.of()));
            }
        }
        List<String> columns = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            columns.add("_f" + i);
        }
        return new CovariateColumns(columns, List.copyOf(names), List.copyOf(decisions), exprs.toArray(Column[]::new));
    }

    /**
     * The approximate median of every numeric kept covariate, in one pass over {@code d} (Spark's multi-column
     * {@code approxQuantile} keeps one summary per column, so each median equals a single-column call's).
     */
    private static Map<String, Double> medians(List<Study.Covariate> kept, Dataset<Row> d) {
        String[] numeric = kept.stream().filter(c -> !categorical(c, d)).map(Study.Covariate::name).distinct()
                .toArray(String[]::new);
        Map<String, Double> out = new HashMap<>();
        if (numeric.length == 0) {
            return out;
        }
        double[][] q = d.stat().approxQuantile(numeric, new double[] {0.5}, SparkCohort.MEDIAN_ERROR);
        for (int k = 0; k < numeric.length; k++) {
            out.put(numeric[k], q[k][0]);
        }
        return out;
    }

    private static boolean categorical(Study.Covariate c, Dataset<Row> d) {
        return c.type() == Study.ValueType.CATEGORICAL || c.type() == null && SparkCohort.isText(d, c.name());
    }

    private static String reason(Study.Covariate c) {
        return c.reason() != null && !c.reason().isBlank() ? c.reason() : c.role().reason();
    }

    /** Per kept covariate: the number of rows where it is null (or NaN for a number). */
    private static Column[] missingCounts(List<Study.Covariate> kept, Dataset<Row> d) {
        Column[] out = new Column[kept.size()];
        for (int k = 0; k < out.length; k++) {
            Column v = col(kept.get(k).name());
            Column absent = SparkCohort.isText(d, kept.get(k).name()) ? v.isNull()
                    : v.isNull().or(isnan(v.cast("double")));
            out[k] = count(when(absent, 1));
        }
        return out;
    }

    private static Column[] tail(Column[] c) {
        return java.util.Arrays.copyOfRange(c, 1, c.length);
    }
}
