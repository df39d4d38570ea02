package org.causalrx.spark;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.StructType;
import org.causalrx.causal.OverlapSet;
import org.causalrx.data.TableReader;
import org.causalrx.pipeline.Learners;
import org.causalrx.pipeline.Progress;
import org.causalrx.pipeline.ResultsJson;
import org.causalrx.pipeline.RunResult;
import org.causalrx.pipeline.StudyRun;
import org.causalrx.result.Baseline;
import org.causalrx.result.PolicyId;
import org.causalrx.result.SelectionScheme;
import org.causalrx.study.Study;
import org.causalrx.study.StudyLoader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same two-arm study on the local engine and on Spark local[2] agrees. Data: a ~ N(0,1) confounder, b ~ N(0,1)
 * effect modifier, P(t = 1) = logistic(0.7 a), y = a + t (0.5 + 1.5 b) + N(0,1): true ATE 0.5; treating everyone
 * is worth 0.5, no one 0, the optimal rule (treat when 0.5 + 1.5 b &gt; 0) 0.5 Φ(1/3) + 1.5 φ(1/3) ≈ 0.881. The
 * one-pass bootstrap gives the same values (to rounding) however the test rows are partitioned.
 */
@Tag("slow")
class SparkLocalAgreementTest {
    private static final int N = 4000;
    private static final double OPTIMAL = 0.5 * 0.63056 + 1.5 * 0.37738;

    @TempDir
    static Path dir;
    static SparkSession spark;
    static Study study;
    static RunResult local;
    static RunResult onSpark;
    static String json;

    @BeforeAll
    static void runBoth() throws Exception {
        SplittableRandom rnd = new SplittableRandom(7);
        StringBuilder csv = new StringBuilder("t,a,b,y\n");
        for (int i = 0; i < N; i++) {
            double a = rnd.nextGaussian();
            double b = rnd.nextGaussian();
            int t = rnd.nextDouble() < 1 / (1 + Math.exp(-0.7 * a)) ? 1 : 0;
            double y = a + t * (0.5 + 1.5 * b) + rnd.nextGaussian();
            csv.append(String.format(Locale.ROOT, "%d,%.5f,%.5f,%.5f%n", t, a, b, y));
        }
        Files.writeString(dir.resolve("d.csv"), csv.toString());
        Path s = dir.resolve("s.yaml");
        Files.writeString(s, "name: agree\ndata: d.csv\ntreatment: {column: t, arms: {\"0\": control, \"1\": drug}}\n"
                + "covariates:\n  - {name: a, role: confounder}\n  - {name: b, role: effect_modifier}\nseed: 11\n"
                + "estimators: [t_ridge]\nbootstrap: {rounds: 200}\nate: {folds: 2}\nrefutation: false\n"
                + "deferral: {enabled: false}\n"
                + "outcome: {column: y, type: continuous, direction: higher}\n");
        study = StudyLoader.load(s);
        long t0 = System.nanoTime();
        local = new StudyRun(Learners.standard(), false).run(study, TableReader.read(study.data()), Progress.NONE)
                .result();
        long t1 = System.nanoTime();
        spark = SparkSessions.start("local[2]", "agree");
        onSpark = new SparkStudyRun(SparkLearners.standard()).run(spark, study);
        System.out.printf(Locale.ROOT, "local engine %.1f s, spark engine (with session start) %.1f s%n",
                (t1 - t0) / 1e9, (System.nanoTime() - t1) / 1e9);
        json = SparkResults.write(onSpark, spark.version(), "local[2]");
        System.out.printf(Locale.ROOT, "ATE spark %.4f (SE %.4f), local %.4f (SE %.4f)%n", onSpark.ate().estimate(),
                onSpark.ate().se(), local.ate().estimate(), local.ate().se());
        System.out.println("overlap spark " + onSpark.overlap() + ", local " + local.overlap());
        System.out.println("headline spark " + onSpark.policyInsights().verdict().headline() + ", local "
                + local.policyInsights().verdict().headline());
        for (RunResult r : new RunResult[] {onSpark, local}) {
            r.policies().forEach(p -> System.out.printf(Locale.ROOT, "  %s DR %.4f IPW %.4f (SD %.4f)%n", p.name(),
                    p.pointDr(), p.pointIpw(), p.valueDr().sd()));
        }
    }

    @AfterAll
    static void stop() {
        if (spark != null) {
            spark.stop();
        }
    }

    @Test
    void ateAgreesWithTheLocalEngineAndTheTruth() {
        RunResult.AteResult s = onSpark.ate();
        RunResult.AteResult l = local.ate();
        assertEquals(N, s.n());
        // two efficient AIPW estimators on the same patients differ by much less than their SE (their difference is
        // nuisance and fold noise, o(SE)); one SE is the tolerance, a wrong sign or weight is off by far more
        assertEquals(l.estimate(), s.estimate(), Math.max(s.se(), l.se()), "spark " + s + " vs local " + l);
        assertEquals(s.se(), l.se(), 0.25 * l.se(), "influence-function SEs of the same estimator");
        assertTrue(Math.abs(s.estimate() - 0.5) < 3 * s.se(), "true ATE 0.5 within 3 SE: " + s);
    }

    @Test
    void doctorsIsTheObservedMeanOfTheSparkTestSplit() {
        Row m = RowIds.testMean(spark, study);
        RunResult.PolicyResult doctors = policy(onSpark, Baseline.DOCTORS.id());
        assertEquals(m.getDouble(0), doctors.pointDr(), 1e-12);
        assertEquals(m.getDouble(0), doctors.pointIpw(), 1e-12);
        assertEquals(onSpark.n().test(), m.getLong(1));
    }

    @Test
    void policyValuesAgreeWithTheLocalEngineAndTheTruth() {
        assertClose(PolicyId.of(SparkLearners.T_LEARNER), PolicyId.of("t_ridge"), OPTIMAL);
        assertClose(Baseline.treatAllId("1"), Baseline.treatAllId("1"), 0.5);
        assertClose(Baseline.treatAllId("0"), Baseline.treatAllId("0"), 0.0);
        RunResult.PolicyResult learned = policy(onSpark, PolicyId.of(SparkLearners.T_LEARNER));
        RunResult.PolicyResult all = policy(onSpark, Baseline.treatAllId("1"));
        assertTrue(learned.pointDr() > all.pointDr() + 0.15, "personalising beats treating all: " + learned + all);
    }

    @Test
    void sameSeedGivesIdenticalResultsJsonAndTheContractKeys() throws Exception {
        long t0 = System.nanoTime();
        String again = SparkResults.write(new SparkStudyRun(SparkLearners.standard()).run(spark, study),
                spark.version(), "local[2]");
        System.out.printf(Locale.ROOT, "spark engine again %.1f s%n", (System.nanoTime() - t0) / 1e9);
        assertEquals(json, again);
        assertTrue(json.startsWith("{\n  \"schema_version\" : \"" + RunResult.SCHEMA_VERSION + "\""), json);
        List<String> notComputed = new ArrayList<>();
        ResultsJson.mapper().readTree(json).path("engine").path("not_computed").forEach(n -> notComputed.add(
                n.asText()));
        assertTrue(notComputed.contains("propensity") && !notComputed.contains("overlap")
                && !notComputed.contains("policy_insights") && notComputed.contains("policy_insights.rank_curves"),
                notComputed.toString());
    }

    @Test
    void overlapAgreesWithTheLocalEngine() {
        RunResult.OverlapInfo s = onSpark.overlap();
        RunResult.OverlapInfo l = local.overlap();
        assertEquals(onSpark.n().test(), s.testTotal());
        assertEquals(onSpark.n().train(), s.trainTotal());
        // the Crump rule on two fits of the same propensity on different random training splits
        assertEquals(l.etaLow(), s.etaLow(), 0.02, "spark " + s + " vs local " + l);
        assertEquals(l.etaHigh(), s.etaHigh(), 0.02, "spark " + s + " vs local " + l);
        double shareS = s.trainInOverlap() / (double) s.trainTotal();
        double shareL = l.trainInOverlap() / (double) l.trainTotal();
        assertTrue(shareS < 1 && shareL < 1, "the confounder pushes some propensities out: " + s + " / " + l);
        // binomial noise of two samples plus the thresholds' difference
        double tol = 3 * Math.sqrt(shareL * (1 - shareL) * (1.0 / s.trainTotal() + 1.0 / l.trainTotal())) + 0.01;
        assertEquals(shareL, shareS, tol, "share of train patients in overlap");
        double testS = s.testInOverlap() / (double) s.testTotal();
        double testL = l.testInOverlap() / (double) l.testTotal();
        assertEquals(testL, testS, 3 * Math.sqrt(testL * (1 - testL) * (1.0 / s.testTotal() + 1.0 / l.testTotal()))
                + 0.01, "share of test patients in overlap");
        RunResult.PolicyResult learned = policy(onSpark, PolicyId.of(SparkLearners.T_LEARNER));
        assertEquals(1 - testS, learned.deferredShare(), 1e-12, "the learned policy defers outside overlap");
        assertEquals(1 - testS, policy(onSpark, Baseline.treatAllId("1")).deferredShare(), 1e-12);
        assertEquals(0.0, policy(onSpark, Baseline.DOCTORS.id()).deferredShare());
    }

    @Test
    void crumpRuleStreamedFromSparkEqualsTheLocalRule() {
        SplittableRandom rnd = new SplittableRandom(9);
        double[] e = new double[3000];
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < e.length; i++) {
            e[i] = 1 / (1 + Math.exp(-2.5 * rnd.nextGaussian()));
            rows.add(RowFactory.create(e[i]));
        }
        Dataset<Row> d = spark.createDataFrame(rows, new StructType().add("_eo", "double")).repartition(3);
        OverlapSet local = OverlapSet.crump(e);
        assertTrue(local.etaLow() > 0.02, "the rule trims here: " + local);
        assertEquals(local, SparkOverlap.choose(study, d));
    }

    @Test
    void selectionOnValidationAndVerdictAgreeWithTheLocalEngine() {
        RunResult.PolicyInsights s = onSpark.policyInsights();
        RunResult.PolicyInsights l = local.policyInsights();
        assertEquals(SelectionScheme.VALIDATION_SPLIT_DR, s.selection().scheme());
        assertEquals(onSpark.n().validation(), s.selection().n());
        assertEquals(PolicyId.of(SparkLearners.T_LEARNER), s.selection().selected());
        assertEquals(s.selection().selected(), s.verdict().selected());
        RunResult.Headline hs = s.verdict().headline();
        RunResult.Headline hl = l.verdict().headline();
        // the known effect: personalising is worth about 0.88, current practice about 0.25 (a + t (0.5 + 1.5 b))
        assertTrue(hs.gain() > 0 && hl.gain() > 0 && hs.gainLow() > 0, "spark " + hs + " local " + hl);
        assertEquals(hl.clear(), hs.clear(), "same verdict: " + hs + " / " + hl);
        assertEquals(hl.gain(), hs.gain(), 3 * Math.hypot(hs.gainHigh() - hs.gainLow(), hl.gainHigh() - hl.gainLow())
                / (2 * 1.96), "gain over current practice");
        assertEquals(policy(onSpark, Baseline.DOCTORS.id()).pointDr(), hs.currentPractice(), 0.05);
        assertEquals(l.verdict().bestPolicyClear(), s.verdict().bestPolicyClear());
        assertTrue(s.verdict().text().contains("chosen on the validation split"), s.verdict().text());
        int rounds = study.bootstrapRounds();
        assertEquals(rounds, s.rounds());
        assertEquals(s.winsDr()[0][1], Math.round(hs.beatsShare() * rounds), "win matrix vs headline: learned "
                + "policy over current practice");
    }

    @Test
    void bootstrapValuesDoNotDependOnPartitioning() {
        SplittableRandom rnd = new SplittableRandom(3);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            double e = 0.2 + 0.6 * rnd.nextDouble();
            rows.add(RowFactory.create((long) i * 7919, rnd.nextDouble() < e ? 1 : 0,
                    rnd.nextGaussian(), e, rnd.nextGaussian(), rnd.nextGaussian()));
        }
        Dataset<Row> d = spark.createDataFrame(rows, new StructType()
                .add("_id", "long").add("_t", "int").add("_y", "double").add("_e", "double").add("_mu0", "double")
                .add("_mu1", "double")).withColumn("_in", col("_e").lt(0.75));
        List<SparkPolicy> policies = List.of(SparkPolicy.learned(PolicyId.of("l"), 0, 0, 1),
                SparkPolicy.doctors(Baseline.DOCTORS.id()), SparkPolicy.treatAll(Baseline.treatAllId("1"), "b", 1));
        OnePassBootstrap boot = new OnePassBootstrap(50, new PoissonWeights(5));
        List<RunResult.PolicyResult> one = boot.value(d.coalesce(1), policies).results();
        List<RunResult.PolicyResult> three = boot.value(d.repartition(3), policies).results();
        List<RunResult.PolicyResult> otherSeed = new OnePassBootstrap(50, new PoissonWeights(6))
                .value(d.coalesce(1), policies).results();
        for (int p = 0; p < policies.size(); p++) {
            assertEquals(one.get(p).pointDr(), three.get(p).pointDr(), 1e-12);
            assertEquals(one.get(p).valueDr().mean(), three.get(p).valueDr().mean(), 1e-12);
            assertEquals(one.get(p).valueIpw().q25(), three.get(p).valueIpw().q25(), 1e-12);
            assertEquals(one.get(p).valueDr().sd(), three.get(p).valueDr().sd(), 1e-12);
            assertEquals(one.get(p).deferredShare(), three.get(p).deferredShare(), 1e-12);
            assertTrue(one.get(p).valueDr().sd() > 0);
            assertTrue(one.get(p).valueDr().mean() != otherSeed.get(p).valueDr().mean(), "seeds resample");
        }
    }

    @Test
    void mediansInOnePassEqualSingleColumnCallsAndFillTheMissingValues() throws Exception {
        Path m = dir.resolve("m.yaml");
        Files.writeString(m, "name: m\ndata: d.csv\ntreatment: {column: t, arms: {\"0\": control, \"1\": drug}}\n"
                + "covariates:\n  - {name: a, role: confounder}\n  - {name: b, role: effect_modifier}\nseed: 1\n"
                + "outcome: {column: y, type: continuous, direction: higher}\n");
        Dataset<Row> d = spark.read().option("header", "true").option("inferSchema", "true")
                .csv(dir.resolve("d.csv").toString())
                .withColumn("a", functions.when(col("y").gt(1), null).otherwise(col("a")))
                .withColumn("b", functions.when(col("y").lt(-1), null).otherwise(col("b").plus(3)))
                .withColumn("_id", functions.lit(0L)).withColumn("_t", col("t")).withColumn("_y", col("y"));
        CovariateColumns cov = CovariateColumns.encode(StudyLoader.load(m), d);
        assertEquals(List.of("a", "a_missing", "b", "b_missing"), cov.names());
        Row filled = d.select(cov.selection()).agg(functions.max(functions.when(col("_f1").equalTo(1.0), col("_f0"))),
                functions.max(functions.when(col("_f3").equalTo(1.0), col("_f2")))).first();
        double[] half = {0.5};
        assertEquals(d.stat().approxQuantile("a", half, SparkCohort.MEDIAN_ERROR)[0], filled.getDouble(0));
        assertEquals(d.stat().approxQuantile("b", half, SparkCohort.MEDIAN_ERROR)[0], filled.getDouble(1));
        assertTrue(filled.getDouble(1) > 2, "b's median, not a's");
    }

    @Test
    void rowIndexIsZipWithIndexOverUnevenAndEmptyPartitions() {
        // 5 partitions of 0..99, the third emptied by the filter, the others of different sizes
        Dataset<Row> d = spark.range(0, 100, 1, 5).filter(col("id").lt(40).or(col("id").geq(60)))
                .filter(col("id").mod(7).notEqual(3)).toDF();
        List<Long> indexed = RowIndex.append(spark, d, "_row").select("_row").collectAsList().stream()
                .map(r -> r.getLong(0)).toList();
        List<Long> zipped = d.javaRDD().zipWithIndex().map(p -> p._2()).collect();
        assertEquals(zipped, indexed);
        assertEquals(d.count(), indexed.size());
    }

    /** Spark's policy {@code s} and the local engine's {@code l}: within 3 combined bootstrap SDs, and of truth. */
    private static void assertClose(PolicyId s, PolicyId l, double truth) {
        RunResult.PolicyResult ps = policy(onSpark, s);
        RunResult.PolicyResult pl = policy(local, l);
        double sdS = ps.valueDr().sd();
        double sdL = pl.valueDr().sd();
        // the two test splits are different random fifths of the cohort: nearly independent samples
        double tol = 3 * Math.hypot(sdS, sdL);
        assertTrue(sdS > 0 && sdS < 0.2, s + " bootstrap SD " + sdS);
        assertEquals(pl.pointDr(), ps.pointDr(), tol, s + " spark " + ps + " vs local " + pl);
        assertEquals(truth, ps.pointDr(), 3 * sdS + 0.05, s + " vs its true value");
    }

    private static RunResult.PolicyResult policy(RunResult r, PolicyId id) {
        return r.policies().stream().filter(p -> p.name().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError(id + " not among " + r.policies().stream()
                        .map(RunResult.PolicyResult::name).toList()));
    }

    /** Recomputes the Spark engine's test split from the data: mean outcome and size. */
    static final class RowIds {
        private RowIds() {
        }

        static Row testMean(SparkSession spark, Study study) {
            return RowIndex.append(spark, spark.read().option("header", "true").option("inferSchema", "true")
                    .csv(study.data().toString()), "_id")
                    .withColumn("_split", SparkStudyRun.split(study.split(), study.seed()))
                    .filter(col("_split").equalTo(2))
                    .selectExpr("avg(CAST(y AS DOUBLE))", "count(1)").first();
        }
    }
}
