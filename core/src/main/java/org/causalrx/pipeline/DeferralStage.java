package org.causalrx.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

import org.causalrx.causal.CateModel;
import org.causalrx.causal.EffectIntervals;
import org.causalrx.causal.IntervalCateModel;
import org.causalrx.causal.OverlapSet;
import org.causalrx.causal.TLearner;
import org.causalrx.causal.bounds.BLearner;
import org.causalrx.causal.bounds.CateBoundsFamily;
import org.causalrx.causal.bounds.JointCateModel;
import org.causalrx.causal.meta.FinalStageModel;
import org.causalrx.causal.uncertainty.IntervalCalibration;
import org.causalrx.causal.uncertainty.Subsample;
import org.causalrx.learn.xgb.XGBoostRegressor;
import org.causalrx.policy.DecisionRule;
import org.causalrx.policy.Deferral;
import org.causalrx.policy.PolicyDecisions;
import org.causalrx.result.DeferralSet;
import org.causalrx.result.PolicyId;
import org.causalrx.result.PolicyKind;
import org.causalrx.study.Study;
import org.causalrx.util.Seeds;

/**
 * METHOD steps 8–9: statistical intervals per learned estimator ({@link StatisticalIntervals}), B-learner bounds,
 * and the Conservative deferral set (overlap + joint interval contains the decision rule's margin boundary, 0 for
 * the plain sign rule; decided by {@link Deferral#decide}).
 */
final class DeferralStage {
    private DeferralStage() {
    }

    /**
     * What was fit: per learned sign-rule estimator its joint model (at the study's Lambda), the interval methods, the
     * B-learner's bounds and its cross-fitting folds.
     */
    record Fitted(Map<String, JointCateModel> models, Map<String, String> methods, CateBoundsFamily bounds,
                  int boundsFolds, BoundsReuse boundsReuse, SweepRows sweepRows) {
        Fitted {
            java.util.Objects.requireNonNull(boundsReuse, "boundsReuse");
        }

        /** Every bound regression on every training row. */
        Fitted(Map<String, JointCateModel> models, Map<String, String> methods, CateBoundsFamily bounds,
               int boundsFolds, BoundsReuse boundsReuse) {
            this(models, methods, bounds, boundsFolds, boundsReuse, null);
        }
    }

    /**
     * The bound regressions of the levels above the study's Lambda, which only the sweep reports, fit on a seeded
     * subsample ({@link BLearner.SweepLevels}).
     *
     * @param lambda the study's Lambda (levels above it were subsampled)
     * @param rows   rows they were fit on
     * @param of     training rows
     */
    record SweepRows(double lambda, int rows, int of) {
    }

    /**
     * What the B-learner took from an estimator's fit on the same training rows.
     *
     * @param estimator the estimator whose cross-fitted nuisances the B-learner reused, or null: none
     * @param aipwFit   its final stage was also the Lambda = 1 regression
     */
    record BoundsReuse(String estimator, boolean aipwFit) {
        static final BoundsReuse NONE = new BoundsReuse(null, false);
    }

    /** Estimators whose policy is a sign rule (every listed estimator but "consensus"), in study order. */
    static List<String> signRuleEstimators(Study study) {
        return study.estimators().stream().filter(n -> !n.equals(PolicyKind.CONSENSUS_NAME)).toList();
    }

    /**
     * @param calibration per estimator the factor its statistical interval is widened by before it is joined with
     *                    the bounds ({@link IntervalCalibration#NONE}: intervals as fit)
     * @param gTr         patient id per training row (the bootstrap refits draw whole patients), or null: rows
     */
    static Fitted fit(Study study, Map<String, CateModel> cateModels, List<TLearner> tLearners, Learners learners,
                      boolean binary, double[][] xTr, int[] tTr, double[] yTr, int[] gTr, long seed,
                      boolean parallel, IntervalCalibration calibration) {
        Study.Deferral d = study.deferral();
        StatisticalIntervals.Fitted si = StatisticalIntervals.fit(learners.estimators(), signRuleEstimators(study),
                CateStage.singles(study.estimators()), cateModels, tLearners, StudyRun.outcomeKind(study),
                d.bootstrapRefits(), d.refitRows(), xTr, tTr, yTr, gTr, seed, parallel);
        Map<String, IntervalCateModel> stat = new LinkedHashMap<>();
        Map<String, String> methods = new LinkedHashMap<>(si.methods());
        si.models().forEach((n, m) -> {
            stat.put(n, calibration.apply(n, m));
            if (calibration.factor(n) != 1) {
                methods.put(n, String.format(Locale.ROOT, "%s, widened about its centre by the calibration factor "
                        + "%.3f", methods.get(n), calibration.factor(n)));
            }
        });
        TreeSet<Double> lambdas = new TreeSet<>(d.sweepLambda());
        lambdas.add(d.lambda());
        int folds = BLearner.folds(xTr.length);
        BLearner bl = new BLearner(learners.ateOutcome(binary), learners.evaluationPropensity(), learners.xgb(),
                new XGBoostRegressor(learners.xgb()), folds, Estimators.META_CLIP, binary,
                Subsample.rowsFor(d.refitRows(), xTr.length), parallel);
        // from LARGE_ROWS training rows the B-learner takes the cross-fitted nuisances of an estimator that fit the
        // same learners with the same folds and clip on these rows (the DR-learner with its default learners), so
        // they are not fit twice; smaller studies cross-fit their own (their bytes unchanged)
        // (the B-learner still checks that they were fit on its rows)
        String donor = xTr.length >= BLearner.LARGE_ROWS ? CateStage.nuisanceDonor(cateModels,
                nu -> nu.fitBy(bl.propensity(), bl.outcome(), bl.folds(), bl.clip())) : null;
        BLearner.Reuse reuse = null;
        if (donor != null) {
            FinalStageModel fs = (FinalStageModel) cateModels.get(donor);
            reuse = new BLearner.Reuse(fs.nuisances(), fs.finalStage(), fs.tau());
        }
        // the levels above the study's Lambda only feed the sweep: from 2 x 200,000 training rows their bound
        // regressions see a seeded subsample of 200,000 (the study's bounds are the same either way)
        BLearner.Fitted bf = bl.fit(xTr, tTr, yTr, lambdas.stream().mapToDouble(Double::doubleValue).toArray(),
                Seeds.derive(seed, "b-learner"), reuse, new BLearner.SweepLevels(d.lambda(), BLearner.SWEEP_ROWS));
        CateBoundsFamily bounds = bf.bounds();
        Map<String, JointCateModel> models = new LinkedHashMap<>();
        stat.forEach((n, m) -> models.put(n, new JointCateModel(m, bounds.upTo(d.lambda()), d.lambda())));
        return new Fitted(models, methods, bounds, folds, bf.reusedNuisances()
                ? new BoundsReuse(donor, bf.reusedAipwFit()) : BoundsReuse.NONE, bf.sweepRows() == 0 ? null
                : new SweepRows(d.lambda(), bf.sweepRows(), xTr.length));
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

    /**
     * The deferral models' predictions on {@code x}, each model once: the statistical intervals at alpha_stat and,
     * when {@code sweep}, at every alpha of the sweep with the bounds at every Lambda of the sweep; else the bounds
     * up to the study's Lambda.
     */
    static DeferralPredictions predict(Study study, Fitted fitted, double[][] x, boolean sweep) {
        Study.Deferral d = study.deferral();
        List<Double> alphas = new ArrayList<>();
        alphas.add(d.alphaStat());
        double maxLambda = d.lambda();
        if (sweep) {
            alphas.addAll(d.sweepAlpha());
            for (double l : d.sweepLambda()) {
                maxLambda = Math.max(maxLambda, l);
            }
        }
        return DeferralPredictions.of(fitted, x, alphas, maxLambda);
    }

    /** The Conservative policies, one per sign-rule estimator, named {@code name@conservative}. */
    static List<PolicyDecisions> conservative(Study study, DeferralPredictions predicted, double[] eTest,
                                              OverlapSet overlap) {
        Study.Deferral d = study.deferral();
        List<PolicyDecisions> out = new ArrayList<>();
        DecisionRule rule = study.decisionRule();
        String boundary = rule.margin() == 0 ? "0" : DecisionRule.number(rule.boundary()) + " (the margin "
                + DecisionRule.number(rule.margin()) + "; recommend only the arm the whole interval points to)";
        for (String n : predicted.estimators()) {
            int[] arms = decide(eTest, overlap, predicted.tau().get(n), predicted.joint(n, d.alphaStat(), d.lambda()),
                    rule);
            out.add(new PolicyDecisions(new PolicyId(n, DeferralSet.CONSERVATIVE), String.format(Locale.ROOT,
                    "%s, Conservative: as %s, and also defer where the joint interval (alpha_stat %.2f, Lambda %.2f) "
                    + "contains %s", n, new PolicyId(n, DeferralSet.INCLUSIVE).name(),
                    d.alphaStat(), d.lambda(), boundary), arms));
        }
        return out;
    }
}
