package org.causalrx.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.causalrx.causal.CateModel;
import org.causalrx.causal.CrossFitAipw;
import org.causalrx.causal.diagnostics.CateCalibration;
import org.causalrx.causal.OverlapSet;
import org.causalrx.causal.TLearner;
import org.causalrx.causal.uncertainty.IntervalCalibration;
import org.causalrx.data.CovariateEncoder;
import org.causalrx.data.CovariateSpec;
import org.causalrx.data.Encoding;
import org.causalrx.data.SplitIndices;
import org.causalrx.data.Splits;
import org.causalrx.data.Table;
import org.causalrx.learn.Classifier;
import org.causalrx.policy.Bootstrap;
import org.causalrx.policy.HeldOut;
import org.causalrx.policy.PolicyDecisions;
import org.causalrx.study.Cohort;
import org.causalrx.study.CohortBuilder;
import org.causalrx.study.CovariatePlan;
import org.causalrx.study.Study;
import org.causalrx.util.Seeds;
import org.causalrx.util.Stats;

/**
 * One study run, TRS steps 1–4, 6 and 10, as named stages: cohort and covariates → split → encoding
 * (imputation fit on train) → propensity models and overlap → T-learners → policies → held-out values
 * with bootstrap → cross-fitted AIPW ATE. Deterministic given the study's seed.
 *
 * @param learners which learners to use (see {@link Learners#standard})
 * @param parallel run bootstrap rounds on several threads (same results either way)
 */
public record StudyRun(Learners learners, boolean parallel) {

    public StudyRun() {
        this(Learners.standard(), true);
    }

    public RunOutput run(Study study, Table table, Progress progress) {
        return run(study, table, progress, IntervalCalibration.NONE);
    }

    /** As {@link #run(Study, Table, Progress)}, the deferral's statistical intervals widened by {@code calibration}. */
    public RunOutput run(Study study, Table table, Progress progress, IntervalCalibration calibration) {
        long seed = study.seed();
        CateStage.validate(study);
        progress.stage("cohort", "checking the data against the protocol");
        Cohort cohort = CohortBuilder.build(study, table);
        org.causalrx.study.AnalysisColumns.check(study, table);
        List<String> dataWarnings = FitReadiness.check(study, cohort);
        int[] t = cohort.treatment();
        double[] y = cohort.outcome();
        int n = y.length;

        progress.stage("split", "stratified train / validation / test split");
        Study.Split fr = study.split();
        SplitIndices split = Splits.stratified(t, fr.train(), fr.validation(), fr.test(), Seeds.derive(seed, "split"));
        List<CovariateSpec> kept = cohort.plan().stream().filter(CovariatePlan::kept)
                .map(c -> new CovariateSpec(c.name(), c.type() == Study.ValueType.CATEGORICAL, squared(study, c.name())))
                .toList();
        Encoding encoding = CovariateEncoder.fit(cohort.covariates(), split.train(), kept);
        double[][] x = encoding.transform(cohort.covariates());

        progress.stage("propensity", "fitting " + learners.propensity().size() + " propensity models");
        PropensityStage.Output prop = PropensityStage.run(learners.propensity(), x, t, split.train(),
                split.validation(), seed);
        double[] e = prop.e();
        OverlapSet overlap = overlapSet(study, Stats.select(e, split.train()));

        progress.stage("outcome", "fitting outcome and CATE models: " + String.join(", ", study.estimators()));
        boolean binary = study.outcome().type() == Study.OutcomeType.BINARY;
        // the XGBoost T-learner is always fit: it is the DR plug-in outcome model (App. D)
        List<TLearner> tLearners = learners.tLearners(binary).stream()
                .filter(l -> l.name().equals("t_xgboost") || study.estimators().contains(l.name())).toList();
        String[] armLabels = {study.treatment().label(study.treatment().controlCode()),
                study.treatment().label(study.treatment().treatedCode())};
        OutcomeStage.Output outcome = OutcomeStage.run(tLearners, x, t, y, split.train(), split.validation(),
                armLabels, seed);

        progress.stage("policies", "deciding for " + split.test().length + " held-out patients");
        int[] test = split.test();
        double[][] xTest = Stats.select(x, test);
        int[] tTest = Stats.select(t, test);
        double[] eTest = Stats.select(e, test);
        boolean[] inOverlap = new boolean[test.length];
        for (int i = 0; i < test.length; i++) {
            inOverlap[i] = overlap.contains(eTest[i]);
        }
        Map<String, CateModel> cateModels = CateStage.fit(study.estimators(), outcome.models(),
                Stats.select(x, split.train()), Stats.select(t, split.train()), Stats.select(y, split.train()), seed,
                outcomeKind(study));
        Map<String, double[]> testCates = new LinkedHashMap<>();
        cateModels.forEach((name, m) -> testCates.put(name, m.effect(xTest)));
        List<PolicyDecisions> policies = new ArrayList<>(PolicySet.build(study, testCates, tTest, eTest, inOverlap,
                seed));
        DeferralStage.Fitted deferral = null;
        if (study.deferral() != null) {
            progress.stage("uncertainty", "per-patient intervals (" + study.deferral().bootstrapRefits()
                    + " bootstrap refits) and B-learner bounds; Conservative deferral set");
            deferral = DeferralStage.fit(study, cateModels, tLearners, learners, binary, Stats.select(x, split.train()),
                    Stats.select(t, split.train()), Stats.select(y, split.train()), seed, parallel, calibration);
            policies.addAll(DeferralStage.conservative(study, deferral, xTest, eTest, overlap));
        }
        AnalysisStage.checkTreeNames(study, policies);

        progress.stage("evaluation", "held-out IPW and DR values, " + study.bootstrapRounds() + " bootstrap rounds");
        Classifier evalLearner = learners.evaluationPropensity();
        org.causalrx.learn.ProbabilityModel pStarModel = evalLearner.fit(x, t, null, Seeds.derive(seed, "p-star"));
        double[] pStar = pStarModel.predictProba(xTest);
        TLearner.Fitted plugIn = outcome.models().get(0);
        HeldOut modelHeldOut = new HeldOut(Stats.select(y, test), tTest, pStar, plugIn.mu(xTest, 0),
                plugIn.mu(xTest, 1));
        // policies are valued on the modelled outcome, or on the study's derived evaluation outcome
        ValuedOutcome valued = ValuedOutcome.of(study, table, cohort, modelHeldOut, policies, testCates, learners, x,
                t, split, pStar, seed);
        HeldOut heldOut = valued.heldOut();
        Bootstrap.Result boot = Bootstrap.run(heldOut, valued.policies(), study.bootstrapRounds(),
                Seeds.derive(seed, "bootstrap"), parallel);
        List<RunResult.PolicyResult> policyResults = PolicySet.summarise(heldOut, valued.policies(), boot);
        double[] psi = CateCalibration.pseudoOutcomes(modelHeldOut.y(), tTest, modelHeldOut.pStar1(),
                modelHeldOut.mu0(), modelHeldOut.mu1(), HeldOut.CLIP);
        List<String> rejected = outcome.metrics().stream().filter(RunResult.OutcomeModelMetric::rejected)
                .map(m -> String.format(java.util.Locale.ROOT, "%s (arm '%s'): validation RMSE %.3f vs outcome SD %.3f,"
                        + " MSE >= 0.9 x variance", m.model(), m.arm(), m.rmse(), m.outcomeSd())).toList();
        RunResult.CateInsights insights = CateStage.insights(testCates, psi, rejected, Seeds.derive(seed, "insights"));
        NnMetricsStage.Output nn = NnMetricsStage.run(cateModels, testCates, insights.impliedAte(), xTest, tTest,
                modelHeldOut.y(), binary, armLabels, Seeds.derive(seed, "nn-metrics"),
                NnMetricsStage.Classes.of(study.outcome(), y, test));
        progress.stage("insights", "policy chosen on the validation split; win matrix, outcome tree, rank graph and "
                + "verdict");
        RunResult.Selection selection = ValidationChoice.choose(study, table, cohort, new ValidationChoice.Fitted(
                cateModels, deferral, overlap, e, pStarModel, plugIn), x, t, y, split, learners, seed, valued);
        RunResult.PolicyInsights policyInsights = PolicyInsightStage.run(valued.study(), heldOut, valued.policies(),
                boot, policyResults, valued.cates(), armLabels, parallel, seed, selection);
        progress.stage("analyses", "secondary outcomes, outcome trees, policy summaries, deferral insights");
        AnalysisStage.Output analyses = AnalysisStage.run(new AnalysisStage.Inputs(study, table, cohort, x, t, split,
                encoding.featureNames(), pStar, policies, heldOut, valued.policies(), inOverlap, armLabels,
                policyInsights.selectedPolicy()), learners, Seeds.derive(seed, "analyses"), parallel);
        List<TLearner.Fitted> explained = outcome.models().stream().filter(f -> f.name().equals("t_xgboost")).toList();

        DeferralResult deferralResult = null;
        List<DeferralResult.SweepPoint> sweep = null;
        RunOutput.FittedDeferral fittedDeferral = null;
        if (deferral != null) {
            Study.Deferral d = study.deferral();
            String sweepPolicy = DeferralSweep.sweepPolicy(policyInsights.selectedPolicy(), deferral);
            sweep = DeferralSweep.sweep(study, deferral, xTest, eTest, overlap, valued);
            deferralResult = new DeferralResult(d.alphaStat(), d.lambda(), d.bootstrapRefits(), deferral.methods(),
                    DeferralSweep.BOUNDS_METHOD, DeferralSweep.JOINT_RULE, sweepPolicy,
                    DeferralSweep.sets(study, deferral, xTest, eTest, overlap), ResultParts.calibration(calibration));
            fittedDeferral = new RunOutput.FittedDeferral(sweepPolicy, deferral.models(), d.alphaStat(), d.lambda());
        }

        progress.stage("ate", "cross-fitted AIPW over the whole cohort (" + study.ateFolds() + " folds)");
        CrossFitAipw aipw = new CrossFitAipw(learners.evaluationPropensity(), learners.ateOutcome(binary),
                study.ateFolds(), HeldOut.CLIP);
        RunResult.AteResult ate = AteEstimands.estimate(aipw, study, x, t, y, Seeds.derive(seed, "ate"));
        CrossFittedPolicyValues crossFitted = CrossFitPolicyStage.run(study, learners, prop.selected(), x, t, y,
                overlap, policies, progress, seed);

        RunResult result = RunResult.builder()
                .study(study.name())
                .protocol(ResultParts.protocol(study, cohort, armLabels))
                .n(new RunResult.SampleSizes(split.train().length, split.validation().length, test.length))
                .covariates(ResultParts.covariates(cohort, encoding))
                .features(encoding.featureNames())
                .propensity(prop.metrics()).selectedPropensityModel(prop.selected())
                .overlap(new RunResult.OverlapInfo(overlap.etaLow(), overlap.etaHigh(), overlap.method(), test.length,
                        overlap.count(eTest), split.train().length, overlap.count(Stats.select(e, split.train()))))
                .ate(ate)
                .outcomeModels(outcome.metrics()).policies(policyResults).cateInsights(insights)
                .policyInsights(policyInsights)
                .featureImportance(Explanations.all(prop.selected(), prop.model(), explained, xTest,
                        encoding.featureNames(), armLabels))
                .provenance(ResultParts.provenance(study))
                .secondaryOutcomes(analyses.secondary()).evaluationOutcome(valued.info()).outcomeTrees(analyses.trees())
                .policySummaries(analyses.summaries()).deferralInsights(analyses.deferral())
                .nnMetrics(nn.metrics())
                .linearCoefficients(OutcomeModelDetails.coefficients(prop.models(), outcome.models(),
                        encoding.featureNames(), armLabels))
                .deferral(deferralResult).deferralSweep(sweep)
                .policyValueScheme(PolicyValueScheme.TEST_SPLIT).crossFittedPolicyValues(crossFitted)
                .dataWarnings(dataWarnings)
                .build();
        Map<String, double[]> dr = new LinkedHashMap<>();
        Map<String, double[]> ipw = new LinkedHashMap<>();
        for (int p = 0; p < valued.policies().size(); p++) {
            dr.put(valued.policies().get(p).name(), boot.dr()[p]);
            ipw.put(valued.policies().get(p).name(), boot.ipw()[p]);
        }
        RunFigures figures = new RunFigures(prop.calibration(),
                byArm(Stats.select(e, split.train()), Stats.select(t, split.train()), null),
                byArm(Stats.select(e, split.train()), Stats.select(t, split.train()), overlap),
                dr, ipw, new AnalysisFigures(analyses.secondaryDr(), analyses.secondaryIpw(),
                Explanations.details(prop.selected(), prop.model(), explained, xTest, encoding.featureNames(),
                        armLabels, 20)),
                new ModelFigures(nn.roc(), OutcomeModelDetails.residuals(outcome.models(), x, t, y,
                        split.validation(), "validation", armLabels)));
        Map<String, int[]> decisions = new LinkedHashMap<>();
        for (PolicyDecisions d : policies) {
            decisions.put(d.name(), d.arms());
        }
        int[] source = new int[test.length];
        int[] cohortRows = cohort.sourceRows();
        for (int i = 0; i < test.length; i++) {
            source[i] = cohortRows[test[i]];
        }
        FittedModels models = new FittedModels(encoding, FittedModels.textColumns(cohort.covariates()),
                prop.selected(), prop.model(), overlap, cateModels, CateStage.singles(study.estimators()));
        return new RunOutput(result, figures, new RunOutput.HeldOutDetail(source, tTest, modelHeldOut.y(), eTest,
                decisions), models, fittedDeferral);
    }

    private static boolean squared(Study study, String covariate) {
        return study.covariates().stream().anyMatch(c -> c.name().equals(covariate) && c.squared());
    }

    private static OverlapSet overlapSet(Study study, double[] trainE) {
        Study.Overlap o = study.overlap();
        if (o != null && o.etaLow() != null && o.etaHigh() != null) {
            return new OverlapSet(o.etaLow(), o.etaHigh(), "given in the study");
        }
        OverlapSet chosen = OverlapSet.crump(trainE);
        if (o != null && o.etaLow() != null) {
            return new OverlapSet(o.etaLow(), chosen.etaHigh(), "eta_low given in the study; eta_high "
                    + chosen.method());
        }
        if (o != null && o.etaHigh() != null) {
            return new OverlapSet(chosen.etaLow(), o.etaHigh(), "eta_high given in the study; eta_low "
                    + chosen.method());
        }
        return chosen;
    }

    private static Map<String, double[]> byArm(double[] e, int[] t, OverlapSet keep) {
        Map<String, double[]> m = new LinkedHashMap<>();
        String[] names = {"control", "treated"};
        for (int arm = 0; arm <= 1; arm++) {
            List<Double> v = new ArrayList<>();
            for (int i = 0; i < e.length; i++) {
                if (t[i] == arm && (keep == null || keep.contains(e[i]))) {
                    v.add(e[i]);
                }
            }
            m.put(names[arm], v.stream().mapToDouble(Double::doubleValue).toArray());
        }
        return m;
    }

    /** The study's outcome type as the kind {@link org.causalrx.causal.OutcomeAware} estimators are configured for. */
    static org.causalrx.causal.OutcomeAware.Kind outcomeKind(Study study) {
        return org.causalrx.causal.OutcomeAware.Kind.valueOf(study.outcome().type().name());
    }

}
