package org.causalrx.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What a command writes, and how an existing output of that kind is recognised as one CausalRx wrote (the only
 * kind {@code --overwrite} may replace): a folder by its {@link OutputDir#MARKER} file, the recommendations CSV and
 * the benchmark CSV by their header line, a benchmark JSON by its {@code written_by} field.
 */
public enum OutputKind {
    /** An output folder (run, simulate). */
    FOLDER,
    /** The recommendations CSV of {@code recommend}. */
    RECOMMENDATIONS_CSV,
    /** A CATE benchmark CSV of {@code bench ihdp|ihdp-sim|acic}, starting with {@link #BENCH_CSV_HEADER}. */
    BENCH_CSV,
    /** A benchmark JSON of {@code bench}. */
    BENCH_JSON,
    /** The wide cohort table of {@code cohort}: a Parquet file beside its data dictionary CSV. */
    COHORT_PARQUET;

    /** The {@code written_by} value of benchmark JSON files (followed by the benchmark's name). */
    public static final String BENCH_WRITER = "causalrx bench";
    /** The header line of a CATE benchmark CSV (one row per estimator and replication). */
    public static final String BENCH_CSV_HEADER =
            "estimator,rep,sqrt_pehe_in,sqrt_pehe_out,ate_err_in,ate_err_out,fit_seconds,nn_pehe_out";

    boolean isFolder() {
        return this == FOLDER;
    }

    /** Whether the existing {@code path} is an output of this kind that CausalRx wrote. */
    boolean writtenByUs(Path path) {
        try {
            return switch (this) {
                case FOLDER -> Files.isRegularFile(path.resolve(OutputDir.MARKER));
                case RECOMMENDATIONS_CSV -> RecommendCommand.HEADER.equals(firstLine(path))
                        || String.valueOf(firstLine(path)).startsWith(RecommendCommand.MULTI_ARM_HEADER);
                case BENCH_CSV -> BENCH_CSV_HEADER.equals(firstLine(path));
                case BENCH_JSON -> {
                    JsonNode n = new ObjectMapper().readTree(path.toFile());
                    yield n != null && n.path("written_by").asText("").startsWith(BENCH_WRITER);
                }
                case COHORT_PARQUET -> org.causalrx.cohort.CohortDictionary.CSV_HEADER.equals(
                        firstLine(CohortCommand.dictionaryOf(path)));
            };
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** How the user recognises this kind, for messages. */
    String signature() {
        return switch (this) {
            case FOLDER -> "the marker file " + OutputDir.MARKER;
            case RECOMMENDATIONS_CSV -> "the header line '" + RecommendCommand.HEADER + "'";
            case BENCH_CSV -> "the header line '" + BENCH_CSV_HEADER + "'";
            case BENCH_JSON -> "a \"written_by\": \"" + BENCH_WRITER + " ...\" field";
            case COHORT_PARQUET -> "a data dictionary beside it starting with '"
                    + org.causalrx.cohort.CohortDictionary.CSV_HEADER + "'";
        };
    }

    private static String firstLine(Path path) throws IOException {
        try (BufferedReader r = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            return r.readLine();
        }
    }
}
