package org.causalrx.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.xxhash64;

import java.nio.file.Files;
import java.util.List;

import org.apache.spark.ml.classification.LogisticRegressionModel;
import org.apache.spark.ml.regression.LinearRegressionModel;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.causalrx.causal.OverlapSet;
import org.causalrx.pipeline.DecisionRuleInfo;
import org.causalrx.pipeline.RunResult;
import org.causalrx.policy.DecisionRule;
import org.causalrx.result.Baseline;
import org.causalrx.result.DeferralSet;
import org.causalrx.result.PolicyId;
import org.causalrx.study.Study;
import org.causalrx.util.BuildInfo;
import org.causalrx.util.CausalRxException;
import org.causalrx.util.Hashing;
import org.causalrx.util.Seeds;

/**
 * A two-arm study run on Spark: the cohort read and encoded with Spark SQL ({@link SparkCohort}), the cross-fitted AIPW
 * ATE ({@link SparkCrossFit}), and on the held-out test split the values of the learned T-learner policy and the
 * baselines (current practice, each arm for everyone) with a one-pass Poisson bootstrap ({@link OnePassBootstrap}),
 * patients outside the overlap set ({@link SparkOverlap}: e(x) from a propensity fit on the train split) deferred;
 * the recommended policy chosen on the validation split and the verdict ({@link SparkPolicyInsights}).
 * The split assigns patient {@code _id} by a seeded hash: train when u &lt; train share, validation when u &lt; train +
 * validation share, else test (u uniform in [0, 1)). The T-learner is fit on the train split; the weights use p*
 * fit on all patients, as the local engine does. Returns the parts of the results.json contract it computes.
 *
 * @param learners the nuisance learners
 */
public record SparkStudyRun(SparkLearners learners) {
    private static final long HASH_RANGE = 1_000_000_007L;

    /** Runs {@code study} (two arms, a data file) on {@code spark}. */
    public RunResult run(SparkSession spark, Study study) {
        return run(spark, study, PhaseLog.NONE);
    }

    /** Runs {@code study} on {@code spark}, telling {@code log} as each phase ends. */
    public RunResult run(SparkSession spark, Study study, PhaseLog log) {
        if (!study.treatment().binary()) {
            throw new CausalRxException(study.file() + ": the spark engine runs two-arm studies; this one has "
                    + study.treatment().size() + " arms (run it with the local engine)");
        }
        if (study.data() == null) {
            throw new CausalRxException(study.file() + ": the spark engine reads a 'data:' file; build the cohort "
                    + "first with `causalrx cohort`");
        }
        SparkCohort cohort = SparkCohort.load(spark, study);
        log.ended("cohort read and encoded");
        try {
            return run(study, cohort, log);
        } finally {
            cohort.release();
        }
    }

    private RunResult run(Study study, SparkCohort cohort, PhaseLog log) {
        long seed = study.seed();
        SparkCrossFit.Estimate ate = new SparkCrossFit(learners, study.ateFolds(cohort.size())).estimate(cohort, seed,
                log);
        Dataset<Row> d = cohort.data().withColumn("_split", split(study.split(), seed));
        Row counts = d.agg(sum(when(col("_split").equalTo(0), 1).otherwise(0)),
                sum(when(col("_split").equalTo(1), 1).otherwise(0)), count(lit(1))).first();
        int nTrain = (int) counts.getLong(0);
        int nValidation = (int) counts.getLong(1);
        int nTest = (int) (counts.getLong(2) - nTrain - nValidation);
        Dataset<Row> train = d.filter(col("_split").equalTo(0));
        log.ended("split counts");
        Dataset<Row> withE = learners.withPropensity(d, learners.propensity(train));
        log.ended("train propensity fit");
        OverlapSet overlap = SparkOverlap.choose(study, withE.filter(col("_split").equalTo(0)));
        log.ended("overlap set");
        Dataset<Row> scored = withE.withColumn("_in", SparkOverlap.inside(overlap));
        LogisticRegressionModel pStar = learners.propensity(cohort.data());
        log.ended("p* fit (all rows)");
        LinearRegressionModel mu0 = learners.outcome(train, 0);
        LinearRegressionModel mu1 = learners.outcome(train, 1);
        log.ended("T-learner fits (train)");
        Study.Treatment tr = study.treatment();
        String[] labels = {tr.label(tr.controlCode()), tr.label(tr.treatedCode())};
        DecisionRule rule = study.decisionRule();
        PolicyId learned = new PolicyId(SparkLearners.T_LEARNER,
                study.deferral() == null ? DeferralSet.NONE : DeferralSet.INCLUSIVE);
        List<SparkPolicy> policies = List.of(
                SparkPolicy.learned(learned, rule.defaultArm(), rule.margin(), rule.betterSign()),
                SparkPolicy.doctors(Baseline.DOCTORS.id()),
                SparkPolicy.treatAll(Baseline.treatAllId(tr.controlCode()), labels[0], 0),
                SparkPolicy.treatAll(Baseline.treatAllId(tr.treatedCode()), labels[1], 1));
        PoissonWeights poisson = new PoissonWeights(Seeds.derive(seed, "bootstrap"));
        OnePassBootstrap.Valued tested = new OnePassBootstrap(study.bootstrapRounds(), poisson)
                .value(learners.predict(scored.filter(col("_split").equalTo(2)), pStar, mu0, mu1), policies);
        log.ended("bootstrap pass (test)");
        OnePassBootstrap.Valued validated = nValidation == 0 ? null : new OnePassBootstrap(0, poisson)
                .value(learners.predict(scored.filter(col("_split").equalTo(1)), pStar, mu0, mu1), policies);
        log.ended("validation pass");
        List<RunResult.PolicyResult> values = tested.results();
        RunResult.AteResult ateResult = new RunResult.AteResult(ate.ate(), ate.se(), ate.ciLow(), ate.ciHigh(),
                "cross-fitted AIPW on Spark (" + SparkLearners.PROPENSITY + " propensity, " + SparkLearners.T_LEARNER
                        + " outcomes)", ate.folds(), (int) ate.n(),
                List.of(new RunResult.EstimandResult("ate", ate.ate(), ate.se(), ate.ciLow(), ate.ciHigh(),
                        (int) ate.n(), ate.folds())));
        RunResult.OverlapInfo overlapInfo = SparkOverlap.info(overlap, scored);
        RunResult.PolicyInsights insights = SparkPolicyInsights.of(study, validated, tested);
        log.ended("overlap counts, selection and verdict");
        return RunResult.builder()
                .study(study.name())
                .protocol(protocol(study, cohort, labels, rule))
                .n(new RunResult.SampleSizes(nTrain, nValidation, nTest))
                .covariates(cohort.covariates())
                .features(cohort.features())
                .selectedPropensityModel(SparkLearners.PROPENSITY)
                .overlap(overlapInfo)
                .ate(ateResult)
                .policies(values)
                .policyInsights(insights)
                .provenance(provenance(study))
                .build();
    }

    /** The split column: 0 train, 1 validation, 2 test, from a seeded hash of {@code _id}. */
    static Column split(Study.Split fractions, long seed) {
        Column u = pmod(xxhash64(lit(Seeds.derive(seed, "split")), col("_id")), lit(HASH_RANGE))
                .divide((double) HASH_RANGE);
        return when(u.lt(fractions.train()), 0).when(u.lt(fractions.train() + fractions.validation()), 1)
                .otherwise(2);
    }

    private static RunResult.ProtocolInfo protocol(Study study, SparkCohort cohort, String[] labels,
                                                   DecisionRule rule) {
        Study.Protocol p = study.protocol();
        Study.Treatment tr = study.treatment();
        return new RunResult.ProtocolInfo(study.name(), p.question(), p.decisionTime(), p.population(), p.users(),
                study.data().getFileName().toString(), tr.column(), labels[0], labels[1], tr.controlCode(),
                tr.treatedCode(), study.outcome().column(), study.outcome().type(), study.outcome().direction(),
                cohort.outcomeSd(), (int) cohort.rowsRead(), (int) cohort.rowsDropped(),
                cohort.rowsDropped() == 0 ? "" : "missing outcome",
                DecisionRuleInfo.of(rule, new String[] {tr.controlCode(), tr.treatedCode()}, labels,
                        study.outcome().column()));
    }

    private static RunResult.Provenance provenance(Study study) {
        BuildInfo build = BuildInfo.current();
        String data = Files.isRegularFile(study.data()) ? Hashing.sha256(study.data()) : null;
        return new RunResult.Provenance(data, Hashing.sha256(study.file()), study.seed(), study.bootstrapRounds(),
                build.causalrxVersion(), System.getProperty("java.specification.version"), build.xgboostVersion());
    }
}
