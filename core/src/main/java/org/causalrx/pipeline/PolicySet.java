package org.causalrx.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.causalrx.policy.Bootstrap;
import org.causalrx.policy.HeldOut;
import org.causalrx.policy.Policies;
import org.causalrx.policy.PolicyDecisions;
import org.causalrx.policy.PolicyValue;
import org.causalrx.result.DeferralSet;
import org.causalrx.result.PolicyId;
import org.causalrx.result.PolicyKind;
import org.causalrx.study.Study;
import org.causalrx.util.Seeds;
import org.causalrx.util.Stats;

/** TRS step 10: the baseline and learned policies of a run, and the summaries of their bootstrap values. */
final class PolicySet {
    private PolicySet() {
    }

    static List<PolicyDecisions> build(Study study, Map<String, double[]> testCates, int[] tTest,
                                       double[] eTest, boolean[] inOverlap, long seed) {
        Study.Treatment tr = study.treatment();
        List<PolicyDecisions> out = new ArrayList<>();
        out.add(Policies.doctors(tTest));
        out.add(Policies.random(tTest, inOverlap, Seeds.derive(seed, "random-policy")));
        out.add(Policies.propensity(eTest, inOverlap));
        out.add(Policies.treatAll(0, tr.controlCode(), tr.label(tr.controlCode()), inOverlap));
        out.add(Policies.treatAll(1, tr.treatedCode(), tr.label(tr.treatedCode()), inOverlap));
        org.causalrx.policy.DecisionRule rule = study.decisionRule();
        String better = study.outcome().direction() == Study.Direction.HIGHER ? "raises" : "lowers";
        String[] labels = {tr.label(tr.controlCode()), tr.label(tr.treatedCode())};
        for (String name : study.estimators()) {
            if (name.equals(PolicyKind.CONSENSUS_NAME)) {
                List<double[]> members = CateStage.singles(study.estimators()).stream().map(testCates::get).toList();
                String memberNames = String.join(", ", CateStage.singles(study.estimators()));
                String text = rule.isSignRule()
                        ? "consensus of " + memberNames + ": give '" + tr.label(tr.treatedCode())
                        + "' only where all agree the effect " + better + " " + study.outcome().column()
                        + "; defer where they disagree or "
                        + "outside overlap"
                        : "consensus of " + memberNames + ", each deciding by the rule: " + rule.words(labels,
                        study.outcome().column()) + "; defer where they disagree or outside overlap";
                out.add(Policies.consensus(PolicyId.of(name), text, members, rule, inOverlap));
                continue;
            }
            PolicyId id = new PolicyId(name, study.deferral() == null ? DeferralSet.NONE : DeferralSet.INCLUSIVE);
            String text = rule.isSignRule()
                    ? id + ": give '" + tr.label(tr.treatedCode()) + "' when the predicted effect " + better
                    + " " + study.outcome().column() + "; defer outside overlap"
                    : id + ": " + rule.words(labels, study.outcome().column()) + "; defer outside overlap";
            out.add(Policies.decisionRule(id, text, testCates.get(name), rule, inOverlap));
        }
        return out;
    }

    static List<RunResult.PolicyResult> summarise(HeldOut heldOut, List<PolicyDecisions> policies,
                                                  Bootstrap.Result boot) {
        List<RunResult.PolicyResult> out = new ArrayList<>();
        for (int p = 0; p < policies.size(); p++) {
            PolicyDecisions d = policies.get(p);
            PolicyValue.Values point = PolicyValue.evaluate(heldOut, d.valuedArms(), null);
            out.add(new RunResult.PolicyResult(d.id(), d.description(), d.treatedShare(), d.deferredShare(),
                    point.dr(), point.ipw(), summary(boot.dr()[p]), summary(boot.ipw()[p])));
        }
        return out;
    }

    /** Mean, SD, min, quartiles, max over the rounds where the value is defined (not NaN). */
    static RunResult.Summary summary(double[] values) {
        double[] v = java.util.Arrays.stream(values).filter(d -> !Double.isNaN(d)).sorted().toArray();
        if (v.length == 0) {
            return new RunResult.Summary(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                    Double.NaN);
        }
        return new RunResult.Summary(Stats.mean(v), Stats.sd(v), v[0], Stats.quantileSorted(v, 0.25),
                Stats.quantileSorted(v, 0.5), Stats.quantileSorted(v, 0.75), v[v.length - 1]);
    }
}
