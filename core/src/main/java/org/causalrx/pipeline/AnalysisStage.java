package org.causalrx.pipeline;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.causalrx.data.Column;
import org.causalrx.data.SplitIndices;
import org.causalrx.data.Table;
import org.causalrx.policy.GroupProfile;
import org.causalrx.policy.GroupProfiles;
import org.causalrx.policy.HeldOut;
import org.causalrx.policy.OutcomeTree;
import org.causalrx.policy.PolicyDecisions;
import org.causalrx.policy.VulnerableGroups;
import org.causalrx.result.DeferralSet;
import org.causalrx.result.PolicyId;
import org.causalrx.study.AnalysisColumns;
import org.causalrx.study.Cohort;
import org.causalrx.study.CovariatePlan;
import org.causalrx.study.Study;
import org.causalrx.util.Seeds;
import org.causalrx.util.Stats;

/**
 * The further analyses of a run's policies ({@link Study.Analyses}): secondary outcomes (§3.11), outcome trees
 * of the listed policies, policy summarisation (recommended arm, agreement with the doctors) and deferral
 * insights with vulnerable groups (§3.9). Deterministic given the seed.
 */
final class AnalysisStage {
    private AnalysisStage() {
    }

    record Output(List<RunResult.SecondaryOutcome> secondary, List<RunResult.PolicyOutcomeTree> trees,
                  List<RunResult.PolicySummary> summaries, RunResult.DeferralInsights deferral,
                  Map<String, Map<PolicyId, double[]>> secondaryDr,
                  Map<String, Map<PolicyId, double[]>> secondaryIpw) {
    }

    /**
     * The inputs the analyses share.
     *
     * @param x         encoded covariates per cohort row
     * @param t         treatment per cohort row
     * @param pStarTest evaluation propensity per test patient
     * @param policies  decisions per test patient (all test patients), run order
     * @param valued    the held-out data the policies were valued on and the policies on those patients
     * @param inOverlap per test patient
     * @param selected  the selected policy (chosen on the validation split), or null
     */
    record Inputs(Study study, Table table, Cohort cohort, double[][] x, int[] t, SplitIndices split,
                  List<String> features, double[] pStarTest, List<PolicyDecisions> policies, HeldOut valued,
                  List<PolicyDecisions> valuedPolicies, boolean[] inOverlap, String[] armLabels, PolicyId selected) {
    }

    static Output run(Inputs in, Learners learners, long seed, boolean parallel) {
        Study study = in.study();
        int[] test = in.split().test();
        List<RunResult.SecondaryOutcome> secondary = new ArrayList<>();
        Map<String, Map<PolicyId, double[]>> dr = new LinkedHashMap<>();
        Map<String, Map<PolicyId, double[]>> ipw = new LinkedHashMap<>();
        for (Study.Outcome o : study.analyses().secondaryOutcomes()) {
            double[] y = AnalysisColumns.secondary(study, in.table(), o, in.cohort().sourceRows());
            OutcomeEvaluation.Evaluated ev = OutcomeEvaluation.run(y, o.type() == Study.OutcomeType.BINARY, learners,
                    in.x(), in.t(), in.split(), in.pStarTest(), in.policies(), study.bootstrapRounds(),
                    Seeds.derive(seed, "secondary-" + o.column()), parallel, in.cohort().groupIndex(),
                    study.bootstrapEngine());
            secondary.add(new RunResult.SecondaryOutcome(o.column(), o.type(),
                    o.direction(), ev.kept().length, test.length - ev.kept().length, ev.plugIn(),
                    ev.results()));
            Map<PolicyId, double[]> d = new LinkedHashMap<>();
            Map<PolicyId, double[]> w = new LinkedHashMap<>();
            for (int p = 0; p < ev.policies().size(); p++) {
                d.put(ev.policies().get(p).id(), ev.boot().dr()[p]);
                w.put(ev.policies().get(p).id(), ev.boot().ipw()[p]);
            }
            dr.put(o.column(), d);
            ipw.put(o.column(), w);
        }
        List<RunResult.PolicyOutcomeTree> trees = trees(study.analyses().outcomeTrees(), in);
        List<RunResult.PolicySummary> summaries = new ArrayList<>();
        RunResult.DeferralInsights deferral = null;
        PolicyDecisions sel = in.policies().stream().filter(p -> p.id().equals(in.selected())).findFirst()
                .orElse(null);
        if (sel != null) {
            Table raw = in.cohort().covariates().rows(test);
            Set<String> categorical = categorical(in.cohort());
            double[][] xTest = Stats.select(in.x(), test);
            int[] tTest = Stats.select(in.t(), test);
            int[] arms = sel.arms();
            int[] byArm = new int[arms.length];
            int[] agree = new int[arms.length];
            int[] deferred = new int[arms.length];
            for (int i = 0; i < arms.length; i++) {
                byArm[i] = arms[i];
                agree[i] = arms[i] == PolicyDecisions.DEFER ? -1 : arms[i] == tTest[i] ? 1 : 0;
            }
            String[] labels = in.armLabels();
            summaries.add(new RunResult.PolicySummary(sel.id(), "recommended_arm", GroupProfiles.describe(
                    "recommended '" + labels[1] + "'", "recommended '" + labels[0] + "'", raw, categorical, xTest,
                    in.features(), byArm, Seeds.derive(seed, "profile-arm"))));
            summaries.add(new RunResult.PolicySummary(sel.id(), "agreement", GroupProfiles.describe(
                    "agrees with the doctors", "disagrees with the doctors", raw, categorical, xTest, in.features(),
                    agree, Seeds.derive(seed, "profile-agreement"))));
            // deferral insights describe the conservative deferral set (overlap + uncertainty) of the
            // selected policy when the run has one, else the selected policy's own deferrals (overlap)
            PolicyId conservative = sel.id().with(DeferralSet.CONSERVATIVE);
            PolicyDecisions def = in.policies().stream().filter(p -> p.id().equals(conservative))
                    .findFirst().orElse(sel);
            int[] defArms = def.arms();
            for (int i = 0; i < defArms.length; i++) {
                deferred[i] = defArms[i] == PolicyDecisions.DEFER ? 1 : 0;
            }
            GroupProfile defer = GroupProfiles.describe("deferred", "recommended", raw, categorical, xTest,
                    in.features(), deferred, Seeds.derive(seed, "profile-deferred"));
            boolean[] isDeferred = new boolean[arms.length];
            boolean[] outside = new boolean[arms.length];
            for (int i = 0; i < arms.length; i++) {
                isDeferred[i] = deferred[i] == 1;
                outside[i] = !in.inOverlap()[i];
            }
            int[] sourceTest = Stats.select(in.cohort().sourceRows(), test);
            List<VulnerableGroups.Group> groups = new ArrayList<>();
            for (String g : study.analyses().vulnerableGroups()) {
                String[] values = AnalysisColumns.groups(study, in.table(), g, sourceTest);
                boolean numeric = in.table().column(g) instanceof Column.Numeric && !categorical.contains(g);
                groups.addAll(VulnerableGroups.of(g, values, numeric, isDeferred, outside,
                        study.analyses().margin()));
            }
            deferral = new RunResult.DeferralInsights(def.id(), defer, study.analyses().margin(), groups);
        }
        return new Output(secondary, trees, summaries, deferral, dr, ipw);
    }

    /** Names of the covariates declared categorical (described by level in a group profile). */
    static Set<String> categorical(Cohort cohort) {
        Set<String> categorical = new HashSet<>();
        for (CovariatePlan c : cohort.plan()) {
            if (c.type() == Study.ValueType.CATEGORICAL) {
                categorical.add(c.name());
            }
        }
        return categorical;
    }

    /** Fails, before any value is computed, when report.outcome_trees names a policy the run does not have. */
    static void checkTreeNames(Study study, List<PolicyDecisions> policies) {
        List<String> all = policies.stream().map(p -> p.id().name()).toList();
        for (String w : study.analyses().outcomeTrees()) {
            if (!w.equals("all") && !all.contains(w)) {
                throw new org.causalrx.util.CausalRxException(study.file() + ": 'report.outcome_trees' names policy '"
                        + w + "', which this run does not have; policies are: " + String.join(", ", all)
                        + " (or write outcome_trees: all)");
            }
        }
    }

    /** Outcome trees on the valued outcome: the selected policy, or the ones listed ("all" = every policy). */
    private static List<RunResult.PolicyOutcomeTree> trees(List<String> wanted, Inputs in) {
        List<PolicyId> names = new ArrayList<>();
        List<PolicyId> all = in.valuedPolicies().stream().map(PolicyDecisions::id).toList();
        if (wanted.isEmpty()) {
            if (in.selected() != null) {
                names.add(in.selected());
            }
        } else if (wanted.equals(List.of("all"))) {
            names.addAll(all);
        } else {
            wanted.forEach(w -> names.add(PolicyId.parse(w)));
        }
        List<RunResult.PolicyOutcomeTree> out = new ArrayList<>();
        for (PolicyId name : names) {
            int[] arms = in.valuedPolicies().get(all.indexOf(name)).arms();
            List<RunResult.OutcomeTreeNode> nodes = new ArrayList<>();
            for (OutcomeTree.Node nd : OutcomeTree.build(in.valued().y(), in.valued().t(), arms)) {
                nodes.add(new RunResult.OutcomeTreeNode(nd.arm() < 0 ? "all" : in.armLabels()[nd.arm()], nd.group(),
                        nd.n(), nd.mean(), nd.sem()));
            }
            out.add(new RunResult.PolicyOutcomeTree(name, nodes));
        }
        return out;
    }
}
