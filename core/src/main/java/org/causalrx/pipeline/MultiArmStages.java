package org.causalrx.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.causalrx.causal.MultiArmCateModel;
import org.causalrx.causal.MultiArmOutcomeModel;
import org.causalrx.causal.OutcomeAware;
import org.causalrx.data.SplitIndices;
import org.causalrx.estimators.MultiArmEstimators;
import org.causalrx.study.AnalysisColumns;
import org.causalrx.study.Cohort;
import org.causalrx.study.CohortBuilder;
import org.causalrx.study.Study;
import org.causalrx.util.CausalRxException;
import org.causalrx.util.Seeds;
import org.causalrx.util.Stats;

/**
 * The run of a study with K ≥ 3 arms: cohort → split and encoding → generalized propensity and overlap → K-arm CATE
 * models and the DR plug-in → policies chosen on validation and valued on test with the bootstrap → result
 * ({@link MultiArmResult}) → policy insights, then balance, heterogeneity and sensitivity diagnostics per arm
 * ({@link MultiArmDiagnostics}) added to it, then refutations of each arm's AIPW contrast. A study with secondary
 * outcomes has its policies valued on them after the insights ({@link MultiArmSecondary}). The split and encoding
 * stage is the two-arm pipeline's own.
 */
public final class MultiArmStages {
    /** The run's result. */
    public static final Slot<MultiArmResult> RESULT = new Slot<>("multi-arm result");
    static final Slot<MultiArmPropensity.Output> PROPENSITY = new Slot<>("generalized propensity");
    static final Slot<Effects> EFFECTS = new Slot<>("K-arm effects");
    static final Slot<MultiArmEvaluation.Valued> VALUED = new Slot<>("K-arm test valuation");
    /** The fitted encoding, propensity model, overlap rule and K-arm CATE models, for the model bundle. */
    public static final Slot<MultiArmFitted> FITTED = new Slot<>("K-arm fitted models");

    private MultiArmStages() {
    }

    /** The K-arm run; {@code parallel} runs bootstrap rounds on several threads (same values either way). */
    public static RunEngine engine(boolean parallel) {
        return new RunEngine(List.of(new CohortCheck(), new PipelineStages.SplitAndEncode(), new Propensity(),
                new Cate(), new MultiArmDeferral.Refits(parallel), new Evaluation(parallel),
                new Insights(parallel), new MultiArmSecondary.Stage(parallel), new MultiArmDiagnostics(),
                new MultiArmRefutationStage(parallel)));
    }

    /**
     * Per estimator (study order; singles and average, not consensus) the validation and test effect matrices
     * (n × K), and the DR plug-in's
     * potential outcomes mu_a(x) (n × K) on validation and test.
     */
    record Effects(Map<String, double[][]> validation, Map<String, double[][]> test, double[][] muValidation,
                   double[][] muTest) {
    }

    /** Step 1: the cohort, and the study's estimators checked against those that handle K arms. */
    record CohortCheck() implements Stage {
        public String name() {
            return "cohort";
        }

        public String detail(RunContext c) {
            return "checking the data against the protocol (" + c.study().treatment().size() + " arms)";
        }

        public RunContext apply(RunContext c, Progress progress) {
            Study study = c.study();
            String f = study.file().getFileName().toString();
            if (study.outcome().type() == Study.OutcomeType.CATEGORICAL) {
                throw new CausalRxException(f + ": 'outcome.type' categorical with " + study.treatment().size()
                        + " arms is not supported; use a continuous or binary outcome with K arms");
            }
            MultiArmMembers.check(study);
            String plugIn = study.policyEvaluation().plugIn();
            if (!plugIn.startsWith("t_") || !MultiArmEstimators.supports(plugIn)) {
                throw new CausalRxException(f + ": 'policy_evaluation.plug_in' '" + study.policyEvaluation().plugIn()
                        + "' does not handle K arms; use one of the T-learners (t_xgboost, t_ridge, t_lasso)");
            }
            Cohort cohort = CohortBuilder.build(study, c.table());
            AnalysisColumns.check(study, c.table());
            List<String> warnings = FitReadiness.check(study, cohort);
            return c.with(RunSlots.COHORT, cohort).with(RunSlots.DATA_WARNINGS, warnings);
        }
    }

    /** Step 2: generalized propensity models, the selected one by validation Brier score, and the overlap set. */
    record Propensity() implements Stage {
        public String name() {
            return "propensity";
        }

        public String detail(RunContext c) {
            return "fitting generalized propensity models over " + c.study().treatment().size() + " arms";
        }

        public RunContext apply(RunContext c, Progress progress) {
            return c.with(PROPENSITY, MultiArmPropensity.run(c.study(), c.get(RunSlots.X),
                    c.get(RunSlots.COHORT).treatment(), c.get(RunSlots.SPLIT), c.seed()));
        }
    }

    /** Step 3: every K-arm CATE estimator and the DR plug-in fitted on train, predicted on validation and test. */
    record Cate() implements Stage {
        public String name() {
            return "cate";
        }

        public String detail(RunContext c) {
            return "fitting K-arm CATE models: " + String.join(", ", c.study().estimators());
        }

        public RunContext apply(RunContext c, Progress progress) {
            Study study = c.study();
            Cohort cohort = c.get(RunSlots.COHORT);
            SplitIndices split = c.get(RunSlots.SPLIT);
            double[][] x = c.get(RunSlots.X);
            int k = study.treatment().size();
            double[][] xTrain = Stats.select(x, split.train());
            int[] tTrain = Stats.select(cohort.treatment(), split.train());
            double[] yTrain = Stats.select(cohort.outcome(), split.train());
            double[][] xVal = Stats.select(x, split.validation());
            double[][] xTest = Stats.select(x, split.test());
            OutcomeAware.Kind kind = StudyRun.outcomeKind(study);
            Map<String, double[][]> val = new LinkedHashMap<>();
            Map<String, double[][]> test = new LinkedHashMap<>();
            Map<String, MultiArmCateModel> models = new LinkedHashMap<>();
            for (String name : MultiArmMembers.singles(study)) {
                models.put(name, MultiArmEstimators.of(name, kind, study.outcome().sign(),
                        study.policy().defaultArm(), study.policy().margin()).fit(xTrain, tTrain, k,
                        yTrain, fitSeed(study, name, c.seed())));
            }
            models = MultiArmMembers.models(study, models);
            models.forEach((name, m) -> {
                val.put(name, m.effects(xVal));
                test.put(name, m.effects(xTest));
            });
            String plugInName = study.policyEvaluation().plugIn();
            MultiArmCateModel plugIn = MultiArmEstimators.of(plugInName, kind).fit(xTrain, tTrain, k, yTrain,
                    fitSeed(study, plugInName, c.seed()));
            if (!(plugIn instanceof MultiArmOutcomeModel mu)) {
                throw new CausalRxException(study.file().getFileName() + ": 'policy_evaluation.plug_in' '"
                        + plugInName + "' does not predict outcomes per arm; use a T-learner (t_xgboost, t_ridge, "
                        + "t_lasso)");
            }
            MultiArmPropensity.Output prop = c.get(PROPENSITY);
            MultiArmFitted fitted = new MultiArmFitted(c.get(RunSlots.ENCODING),
                    FittedModels.textColumns(cohort.covariates()), prop.selected(), prop.model(), prop.overlap(),
                    models);
            return c.with(EFFECTS, new Effects(val, test, mu.potentialOutcomes(xVal), mu.potentialOutcomes(xTest)))
                    .with(FITTED, fitted);
        }
    }

    /** Step 4: policies chosen on validation, valued on test with the bootstrap; the result. */
    record Evaluation(boolean parallel) implements Stage {
        public String name() {
            return "evaluation";
        }

        public String detail(RunContext c) {
            return "policies chosen on validation, valued on test with " + c.study().bootstrapRounds()
                    + " bootstrap rounds";
        }

        public RunContext apply(RunContext c, Progress progress) {
            MultiArmEvaluation.Evaluated ev = MultiArmEvaluation.run(c.study(), c.get(RunSlots.COHORT),
                    c.get(RunSlots.SPLIT), c.get(RunSlots.X), c.get(PROPENSITY), c.get(EFFECTS),
                    c.find(MultiArmDeferral.INTERVALS).orElse(null), c.get(RunSlots.DATA_WARNINGS), c.seed(),
                    parallel);
            List<MultiArmTreeInfo> trees = MultiArmTreeInfo.of(c.get(FITTED).cateModels(),
                    c.get(RunSlots.ENCODING).featureNames(), MultiArmEvaluation.rule(c.study()),
                    c.study().treatment().arms());
            MultiArmResult result = ev.result().withPolicyTrees(trees).withCohortTables(CohortSummaryStage.of(
                    c.study().file(), c.get(RunSlots.COHORT), c.get(RunSlots.SPLIT), c.study().treatment().arms()));
            return c.with(RESULT, result).with(VALUED, ev.valued());
        }
    }

    /**
     * Step 5: policy insights on the test split (win matrices, rank graphs, outcome tree, recommended-arm profiles,
     * propensity histograms), added to the result.
     */
    record Insights(boolean parallel) implements Stage {
        public String name() {
            return "insights";
        }

        public String detail(RunContext c) {
            return "win matrices, rank graphs per arm, outcome tree and who is recommended each arm";
        }

        public RunContext apply(RunContext c, Progress progress) {
            MultiArmResult.Insights insights = MultiArmInsights.run(c.study(), c.get(RunSlots.COHORT),
                    c.get(RunSlots.SPLIT), c.get(RunSlots.X), c.get(RunSlots.ENCODING).featureNames(),
                    c.get(PROPENSITY), c.get(EFFECTS), c.get(VALUED), c.seed(), parallel);
            return c.with(RESULT, c.get(RESULT).withInsights(insights));
        }
    }

    /**
     * The seed estimator {@code name} is fitted with, as in a two-arm run: the T-learners whose outcome models a
     * two-arm run reports (t_xgboost, t_ridge, t_lasso) and the DR plug-in take {@code "outcome-" + name}, every other
     * estimator {@code "cate-" + name}; so with K = 2 each model is the two-arm run's.
     */
    static long fitSeed(Study study, String name, long seed) {
        boolean outcomeModel = RunEstimators.STANDARD_T_LEARNERS.contains(name)
                || name.equals(study.policyEvaluation().plugIn());
        return Seeds.derive(seed, (outcomeModel ? "outcome-" : "cate-") + name);
    }

    static List<Integer> counts(int[] t, int[] rows, int k) {
        int[] n = new int[k];
        for (int r : rows) {
            n[t[r]]++;
        }
        List<Integer> out = new ArrayList<>();
        for (int v : n) {
            out.add(v);
        }
        return out;
    }
}
