package org.causalrx.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

import org.causalrx.causal.CateEstimator;
import org.causalrx.causal.CateModel;
import org.causalrx.causal.EffectIntervals;
import org.causalrx.causal.Ensembles;
import org.causalrx.causal.IntervalCateModel;
import org.causalrx.causal.OverlapSet;
import org.causalrx.causal.TLearner;
import org.causalrx.causal.bounds.BLearner;
import org.causalrx.causal.bounds.CateBoundsFamily;
import org.causalrx.causal.bounds.JointCateModel;
import org.causalrx.causal.uncertainty.BootstrapCate;
import org.causalrx.causal.uncertainty.BootstrapCateModel;
import org.causalrx.causal.uncertainty.FinalStageBootstrap;
import org.causalrx.causal.meta.DRLearner;
import org.causalrx.causal.uncertainty.PosteriorCateModel;
import org.causalrx.learn.bart.BartModel;
import org.causalrx.learn.xgb.XGBoostRegressor;
import org.causalrx.policy.DecisionRule;
import org.causalrx.policy.Deferral;
import org.causalrx.policy.PolicyDecisions;
import org.causalrx.study.Study;
import org.causalrx.util.Seeds;

/**
 * METHOD steps 8–9: statistical intervals per learned estimator, B-learner bounds, and the Conservative deferral
 * set (overlap + joint interval contains the decision rule's margin boundary, 0 for the plain sign rule; decided by
 * {@link Deferral#decide}). Intervals: t_bart from its
 * posterior draws, causal_forest from its variance, ensembles from their members' bootstrap refits combined refit
 * by refit, the DR-learner from bootstrap refits of its final stage on its fixed cross-fitted pseudo-outcomes, every
 * other estimator from {@code bootstrapRefits} seeded full bootstrap refits (normal intervals).
 */
final class DeferralStage {
    static final String INCLUSIVE = "@inclusive";
    static final String CONSERVATIVE = "@conservative";

    private DeferralStage() {
    }

    /** What was fit: per learned sign-rule estimator its joint model (at the study's Lambda), the interval methods. */
    record Fitted(Map<String, JointCateModel> models, Map<String, String> methods, CateBoundsFamily bounds) {
    }

    /** Estimators whose policy is a sign rule (every listed estimator but "consensus"), in study order. */
    static List<String> signRuleEstimators(Study study) {
        return study.estimators().stream().filter(n -> !n.equals(CateStage.CONSENSUS)).toList();
    }

    static Fitted fit(Study study, Map<String, CateModel> cateModels, List<TLearner> tLearners, Learners learners,
                      boolean binary, double[][] xTr, int[] tTr, double[] yTr, long seed, boolean parallel) {
        Study.Deferral d = study.deferral();
        Map<String, IntervalCateModel> stat = new LinkedHashMap<>();
        Map<String, String> methods = new LinkedHashMap<>();
        Map<String, BootstrapCateModel> boots = new LinkedHashMap<>();
        for (String n : signRuleEstimators(study)) {
            if (Estimators.isEnsemble(n)) {
                continue;
            }
            CateModel m = cateModels.get(n);
            if (m instanceof IntervalCateModel im) {
                stat.put(n, im);
                methods.put(n, "forest variance (normal interval)");
            } else if (m instanceof TLearner.Fitted f && f.mu0() instanceof BartModel b0
                    && f.mu1() instanceof BartModel b1) {
                stat.put(n, new PosteriorCateModel(b0, b1));
                methods.put(n, "BART posterior draws of mu1 - mu0 (equal-tailed credible interval)");
            } else {
                BootstrapCateModel bm = bootstrap(n, m, tLearners, d, StudyRun.outcomeKind(study), xTr, tTr, yTr, seed, parallel);
                boots.put(n, bm);
                stat.put(n, bm);
                methods.put(n, d.bootstrapRefits() + (bm.refits().get(0) instanceof FinalStageBootstrap.Refit
                        ? " bootstrap refits of the final stage on fixed cross-fitted pseudo-outcomes (normal interval)"
                        : " bootstrap refits (normal interval)"));
            }
        }
        for (String n : signRuleEstimators(study)) {
            if (!Estimators.isEnsemble(n)) {
                continue;
            }
            List<BootstrapCateModel> members = new ArrayList<>();
            for (String s : CateStage.singles(study.estimators())) {
                BootstrapCateModel bm = boots.get(s);
                if (bm == null) {
                    bm = bootstrap(s, cateModels.get(s), tLearners, d, StudyRun.outcomeKind(study), xTr, tTr, yTr, seed, parallel);
                    boots.put(s, bm);
                }
                members.add(bm);
            }
            List<CateModel> refits = new ArrayList<>();
            for (int b = 0; b < d.bootstrapRefits(); b++) {
                final int k = b;
                refits.add(Ensembles.combineFitted(members.stream().map(x -> x.refits().get(k)).toList(),
                        n.equals("majority")));
            }
            stat.put(n, new BootstrapCateModel(cateModels.get(n), refits));
            methods.put(n, "members' " + d.bootstrapRefits() + " bootstrap refits combined (normal interval)");
        }
        TreeSet<Double> lambdas = new TreeSet<>(d.sweepLambda());
        lambdas.add(d.lambda());
        BLearner bl = new BLearner(learners.ateOutcome(binary), learners.evaluationPropensity(), learners.xgb(),
                new XGBoostRegressor(learners.xgb()), 3, Estimators.META_CLIP, binary);
        CateBoundsFamily bounds = bl.fit(xTr, tTr, yTr, lambdas.stream().mapToDouble(Double::doubleValue).toArray(),
                Seeds.derive(seed, "b-learner"));
        Map<String, JointCateModel> models = new LinkedHashMap<>();
        stat.forEach((n, m) -> models.put(n, new JointCateModel(m, bounds.upTo(d.lambda()), d.lambda())));
        return new Fitted(models, methods, bounds);
    }

    private static BootstrapCateModel bootstrap(String n, CateModel point, List<TLearner> tLearners, Study.Deferral d,
                                                org.causalrx.causal.OutcomeAware.Kind kind,
                                                double[][] xTr, int[] tTr, double[] yTr, long seed, boolean parallel) {
        CateEstimator est = tLearners.stream().filter(t -> t.name().equals(n)).findFirst()
                .map(t -> (CateEstimator) t).orElseGet(() -> Estimators.byName(n, kind));
        if (est instanceof DRLearner dr) {
            // the point model's own pseudo-outcomes (same seed as CateStage.fit), final stage refit only
            double[] pseudo = dr.pseudoOutcomes(xTr, tTr, yTr, Seeds.derive(seed, "cate-" + n));
            return new FinalStageBootstrap(dr.finalStage(), d.bootstrapRefits(), parallel).wrap(point, xTr, tTr,
                    pseudo, Seeds.derive(seed, "refits-" + n));
        }
        return new BootstrapCate(est, d.bootstrapRefits(), parallel).wrap(point, xTr, tTr, yTr,
                Seeds.derive(seed, "refits-" + n));
    }

    /** Per patient decisions through {@link Deferral#decide} with a joint interval; NaN intervals: overlap only. */
    static int[] decide(double[] e, OverlapSet overlap, double[] tau, EffectIntervals joint, DecisionRule rule) {
        int[] arms = new int[tau.length];
        double[] los = joint == null ? null : joint.lo();
        double[] his = joint == null ? null : joint.hi();
        for (int i = 0; i < tau.length; i++) {
            double lo = los == null ? Double.NaN : los[i];
            double hi = his == null ? Double.NaN : his[i];
            arms[i] = Deferral.decide(e[i], overlap, tau[i], lo, hi, rule).arm();
        }
        return arms;
    }

    /** The Conservative policies, one per sign-rule estimator, named {@code name@conservative}. */
    static List<PolicyDecisions> conservative(Study study, Fitted fitted, double[][] xTest, double[] eTest,
                                              OverlapSet overlap) {
        Study.Deferral d = study.deferral();
        List<PolicyDecisions> out = new ArrayList<>();
        DecisionRule rule = study.decisionRule();
        String boundary = rule.margin() == 0 ? "0" : DecisionRule.number(rule.boundary()) + " (the margin "
                + DecisionRule.number(rule.margin()) + "; recommend only the arm the whole interval points to)";
        fitted.models().forEach((n, m) -> {
            int[] arms = decide(eTest, overlap, m.effect(xTest), m.effectInterval(xTest, d.alphaStat()), rule);
            out.add(new PolicyDecisions(n + CONSERVATIVE, String.format(Locale.ROOT, "%s, Conservative: as %s%s, and "
                    + "also defer where the joint interval (alpha_stat %.2f, Lambda %.2f) contains %s", n, n, INCLUSIVE,
                    d.alphaStat(), d.lambda(), boundary), arms));
        });
        return out;
    }
}
