package org.causalrx.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.causalrx.data.SplitIndices;
import org.causalrx.learn.MultiProbabilityModel;
import org.causalrx.policy.ArmChoice;
import org.causalrx.policy.Bootstrap;
import org.causalrx.policy.HeldOut;
import org.causalrx.policy.MultiArmConsensus;
import org.causalrx.policy.MultiArmPolicies;
import org.causalrx.policy.MultiArmRule;
import org.causalrx.policy.PolicyDecisions;
import org.causalrx.policy.PolicyValue;
import org.causalrx.result.Arms;
import org.causalrx.result.DeferralSet;
import org.causalrx.result.PolicyId;
import org.causalrx.result.PolicyKind;
import org.causalrx.study.Cohort;
import org.causalrx.study.Study;
import org.causalrx.util.Seeds;
import org.causalrx.util.Stats;

/**
 * Step 4 of a K-arm run (TRS App. D with K-arm weights): every policy decides for the validation and the test
 * patients; the learned policy with the best DR value on validation is chosen there, and every policy is valued on
 * test (IPW and DR with the evaluation propensity p*(a | x) of a multinomial model fit on all data, or for K = 2 the
 * two-arm run's logistic one ({@link ArmPropensityLearners#evaluation}), deferral by
 * Eq. 5, the bootstrap; it resamples whole patients when the study names a group column). Current practice is
 * valued as the observed outcome.
 */
final class MultiArmEvaluation {
    private static final String VALIDATION = "validation";

    private MultiArmEvaluation() {
    }

    /**
     * What the test split's valuation produced, for the insights stage.
     *
     * @param test     the test patients' outcomes, arms, evaluation propensities and plug-in outcomes
     * @param policies every policy's decisions on the test patients, in the order of the result's policies
     * @param boot     the bootstrap rounds of every policy (same resamples for all)
     * @param selected the learned policy chosen on validation, or null
     */
    record Valued(HeldOut test, List<PolicyDecisions> policies, Bootstrap.Result boot, PolicyId selected) {
    }

    /** The result and what the insights stage needs from the valuation. */
    record Evaluated(MultiArmResult result, Valued valued) {
    }

    static Evaluated run(Study study, Cohort cohort, SplitIndices split, double[][] x,
                              MultiArmPropensity.Output prop, MultiArmStages.Effects effects,
                              MultiArmDeferral.Intervals intervals, List<String> dataWarnings, long seed,
                              boolean parallel) {
        Arms arms = study.treatment().arms();
        int k = arms.size();
        int[] t = cohort.treatment();
        double[] y = cohort.outcome();
        int sign = study.outcome().sign();
        MultiProbabilityModel pStarModel = ArmPropensityLearners.evaluation(k).fit(x, t, k, null,
                Seeds.derive(seed, "p-star"));
        double[][] pStar = pStarModel.predictProba(x);
        MultiArmRule rule = rule(study);

        int[] val = split.validation();
        HeldOut valData = new HeldOut(Stats.select(y, val), Stats.select(t, val), Stats.select(pStar, val),
                effects.muValidation());
        boolean[] inVal = select(prop.inOverlap(), val);
        DeferralSet set = intervals == null ? DeferralSet.NONE : DeferralSet.INCLUSIVE;
        List<PolicyDecisions> valPolicies = policies(study, arms, rule, Stats.select(t, val),
                Stats.select(prop.e(), val), inVal, effects.validation(), set, seed);
        if (intervals != null) {
            valPolicies.addAll(MultiArmDeferral.policies(study, MultiArmDeferral.choices(rule, effects.validation(),
                    intervals.validation(), inVal)));
        }
        List<MultiArmResult.SelectionValue> choice = new ArrayList<>();
        PolicyId selected = null;
        double bestValue = Double.NEGATIVE_INFINITY;
        for (PolicyDecisions p : valPolicies) {
            PolicyId id = p.id();
            if (!id.kind().learned()) {
                continue;
            }
            double v = PolicyValue.evaluate(valData, p.valuedArms(), null).dr();
            choice.add(new MultiArmResult.SelectionValue(id, v));
            if (sign * v > bestValue) {
                bestValue = sign * v;
                selected = id;
            }
        }
        MultiArmResult.Selection selection = new MultiArmResult.Selection(VALIDATION, val.length, selected, choice);

        int[] test = split.test();
        int[] tTest = Stats.select(t, test);
        HeldOut testData = new HeldOut(Stats.select(y, test), tTest, Stats.select(pStar, test), effects.muTest());
        boolean[] inTest = select(prop.inOverlap(), test);
        List<PolicyDecisions> testPolicies = policies(study, arms, rule, tTest, Stats.select(prop.e(), test), inTest,
                effects.test(), set, seed);
        Map<String, List<ArmChoice>> testChoices = intervals == null ? Map.of()
                : MultiArmDeferral.choices(rule, effects.test(), intervals.test(), inTest);
        testPolicies.addAll(MultiArmDeferral.policies(study, testChoices));
        int[] groups = cohort.groupIndex();
        Bootstrap.Result boot = Bootstrap.run(testData, testPolicies, study.bootstrapRounds(),
                Seeds.derive(seed, "bootstrap"), parallel, groups == null ? null : Stats.select(groups, test),
                study.bootstrapEngine());
        double doctors = Stats.mean(testData.y());
        double[] doctorsRounds = boot.dr()[0];
        List<MultiArmResult.PolicyValue> values = new ArrayList<>();
        MultiArmResult.Verdict verdict = null;
        for (int p = 0; p < testPolicies.size(); p++) {
            PolicyDecisions d = testPolicies.get(p);
            PolicyId id = d.id();
            PolicyValue.Values point = PolicyValue.evaluate(testData, d.valuedArms(), null);
            double[] gains = new double[doctorsRounds.length];
            int better = 0;
            for (int r = 0; r < gains.length; r++) {
                gains[r] = boot.dr()[p][r] - doctorsRounds[r];
                better += sign * gains[r] > 0 ? 1 : 0;
            }
            double low = Stats.quantile(gains, 0.025);
            double high = Stats.quantile(gains, 0.975);
            double shareBetter = better / (double) gains.length;
            values.add(new MultiArmResult.PolicyValue(id, id.kind(), d.description(), armShares(d, k),
                    d.deferredShare(), point.dr(), point.ipw(), PolicySet.summary(boot.dr()[p]),
                    PolicySet.summary(boot.ipw()[p]), point.dr() - doctors, low, high, shareBetter));
            if (id.equals(selected)) {
                boolean clear = sign > 0 ? low > 0 : high < 0;
                verdict = new MultiArmResult.Verdict(id, doctors, point.dr(), point.dr() - doctors, low, high,
                        shareBetter, clear, statement(study, id, point.dr() - doctors, low, high, clear,
                        test.length));
            }
        }
        List<MultiArmResult.Estimator> estimators = new ArrayList<>();
        effects.test().forEach((name, e) -> estimators.add(new MultiArmResult.Estimator(name, columnMeans(e, k))));
        MultiArmResult result = new MultiArmResult(RunResult.SCHEMA_VERSION, MultiArmResult.KIND, study.name(),
                protocol(study, cohort), arms(arms, t, split), prop.summary(), prop.overlapSummary(tTest, inTest, k),
                estimators, values, selection, verdict, ResultParts.provenance(study, boot.engine()), dataWarnings,
                intervals == null ? null : MultiArmDeferral.summary(study, arms, intervals.method(),
                        intervals.calibration(), testChoices));
        return new Evaluated(result, new Valued(testData, testPolicies, boot, selected));
    }

    /** The study's decision rule over its K arms (default arm, margin, outcome direction). */
    static MultiArmRule rule(Study study) {
        return new MultiArmRule(study.treatment().size(), study.policy().defaultArm(), study.policy().margin(),
                study.outcome().sign());
    }

    /**
     * Doctors, Random, Propensity, treat-all per arm, then in study order the decision rule on each estimator's
     * effects, named {@code estimator} ({@code set} NONE) or {@code estimator@inclusive}, and the consensus of the
     * single estimators ({@code consensus}, overlap-only deferral besides the disagreements).
     */
    private static List<PolicyDecisions> policies(Study study, Arms arms, MultiArmRule rule, int[] t, double[][] e,
                                                  boolean[] inOverlap, Map<String, double[][]> effects, DeferralSet set,
                                                  long seed) {
        List<PolicyDecisions> out = new ArrayList<>();
        out.add(MultiArmPolicies.doctors(t));
        out.add(MultiArmPolicies.random(arms.size(), inOverlap, Seeds.derive(seed, "random_policy")));
        out.add(MultiArmPolicies.propensity(e, inOverlap));
        out.addAll(MultiArmPolicies.treatAll(arms, inOverlap));
        String better = study.outcome().sign() > 0 ? "highest" : "lowest";
        for (String name : study.estimators()) {
            if (name.equals(PolicyKind.CONSENSUS_NAME)) {
                List<String> singles = MultiArmMembers.singles(study);
                out.add(new MultiArmConsensus(rule).policy(PolicyId.of(name), "consensus of " + String.join(", ",
                        singles) + ": give the arm that every one of them predicts has the " + better
                        + " outcome; defer where they pick different arms or outside overlap",
                        singles.stream().map(effects::get).toList(), inOverlap));
                continue;
            }
            out.add(MultiArmPolicies.decisionRule(new PolicyId(name, set), new PolicyId(name, set).name()
                    + ": give the arm with the " + better + " predicted outcome; defer outside overlap",
                    effects.get(name), rule, inOverlap));
        }
        return out;
    }

    private static String statement(Study study, PolicyId id, double gain, double low, double high, boolean clear,
                                    int n) {
        String better = study.outcome().sign() > 0 ? "raises" : "lowers";
        return String.format(Locale.ROOT, "%s (chosen on validation) %s on %d test patients: its doubly robust "
                + "policy value minus current practice's observed mean outcome is %+.3g (95 %% bootstrap interval "
                + "%+.3g to %+.3g)%s", id.name(),
                clear ? "improves on current practice" : "is not shown to improve on current practice", n, gain, low,
                high, clear ? "; the whole interval " + better + " the outcome" : ", which includes no change");
    }

    private static List<MultiArmResult.Arm> arms(Arms arms, int[] t, SplitIndices split) {
        int k = arms.size();
        List<Integer> tr = MultiArmStages.counts(t, split.train(), k);
        List<Integer> va = MultiArmStages.counts(t, split.validation(), k);
        List<Integer> te = MultiArmStages.counts(t, split.test(), k);
        List<MultiArmResult.Arm> out = new ArrayList<>();
        for (int a = 0; a < k; a++) {
            out.add(new MultiArmResult.Arm(a, arms.code(a), arms.label(a), a == Arms.REFERENCE, tr.get(a), va.get(a),
                    te.get(a)));
        }
        return out;
    }

    private static MultiArmResult.Protocol protocol(Study study, Cohort cohort) {
        Study.Protocol p = study.protocol();
        return new MultiArmResult.Protocol(p.question(), p.decisionTime(), p.population(), p.users(),
                study.data().getFileName().toString(), study.treatment().column(), study.outcome().column(),
                study.outcome().type().key(), study.outcome().direction().key(), cohort.rowsRead(),
                cohort.rowsDropped(), cohort.dropReason());
    }

    private static List<Double> armShares(PolicyDecisions d, int k) {
        int[] a = d.arms();
        double[] n = new double[k];
        for (int v : a) {
            if (v >= 0) {
                n[v]++;
            }
        }
        List<Double> out = new ArrayList<>();
        for (double v : n) {
            out.add(a.length == 0 ? 0 : v / a.length);
        }
        return out;
    }

    private static List<Double> columnMeans(double[][] e, int k) {
        List<Double> out = new ArrayList<>();
        for (int a = 0; a < k; a++) {
            double s = 0;
            for (double[] row : e) {
                s += row[a];
            }
            out.add(e.length == 0 ? 0 : s / e.length);
        }
        return out;
    }

    static boolean[] select(boolean[] v, int[] idx) {
        boolean[] out = new boolean[idx.length];
        for (int i = 0; i < idx.length; i++) {
            out[i] = v[idx[i]];
        }
        return out;
    }
}
