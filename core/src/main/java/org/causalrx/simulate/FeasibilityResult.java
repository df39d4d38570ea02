package org.causalrx.simulate;

import java.util.List;

import org.causalrx.result.PolicyId;

/**
 * Everything a feasibility simulation produced, as plain values (serialised to {@code simulation.json}).
 *
 * @param study        study name
 * @param outcome      real outcome column
 * @param direction    "higher" or "lower" is better
 * @param lambda       Algorithm 1's lambda
 * @param effect       requested mean |CATE| C in outcome units
 * @param outcomeMean  real outcome mean (the simulated factual outcome's mean)
 * @param outcomeSd    real outcome SD (the simulated factual outcome's SD)
 * @param seeds        simulated data sets per form
 * @param notes        how the simulation was done, in words (binary outcomes, capped effects)
 * @param records      one row per form, seed and policy
 * @param summaries    per form and policy: mean (SEM) over seeds (paper Table 1)
 * @param checks       the three checks of §3.5 per form
 * @param intervals    per form, seed and estimator: calibration of the statistical interval against the true CATE
 * @param intervalSummaries per form and estimator: coverage and width averaged over seeds
 */
public record FeasibilityResult(String study, String outcome, String direction, double lambda, double effect,
                                double outcomeMean, double outcomeSd, int seeds, List<String> notes,
                                List<PolicyRecord> records, List<PolicySummary> summaries,
                                List<FeasibilityChecks.Check> checks, List<IntervalRecord> intervals,
                                List<IntervalSummary> intervalSummaries) {
    public FeasibilityResult {
        intervals = List.copyOf(intervals);
        intervalSummaries = List.copyOf(intervalSummaries);
        notes = List.copyOf(notes);
        records = List.copyOf(records);
        summaries = List.copyOf(summaries);
        checks = List.copyOf(checks);
    }

    /** The Optimal policy's name: treat where the true effect points the better way, defer outside overlap. */
    public static final PolicyId OPTIMAL = PolicyId.of("optimal");

    /**
     * One policy on one simulated data set.
     *
     * @param learned   true for a learned (CATE estimator) policy, false for baselines and Optimal
     * @param dr        estimated DR value on the test split (NaN for Optimal)
     * @param ipw       estimated IPW value on the test split (NaN for Optimal)
     * @param drSe      bootstrap SD of the DR value (its standard error; NaN for Optimal)
     * @param trueValue mean over test patients of the potential outcome under the policy's decision (deferred →
     *                  the factual outcome)
     * @param regret    how much worse than Optimal, in the study's direction (≥ 0 is worse)
     * @param selected  true for the policy the run recommended (chosen on the validation split, as in a real run)
     */
    public record PolicyRecord(String form, int seed, PolicyId policy, boolean learned, double treatedShare,
                               double deferredShare, double dr, double ipw, double drSe, double trueValue,
                               double regret, boolean selected) {
    }

    /**
     * One estimator's statistical interval (alpha_stat) on one simulated data set, judged against the true CATE.
     *
     * @param nominal   nominal coverage 1 − alpha_stat
     * @param coverage  share of test patients whose true CATE lies in the interval
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

    /** Mean and standard error of the mean over seeds of one policy's values. */
    public record PolicySummary(String form, PolicyId policy, boolean learned, double drMean, double drSem,
                                double ipwMean, double ipwSem, double trueMean, double trueSem, double regretMean,
                                double regretSem) {
    }
}
