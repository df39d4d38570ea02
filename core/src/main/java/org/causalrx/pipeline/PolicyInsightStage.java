package org.causalrx.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.causalrx.policy.Bootstrap;
import org.causalrx.policy.HeldOut;
import org.causalrx.policy.OutcomeTree;
import org.causalrx.policy.PolicyDecisions;
import org.causalrx.policy.RankCurve;
import org.causalrx.policy.WinMatrix;
import org.causalrx.result.Baseline;
import org.causalrx.result.PolicyId;
import org.causalrx.study.Study;
import org.causalrx.util.Seeds;

/** TRS step 11: win matrices, the outcome tree of the selected policy, rank curves and the verdict. */
final class PolicyInsightStage {
    private PolicyInsightStage() {
    }

    /**
     * @param selection how the recommended policy was chosen (on data other than {@code heldOut}); its selected
     *                  policy is the one the outcome tree, the headline and the verdict describe
     */
    static RunResult.PolicyInsights run(Study study, HeldOut heldOut, List<PolicyDecisions> policies,
                                        Bootstrap.Result boot, List<RunResult.PolicyResult> results,
                                        Map<String, double[]> testCates, String[] armLabels, boolean parallel,
                                        long seed, RunResult.Selection selection) {
        int sign = study.outcome().sign();
        int[][] winsDr = WinMatrix.wins(boot.dr(), sign);
        int[][] winsIpw = WinMatrix.wins(boot.ipw(), sign);
        List<PolicyId> names = boot.policies();
        PolicyId selected = selection.selected();
        int selectedIndex = selected == null ? -1 : names.indexOf(selected);
        List<RunResult.OutcomeTreeNode> tree = selectedIndex < 0 ? new ArrayList<>()
                : outcomeTree(heldOut.y(), heldOut.t(), policies.get(selectedIndex).arms(), armLabels);
        int rounds = boot.dr().length == 0 ? 0 : boot.dr()[0].length;
        org.causalrx.policy.DecisionRule rule = study.decisionRule();
        Map<String, double[]> benefits = new LinkedHashMap<>();
        for (Map.Entry<String, double[]> e : testCates.entrySet()) {
            double[] benefit = e.getValue().clone();
            for (int i = 0; i < benefit.length; i++) {
                benefit[i] = rule.benefit(benefit[i]);
            }
            benefits.put(e.getKey(), benefit);
        }
        List<RunResult.RankCurve> curves = rankCurves(heldOut, 1, benefits, rounds, seed, parallel);
        return new RunResult.PolicyInsights(names, rounds, winsDr, winsIpw, selected, tree, curves,
                PolicyVerdict.of(study, boot, results, selectedIndex, heldOut.size(),
                        selection.scheme().split()), selection);
    }

    /**
     * The outcome tree of one policy with arm labels: the root, then per arm (0 first) its node and the agree /
     * disagree / deferred children.
     *
     * @param labels label per arm; its length is the number of arms
     */
    static List<RunResult.OutcomeTreeNode> outcomeTree(double[] y, int[] t, int[] decisions, String[] labels) {
        List<RunResult.OutcomeTreeNode> tree = new ArrayList<>();
        for (OutcomeTree.Node nd : OutcomeTree.build(y, t, decisions, labels.length)) {
            tree.add(new RunResult.OutcomeTreeNode(nd.arm() < 0 ? "all" : labels[nd.arm()], nd.group(), nd.n(),
                    nd.mean(), nd.sem()));
        }
        return tree;
    }

    /**
     * Rank curves of {@code arm} against the reference arm 0, one per ranking in {@code benefits} (predicted benefit
     * per held-out patient, larger = give the arm first), then a seeded random ranking; every curve uses the same
     * bootstrap resamples.
     */
    static List<RunResult.RankCurve> rankCurves(HeldOut heldOut, int arm, Map<String, double[]> benefits, int rounds,
                                                long seed, boolean parallel) {
        long rankSeed = Seeds.derive(seed, "rank-bootstrap");
        // every curve uses the same resamples: one pass draws each round once for all the rankings
        List<String> names = new ArrayList<>(benefits.keySet());
        List<double[]> rankings = new ArrayList<>(benefits.values());
        names.add(Baseline.RANDOM.key());
        rankings.add(RankCurve.randomBenefit(heldOut.size(), Seeds.derive(seed, "rank-random")));
        List<RunResult.RankCurve> curves = new ArrayList<>();
        for (RankCurve.Curve c : RankCurve.computeAll(names, heldOut, arm, rankings, rounds, rankSeed, parallel)) {
            curves.add(curve(c));
        }
        return curves;
    }

    private static RunResult.RankCurve curve(RankCurve.Curve c) {
        return new RunResult.RankCurve(c.name(), c.share(), c.value(), c.low(), c.high());
    }
}
