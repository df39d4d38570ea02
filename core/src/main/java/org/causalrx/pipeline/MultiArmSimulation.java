package org.causalrx.pipeline;

import java.util.List;

import org.causalrx.result.PolicyId;

/**
 * The feasibility simulation of a K-arm study (TRS §3.5, Algorithm 1 with one Delta per non-reference arm), as it
 * appears under {@code simulation} in results.json. Only outcomes are simulated: covariates, treatments, the split,
 * the generalized propensity model and the overlap set are the study's own. Values are in outcome units; "better"
 * follows the study's direction; test split throughout.
 *
 * @param forms       simulation forms run ("linear", "tree")
 * @param lambda      Algorithm 1's lambda (linear form)
 * @param effect      requested mean |CATE| C of each non-reference arm against the reference
 * @param outcomeMean real outcome mean (the simulated factual outcome's mean)
 * @param outcomeSd   real outcome SD (the simulated factual outcome's SD)
 * @param seeds       simulated data sets per form
 * @param rounds      bootstrap rounds of each simulated run
 * @param notes       how the simulation was done, in words
 * @param checks      the three checks of §3.5 per form
 * @param summaries   per form and policy: mean (SEM) over seeds of the estimated and true values
 * @param armEffects  per form, estimator and non-reference arm: recovery of the true effect, averaged over seeds
 * @param records     one row per form, seed and policy (Optimal last in each seed)
 * @param intervals   with uncertainty-based deferral: per form, seed and estimator, the coverage of the true
 *                    best-minus-second-best contrast by the deferral's interval (empty without deferral)
 * @param intervalSummaries the same averaged over seeds, per form and estimator
 */
public record MultiArmSimulation(List<String> forms, double lambda, double effect, double outcomeMean,
                                 double outcomeSd, int seeds, int rounds, List<String> notes, List<Check> checks,
                                 List<PolicySummary> summaries, List<ArmEffect> armEffects,
                                 List<PolicyRecord> records, List<IntervalRecord> intervals,
                                 List<IntervalSummary> intervalSummaries) {
    public MultiArmSimulation {
        forms = List.copyOf(forms);
        notes = List.copyOf(notes);
        checks = List.copyOf(checks);
        summaries = List.copyOf(summaries);
        armEffects = List.copyOf(armEffects);
        records = List.copyOf(records);
        intervals = List.copyOf(intervals);
        intervalSummaries = List.copyOf(intervalSummaries);
    }

    /** Without interval coverage (a run without uncertainty-based deferral). */
    public MultiArmSimulation(List<String> forms, double lambda, double effect, double outcomeMean, double outcomeSd,
                              int seeds, int rounds, List<String> notes, List<Check> checks,
                              List<PolicySummary> summaries, List<ArmEffect> armEffects, List<PolicyRecord> records) {
        this(forms, lambda, effect, outcomeMean, outcomeSd, seeds, rounds, notes, checks, summaries, armEffects,
                records, List.of(), List.of());
    }

    /** True when every check of every form passed. */
    public boolean allPassed() {
        return checks.stream().allMatch(Check::passed);
    }

    /**
     * One check's verdict (the two-arm checks' definitions, over all seeds of one form).
     *
     * @param id        1 (estimated values track true values), 2 (recommended policy beats Doctors) or 3 (close to
     *                  Optimal)
     * @param value     the number compared with the threshold
     * @param threshold the threshold it must meet
     * @param detail    the numbers behind the verdict, in words
     */
    public record Check(String form, int id, String name, boolean passed, double value, double threshold,
                        String detail) {
    }

    /**
     * One policy on one simulated data set.
     *
     * @param learned       true for a learned (CATE estimator) policy
     * @param armShares     per arm (reference first): share of test patients given it
     * @param deferredShare share of test patients deferred
     * @param dr            estimated DR value (NaN for Optimal)
     * @param ipw           estimated IPW value (NaN for Optimal)
     * @param drSe          bootstrap SD of the DR value (NaN for Optimal)
     * @param trueValue     mean over test patients of the potential outcome of the arm the policy gives (deferred:
     *                      the factual outcome)
     * @param regret        how much worse than Optimal, in the study's direction (≥ 0 is worse)
     * @param selected      true for the learned policy the run chose on the validation split
     */
    public record PolicyRecord(String form, int seed, PolicyId policy, boolean learned, List<Double> armShares,
                               double deferredShare, double dr, double ipw, double drSe, double trueValue,
                               double regret, boolean selected) {
        public PolicyRecord {
            armShares = List.copyOf(armShares);
        }
    }

    /** Mean and standard error of the mean over seeds of one policy's values. */
    public record PolicySummary(String form, PolicyId policy, boolean learned, double drMean, double drSem,
                                double ipwMean, double ipwSem, double trueMean, double trueSem, double regretMean,
                                double regretSem) {
    }

    /**
     * How well one estimator recovers one arm's true effect against the reference on the test split, averaged over
     * seeds.
     *
     * @param arm           the arm's code
     * @param label         the arm's label
     * @param trueMean      mean true effect
     * @param estimatedMean mean predicted effect
     * @param rmse          root mean squared error of the predicted effect (per-arm sqrt-PEHE)
     * @param correlation   Pearson correlation of predicted and true effects across test patients
     * @param seeds         simulated data sets averaged
     */
    public record ArmEffect(String form, String estimator, String arm, String label, double trueMean,
                            double estimatedMean, double rmse, double correlation, int seeds) {
    }

    /**
     * The deferral interval of one estimator on one simulated data set, judged against the true contrast
     * tau_best − tau_second of the pair it compares (the two-arm simulation's interval record, for K arms).
     *
     * @param nominal   nominal coverage 1 − alpha_stat
     * @param coverage  share of test patients whose true contrast lies in the interval
     * @param meanWidth mean interval width over test patients, outcome units
     * @param method    how the interval is computed, in words
     * @param scale     factor k by which the interval, widened about its centre, would reach nominal coverage on
     *                  this data set's test patients (k &lt; 1: wider than needed; +∞: a zero-width interval missed)
     */
    public record IntervalRecord(String form, int seed, String estimator, double nominal, double coverage,
                                 double meanWidth, int patients, String method, double scale) {
    }

    /**
     * Coverage and width of one estimator's interval averaged over seeds (coverageMin / Max: the extreme seeds);
     * scale: the mean over seeds of {@link IntervalRecord#scale}.
     */
    public record IntervalSummary(String form, String estimator, double nominal, double coverage, double coverageMin,
                                  double coverageMax, double meanWidth, int seeds, double scale) {
    }
}
