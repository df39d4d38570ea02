package org.causalrx.pipeline;

import java.util.ArrayList;
import java.util.List;

import org.causalrx.causal.TLearner;
import org.causalrx.data.SplitIndices;
import org.causalrx.learn.ClassifierRegressor;
import org.causalrx.learn.Regressor;
import org.causalrx.learn.linear.LogisticRegression;
import org.causalrx.policy.Bootstrap;
import org.causalrx.policy.BootstrapEngine;
import org.causalrx.policy.HeldOut;
import org.causalrx.policy.PolicyDecisions;
import org.causalrx.util.Seeds;
import org.causalrx.util.Stats;

/**
 * Values the run's policies on an outcome other than the modelled one (a secondary outcome, or the study's
 * derived evaluation outcome): held-out IPW and DR with the bootstrap (TRS App. D), the DR plug-in outcome
 * model fit on the training patients that have the outcome (binary: L2-logistic per arm; continuous: the
 * run's default plug-in learner, XGBoost per arm). Patients whose value is missing (NaN) are left out of both
 * the plug-in fit and the evaluation, and counted. The policies' decisions are not changed.
 */
final class OutcomeEvaluation {
    private OutcomeEvaluation() {
    }

    /**
     * @param kept      test positions (0-based within the test split) that have the outcome
     * @param heldOut   the held-out data on those patients
     * @param policies  the policies restricted to those patients, in run order
     * @param boot      bootstrap values per policy
     * @param results   per policy: point and bootstrap summaries
     * @param plugIn    the plug-in learner in words
     */
    record Evaluated(int[] kept, HeldOut heldOut, List<PolicyDecisions> policies, Bootstrap.Result boot,
                     List<RunResult.PolicyResult> results, String plugIn) {
    }

    /**
     * @param y         outcome per cohort row (NaN = missing)
     * @param binary    whether the outcome is 0/1
     * @param x         encoded covariates per cohort row
     * @param t         treatment per cohort row
     * @param pStarTest evaluation propensity per test patient (the same p* as the primary evaluation)
     * @param policies  the run's policies, decisions per test patient
     * @param groups    patient index per cohort row (the bootstrap draws whole patients), or null: one row each
     */
    static Evaluated run(double[] y, boolean binary, Learners learners, double[][] x, int[] t, SplitIndices split,
                         double[] pStarTest, List<PolicyDecisions> policies, int rounds, long seed,
                         boolean parallel, int[] groups) {
        return run(y, binary, learners, x, t, split, pStarTest, policies, rounds, seed, parallel, groups,
                BootstrapEngine.EXACT);
    }

    /** As above, the bootstrap on the engine {@code engine} resolves to for the kept test patients. */
    static Evaluated run(double[] y, boolean binary, Learners learners, double[][] x, int[] t, SplitIndices split,
                         double[] pStarTest, List<PolicyDecisions> policies, int rounds, long seed,
                         boolean parallel, int[] groups, BootstrapEngine engine) {
        Prepared p = prepare(y, binary, learners, x, t, split, pStarTest, policies, seed);
        Bootstrap.Result boot = Bootstrap.run(p.heldOut(), p.policies(), rounds, Seeds.derive(seed, "bootstrap"),
                parallel, groups == null ? null : Stats.select(groups, Stats.select(split.test(), p.kept())), engine);
        return new Evaluated(p.kept(), p.heldOut(), p.policies(), boot,
                PolicySet.summarise(p.heldOut(), p.policies(), boot), p.plugIn());
    }

    /** The held-out data and restricted policies, before the bootstrap. */
    record Prepared(int[] kept, HeldOut heldOut, List<PolicyDecisions> policies, String plugIn) {
    }

    /** As {@link #run} without the bootstrap. */
    static Prepared prepare(double[] y, boolean binary, Learners learners, double[][] x, int[] t, SplitIndices split,
                            double[] pStarTest, List<PolicyDecisions> policies, long seed) {
        int[] train = java.util.Arrays.stream(split.train()).filter(i -> !Double.isNaN(y[i])).toArray();
        int[] test = split.test();
        List<Integer> keptList = new ArrayList<>();
        for (int k = 0; k < test.length; k++) {
            if (!Double.isNaN(y[test[k]])) {
                keptList.add(k);
            }
        }
        int[] kept = keptList.stream().mapToInt(Integer::intValue).toArray();
        int[] tTrain = Stats.select(t, train);
        if (kept.length < 2 || Stats.indicesOf(tTrain, 0).length < 2 || Stats.indicesOf(tTrain, 1).length < 2) {
            throw new org.causalrx.util.CausalRxException("too few patients with this outcome to evaluate policies on "
                    + "it (" + kept.length + " test patients, " + train.length + " training patients)");
        }
        Regressor learner = binary ? new ClassifierRegressor(LogisticRegression.l2())
                : learners.plugIn(false).learner();
        String plugIn = binary ? "L2-logistic per arm" : learners.plugIn(false).name() + " per arm";
        TLearner.Fitted fitted = new TLearner("plug_in", learner).fit(Stats.select(x, train), tTrain,
                Stats.select(y, train), Seeds.derive(seed, "plug-in"));
        int[] rows = Stats.select(test, kept);
        double[][] xTest = Stats.select(x, rows);
        HeldOut heldOut = new HeldOut(Stats.select(y, rows), Stats.select(t, rows), Stats.select(pStarTest, kept),
                fitted.mu(xTest, 0), fitted.mu(xTest, 1));
        return new Prepared(kept, heldOut, restrict(policies, kept), plugIn);
    }

    /** The policies' decisions on the given test positions only. */
    static List<PolicyDecisions> restrict(List<PolicyDecisions> policies, int[] kept) {
        List<PolicyDecisions> out = new ArrayList<>();
        for (PolicyDecisions d : policies) {
            out.add(d.withArms(Stats.select(d.arms(), kept)));
        }
        return out;
    }
}
