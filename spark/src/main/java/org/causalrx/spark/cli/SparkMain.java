package org.causalrx.spark.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.apache.spark.sql.SparkSession;
import org.causalrx.pipeline.RunResult;
import org.causalrx.spark.SparkLearners;
import org.causalrx.spark.SparkOutputDir;
import org.causalrx.spark.SparkResults;
import org.causalrx.spark.SparkSessions;
import org.causalrx.spark.SparkStudyRun;
import org.causalrx.study.Study;
import org.causalrx.study.StudyLoader;
import org.causalrx.util.CausalRxException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code causalrx run STUDY --engine spark [--master M] [--out DIR] [--rounds N]}: the study on Spark, results.json
 * into DIR. Exit 0 done, 2 bad input or usage (one {@code error:} line), 1 unexpected failure.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run a two-arm study on Apache Spark: cross-fitted AIPW ATE and held-out policy values.")
public final class SparkMain implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "STUDY", description = "the study YAML file")
    Path studyFile;

    @Option(names = "--engine", paramLabel = "ENGINE", required = true, description = "spark")
    String engine;

    @Option(names = "--master", paramLabel = "M", description = "Spark master (default: local[*])")
    String master = "local[*]";

    @Option(names = "--out", paramLabel = "DIR", description = "output folder (default: runs/<study name>)")
    Path out;

    @Option(names = "--rounds", paramLabel = "N", description = "bootstrap rounds (default: the study's)")
    Integer rounds;

    public static void main(String[] args) {
        System.exit(execute(new PrintWriter(System.err, true), args));
    }

    /** Runs the command line ({@code run STUDY ...}) and returns the exit code. */
    public static int execute(PrintWriter err, String... args) {
        if (args.length == 0 || !args[0].equals("run")) {
            err.println("error: the spark engine runs `causalrx run STUDY --engine spark [--master M] [--out DIR]`");
            return 2;
        }
        CommandLine cl = new CommandLine(new SparkMain());
        cl.setErr(err);
        cl.setExecutionExceptionHandler((ex, commandLine, parsed) -> {
            if (ex instanceof CausalRxException) {
                commandLine.getErr().println("error: " + ex.getMessage());
                return 2;
            }
            throw ex;
        });
        return cl.execute(Arrays.copyOfRange(args, 1, args.length));
    }

    @Override
    public Integer call() {
        if (!"spark".equals(engine)) {
            throw new CausalRxException("this is the spark engine's launcher; --engine must be spark, got '" + engine
                    + "'");
        }
        Study study = StudyLoader.load(studyFile);
        if (rounds != null) {
            if (rounds < 1) {
                throw new CausalRxException("--rounds must be at least 1, got " + rounds);
            }
            study = study.withSeedAndRounds(study.seed(), rounds);
        }
        Path target = out != null ? out : Path.of("runs", study.name());
        SparkOutputDir.check(target);
        long start = System.nanoTime();
        SparkSession spark = SparkSessions.start(master, study.name());
        try {
            RunResult r = new SparkStudyRun(SparkLearners.standard()).run(spark, study);
            SparkOutputDir.write(target, SparkResults.write(r, spark.version(), master));
            System.out.printf(Locale.ROOT, "ATE %.4f (95%% CI %.4f to %.4f), n = %d%n", r.ate().estimate(),
                    r.ate().ciLow(), r.ate().ciHigh(), r.ate().n());
            for (RunResult.PolicyResult p : r.policies()) {
                System.out.printf(Locale.ROOT, "%-24s DR %.4f  IPW %.4f%n", p.name(), p.pointDr(), p.pointIpw());
            }
            System.out.println(r.policyInsights().verdict().text());
        } finally {
            spark.stop();
        }
        System.out.printf(Locale.ROOT, "done in %.1f s: %s%n", (System.nanoTime() - start) / 1e9,
                target.resolve("results.json"));
        return 0;
    }
}
