package org.causalrx.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.causalrx.causal.EffectIntervals;
import org.causalrx.causal.OverlapSet;
import org.causalrx.causal.bounds.JointCateModel;
import org.causalrx.policy.DeferralReasons;
import org.causalrx.policy.PolicyDecisions;
import org.causalrx.policy.PolicyValue;
import org.causalrx.result.DeferralSet;
import org.causalrx.result.PolicyId;
import org.causalrx.study.Study;

/**
 * The alpha_stat × Lambda sweep (TRS §3.8) and the per-set summaries: for every sign-rule estimator and grid point,
 * the Conservative decisions (through {@link DeferralStage#decide}) and their held-out DR point value. The sweep
 * decides for every test patient and values (deferral rate, treated share, DR value) on the valued ones, as the
 * run's policy table does.
 */
final class DeferralSweep {
    static final String JOINT_RULE = "tau_lo = l - (tau_1 - tau_minus), tau_hi = h + (tau_plus - tau_1): the"
            + " estimator's statistical interval [l, h] at alpha_stat widened on each side by the distance of the"
            + " B-learner's bounds at Lambda from its Lambda = 1 estimate tau_1 (the bound regressions are not"
            + " bootstrapped: they are taken to carry the estimator's statistical error); at Lambda = 1 it is the"
            + " statistical interval";
    static final String BOUNDS_METHOD = "B-learner sharp bounds under the marginal sensitivity model (Oprescu et al."
            + " 2023): 3-fold cross-fitted e(x) (L2-logistic, clipped to [0.05, 0.95]) and mu_t(x); conditional"
            + " quantiles at Lambda/(1+Lambda) by XGBoost reg:quantileerror and their rho models, per fold and arm"
            + " (when the fold's arm holds at least twice refit_rows rows: on a seeded subsample of refit_rows, the"
            + " quantiles from one location-scale model m(x) + s(x) * z per fold and arm shared by all Lambda levels,"
            + " which can only widen the bounds, never invalidate them; binary outcomes: closed form from mu_t);"
            + " doubly robust pseudo-outcomes regressed on x with XGBoost; envelope over Lambda levels, so bounds"
            + " are nested in Lambda";

    private DeferralSweep() {
    }

    static List<DeferralResult.SweepPoint> sweep(Study study, DeferralStage.Fitted fitted, double[][] xTest,
                                                 double[] eTest, OverlapSet overlap, ValuedOutcome valued) {
        Study.Deferral d = study.deferral();
        org.causalrx.policy.DecisionRule rule = study.decisionRule();
        List<DeferralResult.SweepPoint> out = new ArrayList<>();
        // the B-learner bounds depend on Lambda only: each level is predicted once for the whole grid (the same
        // values as bounds(xTest, lambda) per grid point; combine() does not modify them)
        double[] fittedLambdas = fitted.bounds().lambdas();
        List<EffectIntervals> allBounds = fitted.bounds().allBounds(xTest);
        double[] centre = fitted.bounds().effect(xTest);
        for (Map.Entry<String, JointCateModel> en : fitted.models().entrySet()) {
            JointCateModel m = en.getValue();
            double[] tau = m.effect(xTest);
            // the statistical intervals at every alpha from one prediction of the refits
            List<EffectIntervals> stats = m.statistical().effectIntervals(xTest, d.sweepAlpha());
            for (int a = 0; a < stats.size(); a++) {
                double alpha = d.sweepAlpha().get(a);
                EffectIntervals stat = stats.get(a);
                for (double lambda : d.sweepLambda()) {
                    EffectIntervals joint = JointCateModel.combine(stat, centre,
                            allBounds.get(levelOf(fittedLambdas, lambda)));
                    int[] all = DeferralStage.decide(eTest, overlap, tau, joint, rule);
                    PolicyId id = new PolicyId(en.getKey(), DeferralSet.CONSERVATIVE);
                    PolicyDecisions p = new PolicyDecisions(id, "", valued.restrict(all));
                    out.add(new DeferralResult.SweepPoint(id, alpha,
                            lambda,
                            p.deferredShare(), PolicyValue.evaluate(valued.heldOut(), p.arms(), null).dr(),
                            p.treatedShare()));
                }
            }
        }
        return out;
    }

    /** Index of {@code lambda} among the fitted Lambda values (it must be one of them, as bounds() requires). */
    private static int levelOf(double[] lambdas, double lambda) {
        for (int k = 0; k < lambdas.length; k++) {
            if (lambdas[k] == lambda) {
                return k;
            }
        }
        throw new IllegalArgumentException("Lambda " + lambda + " was not fitted; fitted: "
                + java.util.Arrays.toString(lambdas));
    }

    static List<DeferralResult.SetSummary> sets(Study study, DeferralStage.Fitted fitted, double[][] xTest,
                                                double[] eTest, OverlapSet overlap) {
        Study.Deferral d = study.deferral();
        org.causalrx.policy.DecisionRule rule = study.decisionRule();
        List<DeferralResult.SetSummary> out = new ArrayList<>();
        int n = eTest.length;
        for (Map.Entry<String, JointCateModel> en : fitted.models().entrySet()) {
            JointCateModel m = en.getValue();
            EffectIntervals stat = m.statistical().effectInterval(xTest, d.alphaStat());
            EffectIntervals bounds = fitted.bounds().bounds(xTest, d.lambda());
            EffectIntervals joint = m.effectInterval(xTest, d.alphaStat());
            double[] jl = joint.lo();
            double[] jh = joint.hi();
            int outside = 0;
            int uncertain = 0;
            double ws = 0;
            double wb = 0;
            double wj = 0;
            for (int i = 0; i < n; i++) {
                if (!overlap.contains(eTest[i])) {
                    outside++;
                    continue;
                }
                if (rule.uncertain(jl[i], jh[i])) {
                    uncertain++;
                }
                ws += stat.hi()[i] - stat.lo()[i];
                wb += bounds.hi()[i] - bounds.lo()[i];
                wj += jh[i] - jl[i];
            }
            int in = n - outside;
            double o = outside / (double) n;
            out.add(new DeferralResult.SetSummary(new PolicyId(en.getKey(), DeferralSet.INCLUSIVE),
                    DeferralSet.INCLUSIVE, o, o, 0,
                    ws / in, wb / in, wj / in, DeferralReasons.count(eTest, overlap, null, null)));
            out.add(new DeferralResult.SetSummary(new PolicyId(en.getKey(), DeferralSet.CONSERVATIVE),
                    DeferralSet.CONSERVATIVE,
                    (outside + uncertain) / (double) n, o, uncertain / (double) n, ws / in, wb / in, wj / in,
                    DeferralReasons.count(eTest, overlap, stat, joint)));
        }
        return out;
    }

    /** The verdict's selected learned policy's estimator when it is a sign rule, else the first sign-rule one. */
    static String sweepPolicy(PolicyId selectedPolicy, DeferralStage.Fitted fitted) {
        if (selectedPolicy != null) {
            String base = selectedPolicy.estimator();
            if (fitted.models().containsKey(base)) {
                return base;
            }
        }
        return fitted.models().keySet().stream().findFirst().orElse(null);
    }
}
