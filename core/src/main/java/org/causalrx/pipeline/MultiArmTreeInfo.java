package org.causalrx.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.causalrx.causal.MultiArmCateModel;
import org.causalrx.causal.policytree.MultiArmPolicyTree;
import org.causalrx.policy.MultiArmRule;
import org.causalrx.policy.PolicyTreeRules;
import org.causalrx.result.Arms;

/**
 * A fitted K-action policy tree as results.json writes it (K-arm key {@code policy_trees}): the tree in the two-arm
 * form (nodes with feature names and thresholds; each node's {@code mean_effect} is the contrast of the arm it
 * would choose, each leaf's arm the one the study's K-arm decision rule gives its mean contrasts: the Inclusive
 * policy), and every leaf's mean DR contrast of each arm against the reference.
 *
 * @param tree        questions, nodes and leaf rules
 * @param leafEffects per leaf (preorder) the mean contrast and SE of every arm against the reference
 */
public record MultiArmTreeInfo(PolicyTreeInfo tree, List<LeafEffects> leafEffects) {
    public MultiArmTreeInfo {
        leafEffects = List.copyOf(leafEffects);
    }

    /**
     * @param node       index of the leaf
     * @param meanEffect per arm (reference first, 0): the training patients' mean DR contrast (outcome units)
     * @param se         per arm, its standard error
     */
    public record LeafEffects(int node, List<Double> meanEffect, List<Double> se) {
        public LeafEffects {
            meanEffect = List.copyOf(meanEffect);
            se = List.copyOf(se);
        }
    }

    /** The K-action policy trees among a K-arm run's fitted models, in the run's order. */
    static List<MultiArmTreeInfo> of(Map<String, MultiArmCateModel> models, List<String> featureNames,
                                     MultiArmRule rule, Arms arms) {
        List<MultiArmTreeInfo> out = new ArrayList<>();
        models.forEach((name, m) -> {
            if (m instanceof MultiArmPolicyTree t) {
                out.add(of(name, t, featureNames, rule, arms));
            }
        });
        return out;
    }

    /** One tree with the features' names, its leaves' arms under {@code rule} and the arms' labels. */
    static MultiArmTreeInfo of(String name, MultiArmPolicyTree t, List<String> featureNames, MultiArmRule rule,
                               Arms arms) {
        List<PolicyTreeInfo.Leaf> leaves = new ArrayList<>();
        List<LeafEffects> effects = new ArrayList<>();
        for (PolicyTreeRules.Leaf l : PolicyTreeRules.leaves(t.tree(), featureNames)) {
            MultiArmPolicyTree.NodeEffects e = t.nodes().get(l.node());
            double[] tau = e.mean().stream().mapToDouble(Double::doubleValue).toArray();
            int arm = rule.pair(tau).best();
            int n = t.tree().nodes().get(l.node()).n();
            leaves.add(new PolicyTreeInfo.Leaf(l.node(), l.path(), arm, arms.label(arm), l.path() + " → '"
                    + arms.label(arm) + "'", n, e.mean().get(arm), e.se().get(arm)));
            effects.add(new LeafEffects(l.node(), e.mean(), e.se()));
        }
        return new MultiArmTreeInfo(new PolicyTreeInfo(name, t.tree().depth(), PolicyTreeInfo.nodes(t.tree(),
                featureNames), leaves), effects);
    }
}
