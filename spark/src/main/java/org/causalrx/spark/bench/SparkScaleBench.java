package org.causalrx.spark.bench;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.exp;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.rand;
import static org.apache.spark.sql.functions.randn;
import static org.apache.spark.sql.functions.when;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.causalrx.pipeline.RunResult;
import org.causalrx.spark.PhaseLog;
import org.causalrx.spark.SparkLearners;
import org.causalrx.spark.SparkResults;
import org.causalrx.spark.SparkSessions;
import org.causalrx.spark.SparkStudyRun;
import org.causalrx.study.Study;
import org.causalrx.study.StudyLoader;

/**
 * Time and memory of the Spark engine on a synthetic study: N rows, P standard-normal covariates x0..x(P−1),
 * P(t = 1) = logistic(0.5 x0), y = x0 + t (0.5 + x1) + N(0, 1) (true ATE 0.5), written once as Parquet. Prints the
 * data generation time, the run's wall time, the ATE, and the JVM's peak heap and the process's peak resident memory.
 * Usage: {@code SparkScaleBench ROWS FEATURES ROUNDS MASTER [FOLDER]}.
 */
public final class SparkScaleBench {
    private SparkScaleBench() {
    }

    public static void main(String[] args) throws IOException {
        long rows = Long.parseLong(args[0]);
        int features = Integer.parseInt(args[1]);
        int rounds = Integer.parseInt(args[2]);
        String master = args[3];
        Path dir = args.length > 4 ? Path.of(args[4]) : Files.createTempDirectory("causalrx-spark-bench-");
        SparkSession spark = SparkSessions.start(master, "scale");
        try {
            Phases phases = new Phases();
            long t0 = System.nanoTime();
            Path data = dir.resolve("scale.parquet");
            Dataset<Row> d = spark.range(rows).withColumnRenamed("id", "row");
            for (int j = 0; j < features; j++) {
                d = d.withColumn("x" + j, randn(1000L + j));
            }
            Column p = lit(1.0).divide(lit(1.0).plus(exp(col("x0").multiply(-0.5))));
            d = d.withColumn("t", when(rand(7).lt(p), 1).otherwise(0));
            d = d.withColumn("y", col("x0").plus(col("t").multiply(lit(0.5).plus(col("x1")))).plus(randn(8)));
            d.drop("row").write().mode("overwrite").parquet(data.toString());
            double gen = (System.nanoTime() - t0) / 1e9;
            phases.ended("generate and write Parquet");
            StringBuilder yaml = new StringBuilder("name: scale\ndata: scale.parquet\n"
                    + "treatment: {column: t, arms: {\"0\": control, \"1\": treated}}\n"
                    + "outcome: {column: y, type: continuous, direction: higher}\nseed: 1\n"
                    + "bootstrap: {rounds: " + rounds + "}\nate: {folds: 5}\ncovariates:\n");
            for (int j = 0; j < features; j++) {
                yaml.append("  - {name: x").append(j).append(", role: confounder}\n");
            }
            Path studyFile = dir.resolve("scale.yaml");
            Files.writeString(studyFile, yaml.toString());
            Study study = StudyLoader.load(studyFile);
            long t1 = System.nanoTime();
            RunResult r = new SparkStudyRun(SparkLearners.standard()).run(spark, study, phases);
            Files.writeString(dir.resolve("results.json"), SparkResults.write(r, spark.version(), master));
            phases.ended("results.json written");
            double run = (System.nanoTime() - t1) / 1e9;
            System.out.printf(Locale.ROOT, "rows %d, features %d, rounds %d, master %s: data %.1f s, run %.1f s; "
                    + "ATE %.4f (SE %.4f, truth 0.5); test n %d; peak heap %.0f MB, peak RSS %s%n", rows, features,
                    rounds, master, gen, run, r.ate().estimate(), r.ate().se(), r.n().test(), phases.maxHeapMb(),
                    peakRss());
            r.policies().forEach(pr -> System.out.printf(Locale.ROOT, "  %-16s DR %.4f (bootstrap SD %.4f)%n",
                    pr.name(), pr.pointDr(), pr.valueDr().sd()));
            System.out.printf(Locale.ROOT, "  ATE 95%% CI %.4f to %.4f; treated share %.4f; overlap %s%n",
                    r.ate().ciLow(), r.ate().ciHigh(), r.policies().get(1).treatedShare(), r.overlap());
            System.out.print(phases.table());
        } finally {
            spark.stop();
        }
    }

    /**
     * Per phase: wall seconds, the process's CPU seconds (the driver and, in local mode, the executors), GC seconds,
     * and the peak heap during the phase (the sum of the heap pools' peaks, reset at each phase's end).
     */
    private static final class Phases implements PhaseLog {
        private final StringBuilder rows = new StringBuilder(String.format(Locale.ROOT, "  %-40s %9s %9s %7s %9s%n",
                "phase", "wall s", "CPU s", "GC s", "heap MB"));
        private long wall = System.nanoTime();
        private long cpu = cpuNanos();
        private long gc = gcMillis();
        private double maxHeap;

        @Override
        public void ended(String phase) {
            long w = System.nanoTime();
            long c = cpuNanos();
            long g = gcMillis();
            double heap = peakHeapMb();
            maxHeap = Math.max(maxHeap, heap);
            String row = String.format(Locale.ROOT, "  %-40s %9.1f %9.1f %7.1f %9.0f%n", phase, (w - wall) / 1e9,
                    (c - cpu) / 1e9, (g - gc) / 1e3, heap);
            rows.append(row);
            System.out.print("phase ended: " + row);
            System.out.flush();
            ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
            wall = w;
            cpu = c;
            gc = g;
        }

        double maxHeapMb() {
            return maxHeap;
        }

        String table() {
            return rows.toString();
        }

        private static long cpuNanos() {
            return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                    .getProcessCpuTime();
        }

        private static long gcMillis() {
            return ManagementFactory.getGarbageCollectorMXBeans().stream()
                    .mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
        }
    }

    private static double peakHeapMb() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum / 1e6;
    }

    private static String peakRss() throws IOException {
        return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmHWM"))
                .map(l -> l.substring(6).strip()).findFirst().orElse("n/a");
    }
}
