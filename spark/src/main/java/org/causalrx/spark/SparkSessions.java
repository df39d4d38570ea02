package org.causalrx.spark;

import org.apache.spark.sql.SparkSession;

/** Spark sessions for a study run: the given master, no web UI, few shuffle partitions, quiet logs. */
public final class SparkSessions {
    private SparkSessions() {
    }

    /**
     * A session on {@code master} ("local[2]", "spark://host:7077", "yarn", ...), named after the study.
     * The caller stops it.
     */
    public static SparkSession start(String master, String name) {
        SparkSession s = SparkSession.builder().master(master).appName("causalrx " + name)
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "8")
                .config("spark.sql.adaptive.enabled", "false")
                .getOrCreate();
        s.sparkContext().setLogLevel("WARN");
        return s;
    }
}
