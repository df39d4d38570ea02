package org.causalrx.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.causalrx.policy.Bootstrap;
import org.causalrx.policy.HeldOut;
import org.causalrx.policy.OutcomeTree;
import org.causalrx.policy.PolicyDecisions;
import org.causalrx.policy.RankCurve;
import org.causalrx.policy.WinMatrix;
import org.causalrx.study.Study;
import org.causalrx.util.Seeds;

/** TRS step 11: win matrices, the outcome tree of the selected policy, rank curves and the verdict. */
final class PolicyInsightStage {
    /** Baseline policy names (the rest are learned). */
    static boolean isBaseline(String name) {
        return name.equals("doctors") || name.equals("random") || name.equals("propensity")
                || name.startsWith("treat_all_");
    }

    private PolicyInsightStage() {
    }

    static RunResult.PolicyInsights run(Study study, HeldOut heldOut, List<PolicyDecisions> policies,
                                        Bootstrap.Result boot, List<RunResult.PolicyResult> results,
                                        Map<String, double[]> testCates, String[] armLabels, boolean parallel,
                                        long seed) {
        int sign = study.outcome().sign();
        int[][] winsDr = WinMatrix.wins(boot.dr(), sign);
        int[][] winsIpw = WinMatrix.wins(boot.ipw(), sign);
        List<String> names = boot.policies();
        int best = -1;
        int bestLearned = -1;
        for (int p = 0; p < results.size(); p++) {
            double v = results.get(p).valueDr().mean();
            if (best < 0 || sign * (v - results.get(best).valueDr().mean()) > 0) {
                best = p;
            }
            if (!isBaseline(names.get(p)) && (bestLearned < 0
                    || sign * (v - results.get(bestLearned).valueDr().mean()) > 0)) {
                bestLearned = p;
            }
        }
        String selected = bestLearned >= 0 ? names.get(bestLearned) : null;
        List<RunResult.OutcomeTreeNode> tree = new ArrayList<>();
        if (selected != null) {
            for (OutcomeTree.Node nd : OutcomeTree.build(heldOut.y(), heldOut.t(), policies.get(bestLearned).arms())) {
                tree.add(new RunResult.OutcomeTreeNode(nd.arm() < 0 ? "all" : armLabels[nd.arm()], nd.group(), nd.n(),
                        nd.mean(), nd.sem()));
            }
        }
        List<RunResult.RankCurve> curves = new ArrayList<>();
        int rounds = boot.dr().length == 0 ? 0 : boot.dr()[0].length;
        long rankSeed = Seeds.derive(seed, "rank-bootstrap");
        org.causalrx.policy.DecisionRule rule = study.decisionRule();
        for (Map.Entry<String, double[]> e : testCates.entrySet()) {
            double[] benefit = e.getValue().clone();
            for (int i = 0; i < benefit.length; i++) {
                benefit[i] = rule.benefit(benefit[i]);
            }
            curves.add(curve(RankCurve.compute(e.getKey(), heldOut, benefit, rounds, rankSeed, parallel)));
        }
        curves.add(curve(RankCurve.compute("random", heldOut,
                RankCurve.randomBenefit(heldOut.size(), Seeds.derive(seed, "rank-random")), rounds, rankSeed,
                parallel)));
        int doctors = names.indexOf("doctors");
        double beats = bestLearned >= 0 && doctors >= 0 ? winsDr[bestLearned][doctors] / (double) rounds : Double.NaN;
        return new RunResult.PolicyInsights(names, rounds, winsDr, winsIpw, selected, tree, curves,
                verdict(names, best, bestLearned, beats, study));
    }

    private static RunResult.RankCurve curve(RankCurve.Curve c) {
        return new RunResult.RankCurve(c.name(), c.share(), c.value(), c.low(), c.high());
    }

    static RunResult.Verdict verdict(List<String> names, int best, int bestLearned, double beats, Study study) {
        String bestName = names.get(best);
        String learned = bestLearned >= 0 ? names.get(bestLearned) : null;
        List<String> warnings = new ArrayList<>();
        if (bestName.startsWith("treat_all_")) {
            warnings.add("Treating everyone the same way (" + bestName + ") is best: no personalisation is needed.");
        } else if (bestName.equals("doctors")) {
            warnings.add("The clinicians' own decisions (Doctors) are best: the models add nothing.");
        } else if (bestName.equals("propensity")) {
            warnings.add("The Propensity policy is best: the clinicians' aggregated practice (\"wisdom of the "
                    + "crowd\") is the policy to build on.");
        } else if (bestName.equals("random")) {
            warnings.add("A random policy is best: no policy here does better than chance.");
        }
        String better = study.outcome().direction() == Study.Direction.HIGHER ? "higher" : "lower";
        String text;
        if (learned == null) {
            text = "No learned policy was evaluated.";
        } else {
            text = String.format(Locale.ROOT, "Best policy by DR mean: %s. Best learned policy: %s, which beats "
                    + "Doctors in %.1f %% of bootstrap rounds (%s %s is better).", bestName, learned, 100 * beats,
                    better, study.outcome().column());
            if (beats < 0.95) {
                text += " That is short of the 95 % a clinical team would want before acting on it.";
            }
        }
        return new RunResult.Verdict(bestName, learned, beats, text, warnings);
    }
}
