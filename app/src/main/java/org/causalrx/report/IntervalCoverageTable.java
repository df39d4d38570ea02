package org.causalrx.report;

import java.util.ArrayList;
import java.util.List;

import org.causalrx.pipeline.MultiArmSimulation;
import org.causalrx.simulate.FeasibilityResult;
import org.causalrx.simulate.MultiArmFeasibility;

/**
 * The calibration table of the statistical intervals in a feasibility simulation (HTML and CSV rows): per form and
 * estimator, nominal level, coverage of the true CATE averaged over seeds (with the lowest and highest seed) and
 * mean width. Shown in {@code simulation.html} and in the run report's feasibility section.
 */
final class IntervalCoverageTable {
    private IntervalCoverageTable() {
    }

    /** The HTML table with a one-paragraph explanation; empty when the simulation measured no intervals. */
    static Markup html(FeasibilityResult r) {
        return html(r.intervalSummaries(), "true CATE", "statistical interval (alpha_stat, fit as the run's deferral "
                + "fits it)");
    }

    /**
     * A K-arm simulation's table: each estimator's deferral interval of the best-minus-second-best contrast against
     * the true contrast of the same two arms; empty without deferral.
     */
    static Markup html(MultiArmSimulation s) {
        return html(MultiArmFeasibility.twoArmSummaries(s), "true best-minus-second-best contrast", "deferral "
                + "interval of the best-minus-second-best arm contrast (alpha_stat, fit as the run's deferral fits "
                + "it)");
    }

    private static Markup html(List<FeasibilityResult.IntervalSummary> summaries, String truth, String interval) {
        if (summaries.isEmpty()) {
            return Markup.EMPTY;
        }
        Html.Table t = new Html.Table(List.of("Form", "Estimator", "Nominal", "Coverage of the " + truth,
                "Lowest / highest seed", "Mean width", "Scale needed"), false, false, true, true, true, true, true);
        for (FeasibilityResult.IntervalSummary s : summaries) {
            t.row("", s.form(), Markup.code(s.estimator()), Fmt.pct(s.nominal()),
                    Fmt.pct(s.coverage()), Fmt.pct(s.coverageMin()) + " / " + Fmt.pct(s.coverageMax()),
                    Fmt.num(s.meanWidth()), Fmt.num(s.scale()));
        }
        return Markup.fill("<h3>Calibration of the statistical intervals</h3>\n<p>Each estimator's {} on the "
                + "simulated test patients: the share whose {} lies inside it, against the nominal level. Coverage "
                + "well below nominal means the Conservative set trusts signs it should not; far above, it defers "
                + "more than it needs to. Scale needed: the factor by which the interval, widened about its centre, "
                + "reaches the nominal coverage (mean over seeds); with deferral on, the run widens each interval by "
                + "max(1, its mean over forms and seeds). Per seed: <code>tables/simulation_intervals.csv</code>."
                + "</p>\n", interval, truth).then(t.html());
    }

    /** CSV rows, one per form, seed and estimator, header first. */
    static List<List<String>> rows(FeasibilityResult r) {
        return rows(r.intervals());
    }

    /** A K-arm simulation's CSV rows (the two-arm columns; coverage of the true best-minus-second-best contrast). */
    static List<List<String>> rows(MultiArmSimulation s) {
        return rows(MultiArmFeasibility.twoArmIntervals(s));
    }

    private static List<List<String>> rows(List<FeasibilityResult.IntervalRecord> intervals) {
        List<List<String>> out = new ArrayList<>();
        out.add(List.of("form", "seed", "estimator", "nominal", "coverage", "mean_width", "patients", "method",
                "scale"));
        for (FeasibilityResult.IntervalRecord x : intervals) {
            out.add(List.of(x.form(), Integer.toString(x.seed()), x.estimator(), Fmt.raw(x.nominal()),
                    Fmt.raw(x.coverage()), Fmt.raw(x.meanWidth()), Integer.toString(x.patients()), x.method(),
                    Fmt.raw(x.scale())));
        }
        return out;
    }
}
