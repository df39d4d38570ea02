package org.causalrx.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.isnan;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.xxhash64;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.storage.StorageLevel;
import org.causalrx.pipeline.RunResult;
import org.causalrx.study.Study;
import org.causalrx.util.CausalRxException;

/**
 * A two-arm study's cohort as a Spark dataset: one row per patient with {@code _id} (long: the row's 0-based index
 * in the data file, or a hash of the study's id column), {@code _t} (0 control, 1 treated), {@code _y} (outcome)
 * and {@code features} (the kept covariates encoded as in the local engine: numeric values with missing ones set to
 * the column median and a 0/1 {@code name_missing} indicator, {@code name^2} when declared squared, and one 0/1
 * {@code name=level} column per categorical level but the first in sorted order). Persisted (memory and disk).
 *
 * @param data        the rows
 * @param features    feature names, the order of the {@code features} vector
 * @param covariates  what happened to each declared covariate
 * @param rowsRead    rows in the data file
 * @param rowsDropped rows left out (missing outcome with {@code outcome.missing: drop})
 * @param outcomeSd   sample SD of the outcome over the cohort
 */
public record SparkCohort(Dataset<Row> data, List<String> features, List<RunResult.CovariateDecision> covariates,
                          long rowsRead, long rowsDropped, double outcomeSd) {
    /** Relative error of the covariate medians ({@code approxQuantile}). */
    static final double MEDIAN_ERROR = 1e-4;

    /** Loads {@code study}'s data file (Parquet when it ends in .parquet, else CSV with a header) and encodes it. */
    public static SparkCohort load(SparkSession spark, Study study) {
        Dataset<Row> raw = read(spark, study);
        List<String> names = Arrays.asList(raw.columns());
        String tc = study.treatment().column();
        String oc = study.outcome().column();
        for (String c : required(study)) {
            if (!names.contains(c)) {
                throw new CausalRxException(study.data() + ": no column '" + c + "' (columns: " + names + ")");
            }
        }
        Dataset<Row> indexed = RowIndex.append(spark, raw, "_row");
        Column id = study.idColumn() == null ? col("_row") : xxhash64(col(study.idColumn()).cast("string"));
        Column t = when(col(tc).cast("string").equalTo(study.treatment().treatedCode()), 1)
                .when(col(tc).cast("string").equalTo(study.treatment().controlCode()), 0);
        Dataset<Row> d = indexed.withColumn("_id", id).withColumn("_t", t).withColumn("_y", col(oc).cast("double"))
                .persist(StorageLevel.MEMORY_AND_DISK());
        long rowsRead = d.count();
        rejectOtherArms(study, d);
        Column missingY = col("_y").isNull().or(isnan(col("_y")));
        long dropped = d.filter(missingY).count();
        if (dropped > 0 && study.outcome().missing() == Study.MissingOutcome.ERROR) {
            throw new CausalRxException(study.data() + ": column '" + oc + "' has " + dropped + " missing outcomes "
                    + "(rows " + rows(d.filter(missingY)) + "); drop them with `outcome.missing: drop`");
        }
        d = d.filter(missingY.unary_$bang());
        CovariateColumns cov = CovariateColumns.encode(study, d);
        Dataset<Row> encoded = new VectorAssembler().setInputCols(cov.columns().toArray(String[]::new))
                .setOutputCol("features").transform(d.select(cov.selection()))
                .select(col("_id"), col("_t"), col("_y"), col("features"));
        encoded = encoded.persist(StorageLevel.MEMORY_AND_DISK());
        Row sd = encoded.agg(org.apache.spark.sql.functions.stddev_samp("_y")).first();
        d.unpersist();
        return new SparkCohort(encoded, cov.names(), cov.decisions(), rowsRead, dropped,
                sd.isNullAt(0) ? Double.NaN : sd.getDouble(0));
    }

    /** Patients in the cohort. */
    public long size() {
        return data.count();
    }

    /** Releases the persisted rows. */
    public void release() {
        data.unpersist();
    }

    private static Dataset<Row> read(SparkSession spark, Study study) {
        String file = study.data().toString();
        String lower = file.toLowerCase(Locale.ROOT);
        String[] paths = dataFiles(study.data());
        if (lower.endsWith(".parquet")) {
            return spark.read().parquet(paths);
        }
        return spark.read().option("header", "true").option("inferSchema", "true")
                .option("sep", lower.endsWith(".tsv") ? "\t" : ",").csv(paths);
    }

    /**
     * The files to read for {@code data}: a local folder's data files (neither hidden nor starting with '_'), sorted
     * by name, so that rows are indexed in the same order on every copy of the folder (a folder given as such is
     * listed in directory order, which differs between copies); anything else (a file, a remote path) as given.
     */
    static String[] dataFiles(Path data) {
        if (!Files.isDirectory(data)) {
            return new String[] {data.toString()};
        }
        try (Stream<Path> files = Files.list(data)) {
            String[] sorted = files.filter(Files::isRegularFile).map(f -> f.getFileName().toString())
                    .filter(n -> !n.startsWith(".") && !n.startsWith("_")).sorted()
                    .map(n -> data.resolve(n).toString()).toArray(String[]::new);
            return sorted.length == 0 ? new String[] {data.toString()} : sorted;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> required(Study study) {
        List<String> out = new ArrayList<>(List.of(study.treatment().column(), study.outcome().column()));
        if (study.idColumn() != null) {
            out.add(study.idColumn());
        }
        study.covariates().forEach(c -> out.add(c.name()));
        return out;
    }

    private static void rejectOtherArms(Study study, Dataset<Row> d) {
        Dataset<Row> other = d.filter(col("_t").isNull());
        long n = other.count();
        if (n > 0) {
            throw new CausalRxException(study.data() + ": column '" + study.treatment().column() + "' has " + n
                    + " rows that are neither '" + study.treatment().controlCode() + "' nor '"
                    + study.treatment().treatedCode() + "' (rows " + rows(other) + "); the spark engine runs two-arm "
                    + "studies");
        }
    }

    /** The first few 1-based data rows of {@code d}, for messages. */
    private static String rows(Dataset<Row> d) {
        List<Row> first = d.orderBy("_row").select("_row").limit(5).collectAsList();
        StringBuilder sb = new StringBuilder();
        for (Row r : first) {
            sb.append(sb.length() == 0 ? "" : ", ").append(r.getLong(0) + 1);
        }
        return sb.append(first.size() == 5 ? ", ..." : "").toString();
    }

    /** Whether column {@code c} of {@code d} holds text. */
    static boolean isText(Dataset<Row> d, String c) {
        return d.schema().apply(c).dataType() instanceof StringType;
    }
}
