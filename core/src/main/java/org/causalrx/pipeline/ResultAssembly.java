package org.causalrx.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.causalrx.causal.OverlapSet;
import org.causalrx.causal.TLearner;
import org.causalrx.data.Encoding;
import org.causalrx.data.SplitIndices;
import org.causalrx.policy.PolicyDecisions;
import org.causalrx.result.PolicyId;
import org.causalrx.study.Cohort;
import org.causalrx.study.Study;
import org.causalrx.util.Seeds;
import org.causalrx.util.Stats;

/** Puts the products of a run's stages together as its {@link RunOutput}: the result, figure data, held-out detail. */
final class ResultAssembly {
    private ResultAssembly() {
    }

    static RunOutput assemble(RunContext c) {
        Study study = c.study();
        Cohort cohort = c.get(RunSlots.COHORT);
        SplitIndices split = c.get(RunSlots.SPLIT);
        Encoding encoding = c.get(RunSlots.ENCODING);
        double[][] x = c.get(RunSlots.X);
        int[] t = cohort.treatment();
        double[] y = cohort.outcome();
        PropensityStage.Output prop = c.get(RunSlots.PROPENSITY);
        OverlapSet overlap = c.get(RunSlots.OVERLAP);
        OutcomeStage.Output outcome = c.get(RunSlots.OUTCOME);
        RunSlots.TestPatients tp = c.get(RunSlots.TEST);
        RunSlots.Evaluation ev = c.get(RunSlots.EVALUATION);
        AnalysisStage.Output analyses = c.get(RunSlots.ANALYSES);
        RunSlots.DeferralOutcome deferral = c.find(RunSlots.DEFERRAL_OUTCOME).orElse(null);
        String[] armLabels = PipelineStages.armLabels(study);
        double[] e = prop.e();
        int[] test = split.test();
        List<TLearner.Fitted> explainedModels = outcome.models().stream().filter(f -> f.name().equals("t_xgboost"))
                .toList();
        ShapRows shapRows = ShapRows.of(tp.x(), ShapRows.IMPORTANCE_ROWS, Seeds.derive(study.seed(), "shap-rows"));
        List<Explanations.Explained> explained = Explanations.explain(prop.selected(), prop.model(), explainedModels,
                shapRows.x(), armLabels);

        RunResult result = RunResult.builder()
                .study(study.name())
                .protocol(ResultParts.protocol(study, cohort, armLabels, c.get(RunSlots.LEARNERS).estimators()))
                .n(new RunResult.SampleSizes(split.train().length, split.validation().length, test.length))
                .covariates(ResultParts.covariates(cohort, encoding))
                .features(encoding.featureNames())
                .propensity(prop.metrics()).selectedPropensityModel(prop.selected())
                .overlap(new RunResult.OverlapInfo(overlap.etaLow(), overlap.etaHigh(), overlap.method(), test.length,
                        overlap.count(tp.e()), split.train().length, overlap.count(Stats.select(e, split.train()))))
                .ate(c.get(RunSlots.ATE))
                .outcomeModels(outcome.metrics()).policies(ev.policyResults()).cateInsights(ev.insights())
                .policyInsights(c.get(RunSlots.POLICY_INSIGHTS))
                .featureImportance(Explanations.importances(explained, encoding.featureNames()))
                .provenance(ResultParts.provenance(study, ev.boot().engine()))
                .secondaryOutcomes(analyses.secondary()).evaluationOutcome(ev.valued().info())
                .outcomeTrees(analyses.trees())
                .policySummaries(analyses.summaries()).deferralInsights(analyses.deferral())
                .nnMetrics(ev.nn().metrics())
                .linearCoefficients(OutcomeModelDetails.coefficients(prop.models(), outcome.models(),
                        encoding.featureNames(), armLabels))
                .deferral(deferral == null ? null : deferral.result())
                .deferralSweep(deferral == null ? null : deferral.sweep())
                .policyValueScheme(PolicyValueScheme.TEST_SPLIT)
                .crossFittedPolicyValues(c.find(RunSlots.CROSS_FITTED).orElse(null))
                .dataWarnings(c.get(RunSlots.DATA_WARNINGS))
                .balance(c.get(RunSlots.BALANCE))
                .heterogeneity(c.find(RunSlots.HETEROGENEITY).orElse(null))
                .sensitivity(c.find(RunSlots.SENSITIVITY).orElse(null))
                .policyTrees(PolicyTreeInfo.of(c.get(RunSlots.CATE_MODELS), encoding.featureNames(),
                        study.decisionRule(), armLabels))
                .refutations(c.find(RunSlots.REFUTATIONS).orElse(null))
                .cohortTables(CohortSummaryStage.of(study.file(), cohort, split, study.treatment().arms()))
                .build();
        Map<PolicyId, double[]> dr = new LinkedHashMap<>();
        Map<PolicyId, double[]> ipw = new LinkedHashMap<>();
        List<PolicyDecisions> valued = ev.valued().policies();
        for (int p = 0; p < valued.size(); p++) {
            dr.put(valued.get(p).id(), ev.boot().dr()[p]);
            ipw.put(valued.get(p).id(), ev.boot().ipw()[p]);
        }
        double[] eTrain = Stats.select(e, split.train());
        int[] tTrain = Stats.select(t, split.train());
        RunFigures figures = new RunFigures(prop.calibration(), byArm(eTrain, tTrain, null),
                byArm(eTrain, tTrain, overlap), dr, ipw,
                new AnalysisFigures(analyses.secondaryDr(), analyses.secondaryIpw(),
                        Explanations.details(explained, shapRows.x(), shapRows.total(), encoding.featureNames(), 20,
                                ShapRows.BEESWARM_ROWS)),
                new ModelFigures(ev.nn().roc(), OutcomeModelDetails.residuals(outcome.models(), x, t, y,
                        split.validation(), "validation", armLabels)));
        Map<PolicyId, int[]> decisions = new LinkedHashMap<>();
        for (PolicyDecisions d : c.get(RunSlots.POLICIES)) {
            decisions.put(d.id(), d.arms());
        }
        int[] source = new int[test.length];
        int[] cohortRows = cohort.sourceRows();
        for (int i = 0; i < test.length; i++) {
            source[i] = cohortRows[test[i]];
        }
        FittedModels models = new FittedModels(encoding, FittedModels.textColumns(cohort.covariates()),
                prop.selected(), prop.model(), overlap, c.get(RunSlots.CATE_MODELS),
                CateStage.singles(study.estimators()));
        return new RunOutput(result, figures, new RunOutput.HeldOutDetail(source, tp.t(), ev.modelHeldOut().y(),
                tp.e(), decisions), models, deferral == null ? null : deferral.fitted());
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
}
