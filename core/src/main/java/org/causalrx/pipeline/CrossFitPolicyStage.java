package org.causalrx.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.causalrx.causal.CateModel;
import org.causalrx.causal.CrossFit;
import org.causalrx.causal.OverlapSet;
import org.causalrx.causal.TLearner;
import org.causalrx.learn.Classifier;
import org.causalrx.policy.AipwScores;
import org.causalrx.policy.HeldOut;
import org.causalrx.policy.Policies;
import org.causalrx.policy.PolicyDecisions;
import org.causalrx.result.Baseline;
import org.causalrx.result.DeferralSet;
import org.causalrx.result.PolicyId;
import org.causalrx.study.Study;
import org.causalrx.util.Seeds;
import org.causalrx.util.Stats;

/**
 * Cross-fitted policy evaluation over every cohort patient ({@link PolicyValueScheme#CROSS_FITTED_AIPW}). The
 * cohort is cut into K folds stratified by treatment (a patient's rows in one fold when the study names a group
 * column, and then the standard errors are cluster-robust by patient); for fold k, on the other folds only, it
 * fits the overlap propensity, the evaluation propensity, the outcome plug-ins and every study estimator, then
 * decides fold k's patients by the Inclusive policies and the baselines (overlap thresholds as the run's) and
 * scores them with AIPW scores ({@link AipwScores}, propensities clipped to {@link HeldOut#CLIP}). Current
 * practice is valued as the observed outcomes. The Conservative sets are not cross-fitted (they need bootstrap
 * refits in every fold).
 */
final class CrossFitPolicyStage {
    private CrossFitPolicyStage() {
    }

    /**
     * The learners fit inside each fold.
     *
     * @param overlapPropensity    decides overlap membership and the propensity baseline (the run's selected model)
     * @param evaluationPropensity e(x) of the AIPW scores
     * @param plugIn               outcome plug-ins mu_0, mu_1 of the AIPW scores; also the CATE model of an
     *                             estimator of the same name
     * @param tLearners            T-learners by estimator name (the run's); others come from {@code estimators}
     * @param estimators           the run's estimators with the study's settings
     */
    record Settings(Classifier overlapPropensity, Classifier evaluationPropensity, TLearner plugIn,
                    List<TLearner> tLearners, RunEstimators estimators) {
        /** With every other estimator at its defaults. */
        Settings(Classifier overlapPropensity, Classifier evaluationPropensity, TLearner plugIn,
                 List<TLearner> tLearners) {
            this(overlapPropensity, evaluationPropensity, plugIn, tLearners,
                    RunEstimators.defaults(org.causalrx.estimators.EstimatorRegistry.load()));
        }

        static Settings of(Learners learners, String selectedPropensity, boolean binary) {
            Classifier overlap = learners.propensity().stream().filter(l -> l.name().equals(selectedPropensity))
                    .findFirst().orElse(learners.evaluationPropensity());
            List<TLearner> t = learners.tLearners(binary);
            return new Settings(overlap, learners.evaluationPropensity(), learners.plugIn(binary), t,
                    learners.estimators());
        }
    }

    /**
     * The cross-fitted values of a run's policies (the study asks for them: {@code policy_evaluation.cross_fit}).
     *
     * @param runPolicies the run's test-split policies; those not cross-fitted (Conservative) are listed as such
     * @param groups      patient id per row when patients have several rows (folds keep a patient's rows together
     *                    and the standard errors are cluster-robust), or null
     */
    static CrossFittedPolicyValues run(Study study, Learners learners, String selectedPropensity, double[][] x,
                                       int[] t, double[] y, OverlapSet overlap, List<PolicyDecisions> runPolicies,
                                       long seed, int[] groups) {
        Study.PolicyEvaluation pe = study.policyEvaluation();
        Settings s = Settings.of(learners, selectedPropensity, study.outcome().type() == Study.OutcomeType.BINARY);
        Folded f = fit(study, s, x, t, y, overlap, pe.folds(), Seeds.derive(seed, "cross-fitted-policies"), groups);
        List<PolicyId> testOnly = runPolicies.stream().map(PolicyDecisions::id)
                .filter(id -> id.set() == DeferralSet.CONSERVATIVE).toList();
        return summarise(study, s, f, t, pe.folds(), testOnly);
    }

    /** What the stage does for a cohort of {@code n} patients, in words. */
    static String describe(Study study, int n) {
        return "cross-fitted policy values over all " + n + " patients (" + study.policyEvaluation().folds()
                + " folds, every estimator refit per fold)";
    }

    /**
     * Out-of-fold decisions and scores for the whole cohort.
     *
     * @param fold      fold of each patient
     * @param scores    AIPW scores from out-of-fold nuisances
     * @param policies  every policy but current practice, decisions for all n patients, in the run's order
     */
    record Folded(int[] fold, AipwScores scores, List<PolicyDecisions> policies) {
    }

    /**
     * @param x       n × p encoded covariates of the whole cohort
     * @param t       observed arms, 0/1
     * @param y       modelled outcome
     * @param overlap the run's overlap thresholds
     */
    static Folded fit(Study study, Settings s, double[][] x, int[] t, double[] y, OverlapSet overlap, int folds,
                      long seed) {
        return fit(study, s, x, t, y, overlap, folds, seed, null);
    }

    /**
     * As above, with folds that keep each patient's rows together and cluster-robust scores.
     *
     * @param groups patient id per row, or null: each row its own patient
     */
    static Folded fit(Study study, Settings s, double[][] x, int[] t, double[] y, OverlapSet overlap, int folds,
                      long seed, int[] groups) {
        int n = y.length;
        CrossFit cf = CrossFit.stratified(t, folds, groups, Seeds.derive(seed, "policy-folds"));
        double[] e1 = new double[n];
        double[] mu0 = new double[n];
        double[] mu1 = new double[n];
        Map<PolicyId, int[]> arms = new LinkedHashMap<>();
        Map<PolicyId, String> descriptions = new LinkedHashMap<>();
        List<TLearner> tLearners = s.tLearners().stream().filter(l -> !l.name().equals(s.plugIn().name())
                && study.estimators().contains(l.name())).toList();
        for (int k = 0; k < folds; k++) {
            long fs = Seeds.derive(seed, "policy-fold-" + k);
            int[] train = cf.trainRows(k);
            int[] held = cf.heldOutRows(k);
            double[][] xTr = Stats.select(x, train);
            int[] tTr = Stats.select(t, train);
            double[] yTr = Stats.select(y, train);
            double[][] xHe = Stats.select(x, held);
            double[] eDecide = s.overlapPropensity().fit(xTr, tTr, null, Seeds.derive(fs, "propensity"))
                    .predictProba(xHe);
            double[] eEval = s.evaluationPropensity().fit(xTr, tTr, null, Seeds.derive(fs, "p-star"))
                    .predictProba(xHe);
            List<TLearner.Fitted> tModels = new ArrayList<>();
            TLearner.Fitted plug = s.plugIn().fit(xTr, tTr, yTr, Seeds.derive(fs, "outcome-" + s.plugIn().name()));
            tModels.add(plug);
            for (TLearner l : tLearners) {
                tModels.add(l.fit(xTr, tTr, yTr, Seeds.derive(fs, "outcome-" + l.name())));
            }
            double[] m0 = plug.mu(xHe, 0);
            double[] m1 = plug.mu(xHe, 1);
            Map<String, CateModel> models = CateStage.fit(s.estimators(), study.estimators(), tModels, xTr, tTr, yTr,
                    fs,
                    StudyRun.outcomeKind(study));
            Map<String, double[]> cates = new LinkedHashMap<>();
            models.forEach((name, m) -> cates.put(name, m.effect(xHe)));
            boolean[] inOverlap = new boolean[held.length];
            for (int j = 0; j < held.length; j++) {
                int i = held[j];
                inOverlap[j] = overlap.contains(eDecide[j]);
                e1[i] = eEval[j];
                mu0[i] = m0[j];
                mu1[i] = m1[j];
            }
            for (PolicyDecisions d : PolicySet.build(study, cates, Stats.select(t, held), eDecide, inOverlap, fs)) {
                if (Baseline.DOCTORS.is(d.id())) {
                    continue;
                }
                int[] all = arms.computeIfAbsent(d.id(), id -> new int[n]);
                descriptions.putIfAbsent(d.id(), d.description());
                int[] a = d.arms();
                for (int j = 0; j < held.length; j++) {
                    all[held[j]] = a[j];
                }
            }
        }
        List<PolicyDecisions> policies = new ArrayList<>();
        arms.forEach((id, a) -> policies.add(new PolicyDecisions(id, descriptions.get(id), a)));
        return new Folded(cf.foldOfRow(), AipwScores.of(y, t, e1, mu0, mu1, HeldOut.CLIP).withGroups(groups),
                policies);
    }

    /** The values of current practice and of every folded policy, with what the scheme leaves out. */
    static CrossFittedPolicyValues summarise(Study study, Settings s, Folded f, int[] t, int folds,
                                             List<PolicyId> testOnly) {
        int sign = study.outcome().sign();
        AipwScores scores = f.scores();
        List<CrossFittedPolicyValues.Policy> rows = new ArrayList<>();
        PolicyDecisions doctors = Policies.doctors(t);
        rows.add(row(doctors.id(), doctors.description() + "; valued as the observed outcomes",
                doctors.treatedShare(), 0, scores.currentPractice(sign)));
        for (PolicyDecisions d : f.policies()) {
            rows.add(row(d.id(), d.description(), d.treatedShare(), d.deferredShare(),
                    scores.value(d.arms(), sign)));
        }
        String note = "every cohort patient is scored once, by models fit on the other " + (folds - 1) + " of "
                + folds + " folds: the propensities, the outcome plug-ins and every estimator are refit per fold, "
                + "so the policies valued are the fold-wise learned ones, not the single policy fit on the training "
                + "split; deferred patients contribute their observed outcome and current practice (doctors) is "
                + "valued as the observed outcomes"
                + (testOnly.isEmpty() ? "" : "; the Conservative deferral sets are valued on the test split only "
                + "(their per-patient intervals need bootstrap refits of every estimator within each fold)");
        return new CrossFittedPolicyValues(PolicyValueScheme.CROSS_FITTED_AIPW, folds, f.fold().length,
                study.outcome().column(), study.outcome().direction(),
                s.overlapPropensity().name(), s.evaluationPropensity().name(),
                s.plugIn().name() + " (" + s.plugIn().learner().name() + " per arm)", testOnly, note, rows);
    }

    private static CrossFittedPolicyValues.Policy row(PolicyId name, String description, double treated,
                                                      double deferred, AipwScores.Estimate e) {
        return new CrossFittedPolicyValues.Policy(name, description, treated, deferred, e.value(), e.se(), e.ciLow(),
                e.ciHigh(), e.gain(), e.gainSe(), e.gainCiLow(), e.gainCiHigh(), e.probBetter());
    }
}
