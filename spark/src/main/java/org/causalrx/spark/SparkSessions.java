package org.causalrx.spark;

import org.apache.spark.sql.SparkSession;

/**
 * Spark sessions for a study run: the given master, no web UI, quiet logs, and shuffle partitions that grow with the
 * cluster: {@value #MIN_SHUFFLE_PARTITIONS}, or twice the default parallelism (total executor cores) when that is
 * more. The engine's results do not depend on the shuffle partition count (its shuffles sort or group; its sums run
 * over the rows' own partitions).
 */
public final class SparkSessions {
    /** Shuffle partitions at least (local[2]: 8). */
    static final int MIN_SHUFFLE_PARTITIONS = 8;

    private SparkSessions() {
    }

    /**
     * A session on {@code master} ("local[2]", "spark://host:7077", "yarn", ...), named after the study.
     * The caller stops it.
     */
    public static SparkSession start(String master, String name) {
        SparkSession s = SparkSession.builder().master(master).appName("causalrx " + name)
                .config("spark.ui.enabled", "false")
                .config("spark.sql.adaptive.enabled", "false")
                .getOrCreate();
        s.conf().set("spark.sql.shuffle.partitions", Math.max(MIN_SHUFFLE_PARTITIONS,
                2 * s.sparkContext().defaultParallelism()));
        s.sparkContext().setLogLevel("WARN");
        return s;
    }
}
