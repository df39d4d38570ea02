package org.causalrx.verdict;

import static org.causalrx.result.ExitStatus.EXIT;
import static org.causalrx.result.ExitStatus.NOT_RUN;
import static org.causalrx.result.ExitStatus.OK;
import static org.causalrx.result.ExitStatus.WARNING;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.causalrx.pipeline.DeferralResult;
import org.causalrx.pipeline.RunResult;
import org.causalrx.pipeline.Sensitivity;
import org.causalrx.result.Baseline;
import org.causalrx.result.ExitStatus;
import org.causalrx.simulate.FeasibilityChecks;
import org.causalrx.simulate.FeasibilityResult;

/**
 * The paper's exit points gathered into one feasibility verdict: no overlap (step 4), a failing feasibility
 * simulation (step 5), rejected component models (step 6) and the policy verdicts (step 11). Each says what the
 * team could do next.
 */
public final class ExitPoints {
    /** Below this share of test patients inside the overlap set the question cannot be answered. */
    public static final double MIN_OVERLAP_SHARE = 0.5;
    /** Below this share a warning is raised. */
    public static final double WARN_OVERLAP_SHARE = 0.8;
    /** A validation AUROC at or above this means treatment is nearly determined by the covariates. */
    public static final double MAX_AUROC = RunResult.PropensityMetric.MAX_AUROC;
    /** Intervals whose simulated coverage is more than this below nominal are flagged as miscalibrated. */
    public static final double COVERAGE_SLACK = 0.05;
    /** Share of bootstrap rounds a claim must hold in before it counts (one threshold for every verdict). */
    public static final double CONVINCING_SHARE = org.causalrx.policy.Evidence.CLEAR_SHARE;

    private ExitPoints() {
    }

    /**
     * @param status whether to stop here, go on with care, or go on; {@link ExitStatus#NOT_RUN} when the step did
     *               not run
     */
    public record ExitPoint(String step, ExitStatus status, String finding, String next) {
    }

    /** Whether any exit point says to stop: the analysis should not go to clinicians as it is. */
    public static boolean reached(List<ExitPoint> exits) {
        return exits.stream().anyMatch(e -> e.status() == EXIT);
    }

    /** @param simulation the study's feasibility simulation, or null when none was run */
    public static List<ExitPoint> evaluate(RunResult r, FeasibilityResult simulation) {
        List<ExitPoint> out = new ArrayList<>();
        out.add(overlap(r));
        java.util.Optional.ofNullable(DiagnosticExits.balance(r.balance())).ifPresent(out::add);
        out.add(simulation(simulation));
        ExitPoint intervals = intervals(simulation, r.deferral() == null ? null : r.deferral().calibration());
        if (intervals != null) {
            out.add(intervals);
        }
        List<String> rejected = r.cateInsights() == null ? List.of() : r.cateInsights().rejected();
        out.add(rejected.isEmpty()
                ? new ExitPoint("6 outcome models", OK, "No component model was rejected (validation MSE below "
                        + org.causalrx.policy.DecisionRule.number(RunResult.OutcomeModelMetric.REJECT_SHARE)
                        + " x the outcome variance).", "")
                : new ExitPoint("6 outcome models", WARNING, rejected.size() + " component model(s) do little better "
                        + "than predicting the mean: " + String.join("; ", rejected) + ".",
                        "Discount the policies built on them; try other learners or more informative covariates."));
        java.util.Optional.ofNullable(RefutationExit.of(r.refutations())).ifPresent(out::add);
        java.util.Optional.ofNullable(DiagnosticExits.heterogeneity(r.heterogeneity())).ifPresent(out::add);
        out.addAll(policy(r));
        ExitPoint confounding = hiddenConfounding(r.sensitivity());
        if (confounding != null) {
            out.add(confounding);
        }
        return out;
    }

    /**
     * Robustness of the selected policy's gain to hidden confounding: a warning when its worst-case gain under the
     * marginal sensitivity model vanishes below {@link Sensitivity#FRAGILE_LAMBDA}; null when it was not computed.
     */
    static ExitPoint hiddenConfounding(Sensitivity s) {
        if (s == null || s.msm() == null || Double.isNaN(s.msm().gainLowerBound()[0])) {
            return null;
        }
        Sensitivity.Msm m = s.msm();
        String gain = Double.isNaN(m.largestLambda())
                ? String.format(Locale.ROOT, "The IPW gain of %s over current practice is not positive even without "
                        + "hidden confounding (\u039b = 1)", m.policy())
                : String.format(Locale.ROOT, "The worst-case IPW gain of %s over current practice under the marginal "
                        + "sensitivity model stays positive up to \u039b = %s", m.policy(), m.largestLambdaText());
        String finding = String.format(Locale.ROOT, "%s; E-value of the ATE %.2f (its interval limit %.2f).", gain,
                s.eValue().ate(), s.eValue().ciLimit());
        if (!m.fragile()) {
            return new ExitPoint("11 hidden confounding", OK, finding, "");
        }
        return new ExitPoint("11 hidden confounding", WARNING, finding + (Double.isNaN(m.largestLambda()) ? ""
                : String.format(Locale.ROOT, " Weak hidden confounding (\u039b below %.2g) could explain the gain "
                        + "away.", m.fragileLambda())),
                "Name the confounders clinicians use that the data lack and measure them, or treat the gain as "
                        + "unproven.");
    }

    private static ExitPoint overlap(RunResult r) {
        RunResult.OverlapInfo o = r.overlap();
        double share = o.testTotal() == 0 ? 0 : o.testInOverlap() / (double) o.testTotal();
        java.util.Optional<RunResult.PropensityMetric> selected = r.propensity().stream()
                .filter(m -> m.model().equals(r.selectedPropensityModel()) && m.split().equals("validation"))
                .findFirst();
        double auroc = selected.map(RunResult.PropensityMetric::auroc).orElse(Double.NaN);
        String finding = String.format(Locale.ROOT, "%.1f %% of test patients are inside the overlap set [%.3f, %.3f]; "
                + "the selected propensity model's validation AUROC is %.3f.", 100 * share, o.etaLow(), o.etaHigh(),
                auroc);
        String next = "Redefine the population (narrower inclusion criteria), restrict to arms clinicians really "
                + "choose between, or collect the confounder that drives the choice.";
        if (share < MIN_OVERLAP_SHARE || selected.map(RunResult.PropensityMetric::aurocNearOne).orElse(false)) {
            return new ExitPoint("4 overlap", EXIT, finding + " Treatment is close to determined by the covariates: "
                    + "the question cannot be answered with this data.", next);
        }
        if (share < WARN_OVERLAP_SHARE) {
            return new ExitPoint("4 overlap", WARNING, finding + " Many patients will be deferred.", next);
        }
        return new ExitPoint("4 overlap", OK, finding, "");
    }

    /**
     * Calibration of the per-patient statistical intervals in the feasibility simulation (the true CATE is known
     * there): a warning names every estimator whose coverage falls more than {@link #COVERAGE_SLACK} below nominal
     * and whose interval the run did not widen by a calibration factor; null when the simulation measured no
     * interval.
     *
     * @param applied the calibration the run's deferral used, or null
     */
    static ExitPoint intervals(FeasibilityResult sim, DeferralResult.Calibration applied) {
        if (sim == null || sim.intervalSummaries().isEmpty()) {
            return null;
        }
        List<String> low = new ArrayList<>();
        List<String> widened = new ArrayList<>();
        List<String> fine = new ArrayList<>();
        for (FeasibilityResult.IntervalSummary s : sim.intervalSummaries()) {
            String item = String.format(Locale.ROOT, "%s %s %.0f %%", s.estimator(), s.form(), 100 * s.coverage());
            double f = applied == null ? 1 : applied.factor(s.estimator());
            if (s.coverage() >= s.nominal() - COVERAGE_SLACK) {
                fine.add(item);
            } else if (f > 1) {
                widened.add(item + String.format(Locale.ROOT, " (widened x%.2f)", f));
            } else {
                low.add(item);
            }
        }
        double nominal = sim.intervalSummaries().get(0).nominal();
        String finding = String.format(Locale.ROOT, "Share of simulated patients whose true effect lies in the "
                + "estimator's %.0f %% interval: ", 100 * nominal);
        String rest = (widened.isEmpty() ? "" : "; calibrated for deferral by the factor the simulation needed: "
                + String.join(", ", widened)) + (fine.isEmpty() ? "" : "; within target: " + String.join(", ", fine));
        if (low.isEmpty()) {
            return new ExitPoint("8 deferral intervals", widened.isEmpty() ? OK : WARNING,
                    finding + rest.substring(2) + ".", widened.isEmpty() ? ""
                            : "The widening transfers from a simulated outcome to the real one: it is as good as the "
                                    + "simulation's resemblance to the real outcome.");
        }
        return new ExitPoint("8 deferral intervals", WARNING, finding + String.join(", ", low) + rest + ".",
                "These intervals are too narrow: their Conservative sets defer too few patients. Prefer the "
                        + "Conservative set of an estimator whose intervals are calibrated, or use a smaller "
                        + "alpha_stat for the others.");
    }

    private static ExitPoint simulation(FeasibilityResult sim) {
        if (sim == null) {
            return new ExitPoint("5 feasibility simulation", NOT_RUN, "No feasibility simulation was run with this "
                    + "study.", "Add a simulation: block to the study, or run bin/causalrx simulate STUDY.");
        }
        List<String> failed = new ArrayList<>();
        boolean policyFailed = false;
        for (FeasibilityChecks.Check c : sim.checks()) {
            if (!c.passed()) {
                failed.add(c.form() + " check " + c.id() + " (" + c.name() + ")");
                policyFailed |= c.id() >= 2;
            }
        }
        if (failed.isEmpty()) {
            return new ExitPoint("5 feasibility simulation", OK, "All checks passed: with this cohort's covariates "
                    + "and treatments the pipeline recovers a known good policy.", "");
        }
        return new ExitPoint("5 feasibility simulation", policyFailed ? EXIT : WARNING, "Failed: "
                + String.join("; ", failed) + ".", policyFailed
                ? "With this cohort even a known good policy is not recovered: collect more patients, reduce the "
                        + "covariates to confounders, or try other estimators before trusting the real results."
                : "Estimated values are noisy next to the differences between policies: read policy comparisons "
                        + "with their bootstrap spread, or enlarge the test split.");
    }

    private static List<ExitPoint> policy(RunResult r) {
        List<ExitPoint> out = new ArrayList<>();
        RunResult.PolicyInsights pi = r.policyInsights();
        if (pi == null || pi.verdict() == null) {
            return out;
        }
        RunResult.Verdict v = pi.verdict();
        // the paper's warnings are only raised when the baseline is best in a clear share of bootstrap rounds
        for (String w : v.warnings()) {
            String next = Baseline.of(v.bestPolicy()).map(b -> switch (b) {
                case TREAT_ALL -> "Recommend the same treatment for everyone in the overlap set; personalisation is "
                        + "not supported.";
                case DOCTORS -> "Keep current practice; do not deploy the model.";
                case PROPENSITY -> "Build on the clinicians' aggregated practice.";
                case RANDOM -> "Do not deploy.";
            }).orElse("Do not deploy.");
            out.add(new ExitPoint("11 policies", EXIT, w, next));
        }
        if (v.selected() != null && !(v.selectedBeatsDoctorsShare() >= CONVINCING_SHARE)) {
            out.add(new ExitPoint("11 policies", WARNING, String.format(Locale.ROOT, "The recommended policy (%s, "
                    + "chosen on the %s split) beats current practice in %.1f %% of test bootstrap rounds, "
                    + "short of %.0f %%.", v.selected(), pi.selection() != null
                            ? pi.selection().scheme().split() : "validation",
                            100 * v.selectedBeatsDoctorsShare(), 100 * CONVINCING_SHARE),
                    "Do not deploy yet: more data, a prospective check, or a narrower question."));
        } else if (v.selected() != null && v.warnings().isEmpty()) {
            out.add(new ExitPoint("11 policies", OK, v.text(), ""));
        }
        return out;
    }
}
