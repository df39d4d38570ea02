package org.causalrx.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.causalrx.causal.EffectIntervals;
import org.causalrx.causal.OverlapSet;
import org.causalrx.causal.bounds.BLearner;
import org.causalrx.policy.DecisionRule;
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

    private static final String BOUNDS_METHOD = "B-learner sharp bounds under the marginal sensitivity model"
            + " (Oprescu et al. 2023): %d-fold cross-fitted e(x) (L2-logistic, clipped to [0.05, 0.95]) and"
            + " mu_t(x); conditional quantiles at Lambda/(1+Lambda) by XGBoost reg:quantileerror and their rho models,"
            + " per fold and arm"
            + " (when the fold's arm holds at least twice refit_rows rows: on a seeded subsample of refit_rows, the"
            + " quantiles from one location-scale model m(x) + s(x) * z per fold and arm shared by all Lambda levels,"
            + " which can only widen the bounds, never invalidate them; binary outcomes: closed form from mu_t);"
            + " doubly robust pseudo-outcomes regressed on x with XGBoost; envelope over Lambda levels, so bounds"
            + " are nested in Lambda";

    /** How the bounds were fit, with the B-learner's cross-fitting folds ({@link BLearner#folds}). */
    static String boundsMethod(int folds) {
        return BOUNDS_METHOD.formatted(folds);
    }

    /**
     * As {@link #boundsMethod(int, DeferralStage.BoundsReuse)}, saying which levels' bound regressions were fit on a
     * subsample ({@code sweep}; null: none).
     */
    static String boundsMethod(int folds, DeferralStage.BoundsReuse reuse, DeferralStage.SweepRows sweep) {
        String m = boundsMethod(folds, reuse);
        return sweep == null ? m : m + String.format(Locale.ROOT, "; the bound regressions of the Lambda levels above"
                + " the study's %s, which only the sweep reports, on a seeded subsample of %,d of the %,d training"
                + " rows (their pseudo-outcomes from the whole fit; the bounds up to %s, which the Conservative set"
                + " and the bundle use, on every row)", DecisionRule.number(sweep.lambda()), sweep.rows(), sweep.of(),
                DecisionRule.number(sweep.lambda()));
    }

    /** As above, saying what the B-learner took from an estimator's fit ({@link DeferralStage.BoundsReuse}). */
    static String boundsMethod(int folds, DeferralStage.BoundsReuse reuse) {
        if (reuse.estimator() == null) {
            return boundsMethod(folds);
        }
        return boundsMethod(folds) + String.format(Locale.ROOT, "; e(x), mu_t(x) and their folds are %s's, which"
                + " cross-fits the same learners with the same folds and clip on the same training rows, reused%s",
                reuse.estimator(), reuse.aipwFit() ? ", and its final stage (the same learner on the same AIPW"
                + " pseudo-outcomes) is the Lambda = 1 regression" : "");
    }

    private DeferralSweep() {
    }

    static List<DeferralResult.SweepPoint> sweep(Study study, DeferralPredictions predicted, double[] eTest,
                                                 OverlapSet overlap, ValuedOutcome valued) {
        Study.Deferral d = study.deferral();
        org.causalrx.policy.DecisionRule rule = study.decisionRule();
        List<DeferralResult.SweepPoint> out = new ArrayList<>();
        for (String name : predicted.estimators()) {
            double[] tau = predicted.tau().get(name);
            for (double alpha : d.sweepAlpha()) {
                for (double lambda : d.sweepLambda()) {
                    EffectIntervals joint = predicted.joint(name, alpha, lambda);
                    int[] all = DeferralStage.decide(eTest, overlap, tau, joint, rule);
                    PolicyId id = new PolicyId(name, DeferralSet.CONSERVATIVE);
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

    static List<DeferralResult.SetSummary> sets(Study study, DeferralPredictions predicted, double[] eTest,
                                                OverlapSet overlap) {
        Study.Deferral d = study.deferral();
        org.causalrx.policy.DecisionRule rule = study.decisionRule();
        List<DeferralResult.SetSummary> out = new ArrayList<>();
        int n = eTest.length;
        EffectIntervals bounds = predicted.bounds(d.lambda());
        // the record's accessors copy their arrays: read each once (per row they made this loop quadratic in n)
        double[] bl = bounds.lo();
        double[] bh = bounds.hi();
        for (String name : predicted.estimators()) {
            EffectIntervals stat = predicted.statistical(name, d.alphaStat());
            EffectIntervals joint = predicted.joint(name, d.alphaStat(), d.lambda());
            double[] sl = stat.lo();
            double[] sh = stat.hi();
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
                ws += sh[i] - sl[i];
                wb += bh[i] - bl[i];
                wj += jh[i] - jl[i];
            }
            int in = n - outside;
            double o = outside / (double) n;
            out.add(new DeferralResult.SetSummary(new PolicyId(name, DeferralSet.INCLUSIVE),
                    DeferralSet.INCLUSIVE, o, o, 0,
                    ws / in, wb / in, wj / in, DeferralReasons.count(eTest, overlap, null, null)));
            out.add(new DeferralResult.SetSummary(new PolicyId(name, DeferralSet.CONSERVATIVE),
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
