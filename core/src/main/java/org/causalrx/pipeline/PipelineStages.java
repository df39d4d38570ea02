package org.causalrx.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.causalrx.causal.CateModel;
import org.causalrx.causal.CrossFitAipw;
import org.causalrx.causal.OverlapSet;
import org.causalrx.causal.TLearner;
import org.causalrx.causal.diagnostics.CateCalibration;
import org.causalrx.causal.meta.FinalStageModel;
import org.causalrx.causal.uncertainty.IntervalCalibration;
import org.causalrx.data.CovariateEncoder;
import org.causalrx.data.CovariateSpec;
import org.causalrx.data.Encoding;
import org.causalrx.data.SplitIndices;
import org.causalrx.learn.ProbabilityModel;
import org.causalrx.policy.Bootstrap;
import org.causalrx.policy.HeldOut;
import org.causalrx.policy.PolicyDecisions;
import org.causalrx.study.AnalysisColumns;
import org.causalrx.study.Cohort;
import org.causalrx.study.CohortBuilder;
import org.causalrx.study.CovariatePlan;
import org.causalrx.study.Study;
import org.causalrx.util.Seeds;
import org.causalrx.util.Stats;

/**
 * The pipeline's stages, TRS steps 1–4, 6 and 10, in the order {@link #standard} lists them: cohort → split and
 * encoding → propensity and overlap → outcome models → CATE models and policies → (uncertainty and Conservative
 * deferral) → held-out values with the bootstrap → policy insights → further analyses → cross-fitted ATE →
 * (cross-fitted policy values) → result. Each stage is a small record configured by what it fits with.
 */
public final class PipelineStages {
    private PipelineStages() {
    }

    /** The standard pipeline with {@code learners}; {@code parallel} runs bootstrap rounds on several threads. */
    public static RunEngine standard(Learners learners, boolean parallel) {
        return new RunEngine(List.of(new CohortCheck(learners), new SplitAndEncode(), new Propensity(parallel),
                new Outcome(), new Policies(), new Uncertainty(parallel), new Evaluation(parallel),
                new Insights(parallel), new HeterogeneityStage(), new Analyses(parallel), new Ate(),
                new SensitivityStage(), new RefutationStage(parallel), new CrossFit(), new Assemble()));
    }

    static String[] armLabels(Study study) {
        Study.Treatment tr = study.treatment();
        return new String[] {tr.label(tr.controlCode()), tr.label(tr.treatedCode())};
    }

    static boolean binary(Study study) {
        return study.outcome().type() == Study.OutcomeType.BINARY;
    }

    /**
     * Step 1: the learners bound to the study's estimator list and settings (checked), and the cohort per the
     * protocol with every data check a fit needs.
     *
     * @param learners the run's learners before the study's settings are applied
     */
    record CohortCheck(Learners learners) implements Stage {
        public String name() {
            return "cohort";
        }

        public String detail(RunContext c) {
            return "checking the data against the protocol";
        }

        public RunContext apply(RunContext c, Progress progress) {
            Study study = c.study();
            if (!study.treatment().binary()) {
                throw new org.causalrx.util.CausalRxException(study.file().getFileName() + ": 'treatment.arms' lists "
                        + study.treatment().size() + " arms; this pipeline compares two arms: use a study with two "
                        + "arms (or run it with the K-arm engine)");
            }
            Learners bound = learners.forStudy(study);
            Cohort cohort = CohortBuilder.build(study, c.table());
            AnalysisColumns.check(study, c.table());
            List<String> warnings = FitReadiness.check(study, cohort, bound.registry());
            return c.with(RunSlots.LEARNERS, bound).with(RunSlots.COHORT, cohort)
                    .with(RunSlots.DATA_WARNINGS, warnings);
        }
    }

    /** The stratified train / validation / test split and the covariate encoding fitted on train. */
    record SplitAndEncode() implements Stage {
        public String name() {
            return "split";
        }

        public String detail(RunContext c) {
            return "stratified train / validation / test split";
        }

        public RunContext apply(RunContext c, Progress progress) {
            Study study = c.study();
            Cohort cohort = c.get(RunSlots.COHORT);
            Study.Split fr = study.split();
            SplitIndices split = CohortSplits.of(study, cohort, c.seed());
            List<CovariateSpec> kept = cohort.plan().stream().filter(CovariatePlan::kept)
                    .map(p -> new CovariateSpec(p.name(), p.type() == Study.ValueType.CATEGORICAL,
                            study.covariates().stream().anyMatch(s -> s.name().equals(p.name()) && s.squared())))
                    .toList();
            Encoding encoding = CovariateEncoder.fit(cohort.covariates(), split.train(), kept);
            return c.with(RunSlots.SPLIT, split).with(RunSlots.ENCODING, encoding)
                    .with(RunSlots.X, encoding.transform(cohort.covariates()));
        }
    }

    /** Step 2: propensity models (the selected one by validation log-loss) and the overlap set. */
    record Propensity(boolean parallel) implements Stage {
        public String name() {
            return "propensity";
        }

        public String detail(RunContext c) {
            return "fitting " + c.get(RunSlots.LEARNERS).propensity().size() + " propensity models";
        }

        public RunContext apply(RunContext c, Progress progress) {
            Learners learners = c.get(RunSlots.LEARNERS);
            SplitIndices split = c.get(RunSlots.SPLIT);
            PropensityStage.Output prop = PropensityStage.run(learners.propensity(), c.get(RunSlots.X),
                    c.get(RunSlots.COHORT).treatment(), split.train(), split.validation(), c.seed(), parallel);
            OverlapSet overlap = overlapSet(c.study(), Stats.select(prop.e(), split.train()));
            CovariateBalance balance = CovariateBalance.of(prop.selected(), c.get(RunSlots.X),
                    c.get(RunSlots.COHORT).treatment(), prop.e(), c.get(RunSlots.ENCODING).featureNames(),
                    split.train(), split.test());
            return c.with(RunSlots.PROPENSITY, prop).with(RunSlots.OVERLAP, overlap).with(RunSlots.BALANCE, balance);
        }

        static OverlapSet overlapSet(Study study, double[] trainE) {
            return StudyOverlap.of(study, () -> OverlapSet.crump(trainE));
        }
    }

    /** Step 3: the T-learners' outcome models per arm, with validation metrics. */
    record Outcome() implements Stage {
        public String name() {
            return "outcome";
        }

        public String detail(RunContext c) {
            return "fitting outcome and CATE models: " + String.join(", ", c.study().estimators());
        }

        public RunContext apply(RunContext c, Progress progress) {
            Learners learners = c.get(RunSlots.LEARNERS);
            Study study = c.study();
            Cohort cohort = c.get(RunSlots.COHORT);
            SplitIndices split = c.get(RunSlots.SPLIT);
            // the DR plug-in T-learner is always fit (App. D)
            List<TLearner> tLearners = learners.tLearners(binary(study)).stream().filter(l -> l.name().equals(
                    study.policyEvaluation().plugIn()) || study.estimators().contains(l.name())).toList();
            OutcomeStage.Output outcome = OutcomeStage.run(tLearners, c.get(RunSlots.X), cohort.treatment(),
                    cohort.outcome(), split.train(), split.validation(), armLabels(study), c.seed());
            return c.with(RunSlots.T_LEARNERS, tLearners).with(RunSlots.OUTCOME, outcome);
        }
    }

    /** Step 4: every CATE estimator fitted on train, and each policy's decisions for the test patients. */
    record Policies() implements Stage {
        public String name() {
            return "policies";
        }

        public String detail(RunContext c) {
            return "deciding for " + c.get(RunSlots.SPLIT).test().length + " held-out patients";
        }

        public RunContext apply(RunContext c, Progress progress) {
            Study study = c.study();
            Cohort cohort = c.get(RunSlots.COHORT);
            int[] test = c.get(RunSlots.SPLIT).test();
            int[] train = c.get(RunSlots.SPLIT).train();
            double[][] x = c.get(RunSlots.X);
            double[] eTest = Stats.select(c.get(RunSlots.PROPENSITY).e(), test);
            OverlapSet overlap = c.get(RunSlots.OVERLAP);
            boolean[] inOverlap = new boolean[test.length];
            for (int i = 0; i < test.length; i++) {
                inOverlap[i] = overlap.contains(eTest[i]);
            }
            RunSlots.TestPatients tp = new RunSlots.TestPatients(test, Stats.select(x, test),
                    Stats.select(cohort.treatment(), test), eTest, inOverlap);
            Map<String, CateModel> cateModels = CateStage.fit(c.get(RunSlots.LEARNERS).estimators(),
                    study.estimators(), c.get(RunSlots.OUTCOME).models(),
                    Stats.select(x, train), Stats.select(cohort.treatment(), train),
                    Stats.select(cohort.outcome(), train), c.seed(), StudyRun.outcomeKind(study));
            Map<String, double[]> testCates = new LinkedHashMap<>();
            cateModels.forEach((name, m) -> testCates.put(name, m.effect(tp.x())));
            List<PolicyDecisions> policies = PolicySet.build(study, testCates, tp.t(), eTest, inOverlap, c.seed());
            return c.with(RunSlots.TEST, tp).with(RunSlots.CATE_MODELS, cateModels)
                    .with(RunSlots.TEST_CATES, testCates).with(RunSlots.POLICIES, List.copyOf(policies));
        }
    }

    /** Step 6: per-patient intervals and B-learner bounds; adds the Conservative deferral sets. */
    record Uncertainty(boolean parallel) implements Stage {
        public String name() {
            return "uncertainty";
        }

        public boolean appliesTo(Study study) {
            return study.deferral() != null;
        }

        public String detail(RunContext c) {
            return "per-patient intervals (" + c.study().deferral().bootstrapRefits()
                    + " bootstrap refits) and B-learner bounds; Conservative deferral set";
        }

        public RunContext apply(RunContext c, Progress progress) {
            Learners learners = c.get(RunSlots.LEARNERS);
            Study study = c.study();
            Cohort cohort = c.get(RunSlots.COHORT);
            int[] train = c.get(RunSlots.SPLIT).train();
            double[][] x = c.get(RunSlots.X);
            RunSlots.TestPatients tp = c.get(RunSlots.TEST);
            DeferralStage.Fitted deferral = DeferralStage.fit(study, c.get(RunSlots.CATE_MODELS),
                    c.get(RunSlots.T_LEARNERS), learners, binary(study), Stats.select(x, train),
                    Stats.select(cohort.treatment(), train), Stats.select(cohort.outcome(), train),
                    CohortSplits.groupsOf(cohort, train), c.seed(), parallel,
                    c.find(RunSlots.CALIBRATION).orElse(IntervalCalibration.NONE));
            List<PolicyDecisions> policies = new ArrayList<>(c.get(RunSlots.POLICIES));
            DeferralPredictions predicted = DeferralStage.predict(study, deferral, tp.x(), true);
            policies.addAll(DeferralStage.conservative(study, predicted, tp.e(), c.get(RunSlots.OVERLAP)));
            return c.with(RunSlots.DEFERRAL, deferral).with(RunSlots.DEFERRAL_TEST, predicted)
                    .with(RunSlots.POLICIES, List.copyOf(policies));
        }
    }

    /** Step 7: held-out IPW and DR values of every policy with the bootstrap, CATE insights, neural metrics. */
    record Evaluation(boolean parallel) implements Stage {
        public String name() {
            return "evaluation";
        }

        public String detail(RunContext c) {
            return "held-out IPW and DR values, " + c.study().bootstrapRounds() + " bootstrap rounds";
        }

        public RunContext apply(RunContext c, Progress progress) {
            Learners learners = c.get(RunSlots.LEARNERS);
            Study study = c.study();
            Cohort cohort = c.get(RunSlots.COHORT);
            SplitIndices split = c.get(RunSlots.SPLIT);
            double[][] x = c.get(RunSlots.X);
            int[] t = cohort.treatment();
            double[] y = cohort.outcome();
            RunSlots.TestPatients tp = c.get(RunSlots.TEST);
            List<PolicyDecisions> policies = c.get(RunSlots.POLICIES);
            Map<String, double[]> testCates = c.get(RunSlots.TEST_CATES);
            OutcomeStage.Output outcome = c.get(RunSlots.OUTCOME);
            AnalysisStage.checkTreeNames(study, policies);
            ProbabilityModel pStarModel = learners.evaluationPropensity().fit(x, t, null,
                    Seeds.derive(c.seed(), "p-star"));
            double[] pStar = pStarModel.predictProba(tp.x());
            TLearner.Fitted plugIn = outcome.models().stream()
                    .filter(f -> f.name().equals(study.policyEvaluation().plugIn())).findFirst().orElseThrow();
            HeldOut modelHeldOut = new HeldOut(Stats.select(y, split.test()), tp.t(), pStar, plugIn.mu(tp.x(), 0),
                    plugIn.mu(tp.x(), 1));
            // policies are valued on the modelled outcome, or on the study's derived evaluation outcome
            ValuedOutcome valued = ValuedOutcome.of(study, c.table(), cohort, modelHeldOut, policies, testCates,
                    learners, x, t, split, pStar, c.seed());
            HeldOut heldOut = valued.heldOut();
            int[] groups = cohort.groupIndex();
            Bootstrap.Result boot = Bootstrap.run(heldOut, valued.policies(), study.bootstrapRounds(),
                    Seeds.derive(c.seed(), "bootstrap"), parallel,
                    groups == null ? null : valued.restrict(Stats.select(groups, split.test())),
                    study.bootstrapEngine());
            List<RunResult.PolicyResult> policyResults = PolicySet.summarise(heldOut, valued.policies(), boot);
            double[] psi = CateCalibration.pseudoOutcomes(modelHeldOut.y(), tp.t(), modelHeldOut.pStar1(),
                    modelHeldOut.mu0(), modelHeldOut.mu1(), HeldOut.CLIP);
            List<String> rejected = outcome.metrics().stream().filter(RunResult.OutcomeModelMetric::rejected)
                    .map(m -> String.format(Locale.ROOT, "%s (arm '%s'): validation RMSE %.3f vs outcome SD %.3f,"
                            + " MSE >= 0.9 x variance", m.model(), m.arm(), m.rmse(), m.outcomeSd())).toList();
            RunResult.CateInsights insights = CateStage.insights(testCates, psi, rejected,
                    Seeds.derive(c.seed(), "insights"));
            NnMetricsStage.Output nn = NnMetricsStage.run(c.get(RunSlots.CATE_MODELS), testCates,
                    insights.impliedAte(), tp.x(), tp.t(), modelHeldOut.y(), binary(study), armLabels(study),
                    Seeds.derive(c.seed(), "nn-metrics"), NnMetricsStage.Classes.of(study.outcome(), y, split.test()));
            return c.with(RunSlots.EVALUATION, new RunSlots.Evaluation(pStarModel, pStar, plugIn, modelHeldOut,
                    valued, boot, policyResults, insights, nn));
        }
    }

    /** Steps 8–9: the policy chosen on the validation split, win matrix, outcome tree, rank graph, verdict. */
    record Insights(boolean parallel) implements Stage {
        public String name() {
            return "insights";
        }

        public String detail(RunContext c) {
            return "policy chosen on the validation split; win matrix, outcome tree, rank graph and verdict";
        }

        public RunContext apply(RunContext c, Progress progress) {
            Learners learners = c.get(RunSlots.LEARNERS);
            Study study = c.study();
            Cohort cohort = c.get(RunSlots.COHORT);
            RunSlots.Evaluation ev = c.get(RunSlots.EVALUATION);
            RunResult.Selection selection = ValidationChoice.choose(study, c.table(), cohort,
                    new ValidationChoice.Fitted(c.get(RunSlots.CATE_MODELS), c.find(RunSlots.DEFERRAL).orElse(null),
                            c.get(RunSlots.OVERLAP), c.get(RunSlots.PROPENSITY).e(), ev.pStarModel(), ev.plugIn()),
                    c.get(RunSlots.X), cohort.treatment(), cohort.outcome(), c.get(RunSlots.SPLIT), learners,
                    c.seed(), ev.valued());
            RunResult.PolicyInsights insights = PolicyInsightStage.run(ev.valued().study(), ev.valued().heldOut(),
                    ev.valued().policies(), ev.boot(), ev.policyResults(), ev.valued().cates(), armLabels(study),
                    parallel, c.seed(), selection);
            return c.with(RunSlots.POLICY_INSIGHTS, insights);
        }
    }

    /** Step 10: secondary outcomes, outcome trees, policy summaries, deferral insights and the deferral sweep. */
    record Analyses(boolean parallel) implements Stage {
        public String name() {
            return "analyses";
        }

        public String detail(RunContext c) {
            return "secondary outcomes, outcome trees, policy summaries, deferral insights";
        }

        public RunContext apply(RunContext c, Progress progress) {
            Learners learners = c.get(RunSlots.LEARNERS);
            Study study = c.study();
            Cohort cohort = c.get(RunSlots.COHORT);
            RunSlots.Evaluation ev = c.get(RunSlots.EVALUATION);
            RunSlots.TestPatients tp = c.get(RunSlots.TEST);
            RunResult.PolicyInsights insights = c.get(RunSlots.POLICY_INSIGHTS);
            AnalysisStage.Output analyses = AnalysisStage.run(new AnalysisStage.Inputs(study, c.table(), cohort,
                    c.get(RunSlots.X), cohort.treatment(), c.get(RunSlots.SPLIT),
                    c.get(RunSlots.ENCODING).featureNames(), ev.pStar(), c.get(RunSlots.POLICIES),
                    ev.valued().heldOut(), ev.valued().policies(), tp.inOverlap(), armLabels(study),
                    insights.selectedPolicy()), learners, Seeds.derive(c.seed(), "analyses"), parallel);
            RunContext out = c.with(RunSlots.ANALYSES, analyses);
            DeferralStage.Fitted deferral = c.find(RunSlots.DEFERRAL).orElse(null);
            if (deferral == null) {
                return out;
            }
            Study.Deferral d = study.deferral();
            OverlapSet overlap = c.get(RunSlots.OVERLAP);
            String sweepPolicy = DeferralSweep.sweepPolicy(insights.selectedPolicy(), deferral);
            DeferralPredictions predicted = c.get(RunSlots.DEFERRAL_TEST);
            List<DeferralResult.SweepPoint> sweep = DeferralSweep.sweep(study, predicted, tp.e(), overlap,
                    ev.valued());
            DeferralResult result = new DeferralResult(d.alphaStat(), d.lambda(), d.bootstrapRefits(),
                    deferral.methods(), DeferralSweep.boundsMethod(deferral.boundsFolds(),
                    deferral.boundsReuse(), deferral.sweepRows()), DeferralSweep.JOINT_RULE,
                    sweepPolicy,
                    DeferralSweep.sets(study, predicted, tp.e(), overlap),
                    ResultParts.calibration(c.find(RunSlots.CALIBRATION).orElse(IntervalCalibration.NONE)));
            RunOutput.FittedDeferral fitted = new RunOutput.FittedDeferral(sweepPolicy, deferral.models(),
                    d.alphaStat(), d.lambda());
            return out.with(RunSlots.DEFERRAL_OUTCOME, new RunSlots.DeferralOutcome(result, sweep, fitted));
        }
    }

    /** The cross-fitted AIPW average effects over the whole cohort. */
    record Ate() implements Stage {
        public String name() {
            return "ate";
        }

        public String detail(RunContext c) {
            int folds = c.study().ateFolds(c.get(RunSlots.COHORT).size());
            String donor = donor(c);
            return donor == null ? "cross-fitted AIPW over the whole cohort (" + folds + " folds)"
                    : "AIPW over the whole cohort on " + donor + "'s cross-fitted nuisances (" + folds
                    + " folds of the training split; validation and test patients from its fold models)";
        }

        /** The estimator whose nuisances the ATE takes ({@link AteEstimands#donor}), or null. */
        private static String donor(RunContext c) {
            Cohort cohort = c.get(RunSlots.COHORT);
            CrossFitAipw aipw = AteEstimands.aipw(c.get(RunSlots.LEARNERS), c.study(), cohort.size());
            return AteEstimands.donor(c.study(), c.find(RunSlots.CATE_MODELS).orElse(null), aipw,
                    c.get(RunSlots.SPLIT).train().length, cohort.size(), cohort.groupIndex() != null);
        }

        public RunContext apply(RunContext c, Progress progress) {
            Learners learners = c.get(RunSlots.LEARNERS);
            Study study = c.study();
            Cohort cohort = c.get(RunSlots.COHORT);
            CrossFitAipw aipw = AteEstimands.aipw(learners, study, cohort.size());
            String donor = donor(c);
            if (donor != null) {
                // from 200,000 training rows: the DR-learner's cross-fit of the same learners, extended to the
                // validation and test patients by its fold models, instead of a second cross-fit of every patient
                FinalStageModel fs = (FinalStageModel) c.get(RunSlots.CATE_MODELS).get(donor);
                org.causalrx.causal.AipwEstimands reused = AteEstimands.fromTraining(fs.nuisances(), aipw,
                        c.get(RunSlots.SPLIT).train(), c.get(RunSlots.X), cohort.treatment(), cohort.outcome());
                if (reused != null) {
                    return c.with(RunSlots.ATE, AteEstimands.estimate(reused, aipw.folds(), study,
                                    AteEstimands.describeReuse(donor, aipw.folds())))
                            .with(RunSlots.ATE_ARM_MEANS, new double[] {reused.armMean(0), reused.armMean(1)});
                }
            }
            CrossFitAipw.Fit fit = aipw.fit(c.get(RunSlots.X), cohort.treatment(), cohort.outcome(),
                    AteEstimands.seed(c.seed()), cohort.groupIndex(), f -> aipw.propensity());
            org.causalrx.causal.AipwEstimands nuisances = fit.nuisances();
            return c.with(RunSlots.ATE, AteEstimands.estimate(nuisances, aipw.folds(), study))
                    .with(RunSlots.ATE_ARM_MEANS, new double[] {nuisances.armMean(0), nuisances.armMean(1)})
                    .with(RunSlots.ATE_TUNING, aipw.tuning(fit));
        }
    }

    /** Cross-fitted values of the run's policies over all patients, when the study asks for them. */
    record CrossFit() implements Stage {
        public String name() {
            return "cross-fit";
        }

        public boolean appliesTo(Study study) {
            return study.policyEvaluation().crossFit();
        }

        public String detail(RunContext c) {
            return CrossFitPolicyStage.describe(c.study(), c.get(RunSlots.COHORT).outcome().length);
        }

        public RunContext apply(RunContext c, Progress progress) {
            Learners learners = c.get(RunSlots.LEARNERS);
            Cohort cohort = c.get(RunSlots.COHORT);
            return c.with(RunSlots.CROSS_FITTED, CrossFitPolicyStage.run(c.study(), learners,
                    c.get(RunSlots.PROPENSITY).selected(), c.get(RunSlots.X), cohort.treatment(), cohort.outcome(),
                    c.get(RunSlots.OVERLAP), c.get(RunSlots.POLICIES), c.seed(), cohort.groupIndex()));
        }
    }

    /** Puts the stages' products together as the run's {@link RunOutput}. */
    record Assemble() implements Stage {
        public String name() {
            return "result";
        }

        public boolean reported() {
            return false;
        }

        public String detail(RunContext c) {
            return "assembling the result";
        }

        public RunContext apply(RunContext c, Progress progress) {
            return c.with(RunSlots.OUTPUT, ResultAssembly.assemble(c));
        }
    }
}
