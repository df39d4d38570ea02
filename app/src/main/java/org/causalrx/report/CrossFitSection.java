package org.causalrx.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.causalrx.pipeline.CrossFittedPolicyValues;
import org.causalrx.pipeline.RunResult;
import org.causalrx.study.Study;

/**
 * The cross-fitted policy values ({@code cross_fitted_policy_values}), shown beside the test-split values of
 * section 10 and written to {@code policy_values_cross_fitted.csv}. Draws nothing when the run has none.
 */
final class CrossFitSection {
    static final String CSV = "policy_values_cross_fitted.csv";

    private CrossFitSection() {
    }

    /** The table of section 10 whose caption names the scheme; nothing when the run has no cross-fitted values. */
    static void html(StringBuilder b, RunResult r) {
        CrossFittedPolicyValues v = r.crossFittedPolicyValues();
        if (v == null) {
            return;
        }
        Study.Direction dir = v.direction();
        b.append("<h3 id=\"cross-fitted-values\">Cross-fitted value over all patients (scheme <code>")
                .append(Html.esc(v.scheme().key())).append("</code>)</h3>\n");
        b.append("<p class=\"info\">The values above come from the scheme <code>test_split</code>: policies learned "
                + "on the training split, valued on the ").append(Fmt.integer(r.n() == null ? 0 : r.n().test()))
                .append(" test patients. This table comes from the scheme <code>").append(Html.esc(v.scheme().key()))
                .append("</code>: all ").append(Fmt.integer(v.n())).append(" patients in ").append(v.folds())
                .append(" folds; for each fold the propensities (").append(Html.esc(v.overlapPropensity()))
                .append(" for overlap, ").append(Html.esc(v.evaluationPropensity())).append(" for the scores), the "
                        + "outcome plug-ins (").append(Html.esc(v.outcomeModel())).append(") and every estimator are "
                        + "fit on the other folds, and each patient contributes a doubly robust (AIPW) score; "
                        + "deferred patients contribute their observed outcome and <code>doctors</code> is the "
                        + "observed outcomes. Intervals are mean \u00b1 1.96 SE of the per-patient scores; the gain "
                        + "is paired with current practice patient by patient; P(better) is the normal probability "
                        + "that the gain points the better way (")
                .append(Html.esc(PolicyChoice.directionText(dir))).append(").</p>\n");
        if (!v.notCrossFitted().isEmpty()) {
            b.append("<p>Valued on the test split only: ");
            for (int i = 0; i < v.notCrossFitted().size(); i++) {
                b.append(i == 0 ? "" : ", ").append("<code>").append(Html.esc(v.notCrossFitted().get(i).name()))
                        .append("</code>");
            }
            b.append(" (their per-patient intervals need bootstrap refits of every estimator within each fold).</p>\n");
        }
        Html.Table t = new Html.Table(List.of("Policy", "Treated", "Deferred", "Value", "SE", "95 % CI",
                "Gain over doctors", "Gain 95 % CI", "P(better)"), false, true, true, true, true, true, true, true,
                true);
        for (CrossFittedPolicyValues.Policy p : v.policies()) {
            t.row(PolicyChoice.DOCTORS.equals(p.name()) ? "ref" : null,
                    "<code>" + Html.esc(p.name().name()) + "</code>", Fmt.pct(p.treatedShare()),
                    Fmt.pct(p.deferredShare()),
                    Fmt.num(p.value()), Fmt.num(p.se()), Fmt.range(p.ciLow(), p.ciHigh()), Fmt.num(p.gainOverDoctors()),
                    Fmt.range(p.gainCiLow(), p.gainCiHigh()), Fmt.pct(p.probBetterThanDoctors()));
        }
        b.append(t.html());
        b.append("<p class=\"sub\"><b>Table.</b> Policy values of <code>").append(Html.esc(v.outcome()))
                .append("</code> by the scheme <code>").append(Html.esc(v.scheme().key())).append("</code> (")
                .append(v.folds()).append(" folds, n = ").append(Fmt.integer(v.n())).append("); ")
                .append(Html.esc(v.note())).append(".</p>\n");
    }

    /** Writes {@link #CSV} when the run has cross-fitted values; returns the file names written. */
    static List<String> tables(RunResult r, Path dir) throws IOException {
        CrossFittedPolicyValues v = r.crossFittedPolicyValues();
        if (v == null) {
            return List.of();
        }
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("scheme", "folds", "n", "name", "description", "treated_share", "deferred_share", "value",
                "se", "ci_low", "ci_high", "gain_over_doctors", "gain_se", "gain_ci_low", "gain_ci_high",
                "prob_better_than_doctors"));
        for (CrossFittedPolicyValues.Policy p : v.policies()) {
            rows.add(List.of(v.scheme().key(), Integer.toString(v.folds()), Integer.toString(v.n()), p.name().name(),
                    p.description(), Fmt.raw(p.treatedShare()), Fmt.raw(p.deferredShare()), Fmt.raw(p.value()),
                    Fmt.raw(p.se()), Fmt.raw(p.ciLow()), Fmt.raw(p.ciHigh()), Fmt.raw(p.gainOverDoctors()),
                    Fmt.raw(p.gainSe()), Fmt.raw(p.gainCiLow()), Fmt.raw(p.gainCiHigh()),
                    Fmt.raw(p.probBetterThanDoctors())));
        }
        return List.of(CsvTables.writeTable(dir, CSV, rows));
    }
}
