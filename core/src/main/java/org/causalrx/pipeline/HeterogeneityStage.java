package org.causalrx.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.causalrx.causal.diagnostics.BlpCalibration;
import org.causalrx.causal.diagnostics.CateCalibration;
import org.causalrx.causal.diagnostics.Rate;
import org.causalrx.policy.HeldOut;
import org.causalrx.study.Study;
import org.causalrx.util.Seeds;

/**
 * Heterogeneity tests of every CATE estimator on the test split ({@link Heterogeneity}), and the verdict's sentence
 * when none finds any. Runs after the policy insights, whose verdict it extends.
 */
record HeterogeneityStage() implements Stage {
    /** Bootstrap rounds behind the RATE standard errors. */
    static final int ROUNDS = 200;
    /** Family-wise level of "significant heterogeneity". */
    static final double ALPHA = 0.05;

    public String name() {
        return "heterogeneity";
    }

    public String detail(RunContext c) {
        return "BLP calibration test and RATE (AUTOC, Qini; " + ROUNDS + " bootstrap rounds) per CATE estimator";
    }

    public RunContext apply(RunContext c, Progress progress) {
        RunSlots.Evaluation ev = c.get(RunSlots.EVALUATION);
        HeldOut h = ev.modelHeldOut();
        double[] psi = CateCalibration.pseudoOutcomes(h.y(), h.t(), h.pStar1(), h.mu0(), h.mu1(), HeldOut.CLIP);
        Heterogeneity result = compute(c.get(RunSlots.TEST_CATES), psi, c.study().outcome().direction(), c.seed());
        RunResult.PolicyInsights pi = c.get(RunSlots.POLICY_INSIGHTS);
        RunResult.PolicyInsights extended = new RunResult.PolicyInsights(pi.policies(), pi.rounds(), pi.winsDr(),
                pi.winsIpw(), pi.selectedPolicy(), pi.outcomeTree(), pi.rankCurves(),
                PolicyVerdict.withHeterogeneity(pi.verdict(), result), pi.selection());
        return c.with(RunSlots.HETEROGENEITY, result).with(RunSlots.POLICY_INSIGHTS, extended);
    }

    /**
     * @param testCates estimator → predicted CATE per test patient (outcome units, arm 1 minus arm 0)
     * @param psi       DR score per test patient (same units)
     * @param direction the outcome's better direction; ranking and RATE are oriented by it
     * @param seed      the run's seed (each estimator's bootstrap derives its own)
     */
    static Heterogeneity compute(Map<String, double[]> testCates, double[] psi, Study.Direction direction,
                                 long seed) {
        return compute(testCates, psi, direction, seed, testCates.size(), "", "AIPW scores of the test patients: "
                + "p* propensity (clipped to [" + HeldOut.CLIP + ", " + (1 - HeldOut.CLIP) + "]) and the DR plug-in "
                + "outcome model");
    }

    /**
     * The tests of every estimator against one set of DR scores, with the significance level shared by a family of
     * {@code tests} tests (Bonferroni: ALPHA / tests per test).
     *
     * @param tests      size of the family the level is shared over (≥ the number of estimators here)
     * @param seedSuffix appended to each estimator's bootstrap seed name ({@code "rate-" + estimator + suffix})
     * @param scoresText how the DR scores were formed, in words
     */
    static Heterogeneity compute(Map<String, double[]> testCates, double[] psi, Study.Direction direction,
                                 long seed, int tests, String seedSuffix, String scoresText) {
        int sign = direction == Study.Direction.HIGHER ? 1 : -1;
        double[] scores = new double[psi.length];
        for (int i = 0; i < psi.length; i++) {
            scores[i] = sign * psi[i];
        }
        double perEstimator = ALPHA / Math.max(1, tests);
        List<Heterogeneity.EstimatorTests> out = new ArrayList<>();
        for (Map.Entry<String, double[]> e : testCates.entrySet()) {
            double[] cate = e.getValue();
            BlpCalibration.Result blp = BlpCalibration.test(cate, psi);
            double[] priority = new double[cate.length];
            for (int i = 0; i < cate.length; i++) {
                priority[i] = sign * cate[i];
            }
            Rate.Result rate = Rate.estimate(priority, scores, ROUNDS, Seeds.derive(seed, "rate-" + e.getKey()
                    + seedSuffix));
            boolean significant = blp.differentialPrediction().pValue() < perEstimator;
            out.add(new Heterogeneity.EstimatorTests(e.getKey(), blp.meanPrediction(), blp.differentialPrediction(),
                    significant, rate.autoc(), rate.qini(),
                    new Heterogeneity.Toc(rate.share(), rate.toc(), rate.tocLow(), rate.tocHigh())));
        }
        return new Heterogeneity(scoresText, psi.length,
                direction == Study.Direction.HIGHER ? "higher" : "lower", ROUNDS, ALPHA, perEstimator,
                out.stream().anyMatch(Heterogeneity.EstimatorTests::significant), out);
    }
}
