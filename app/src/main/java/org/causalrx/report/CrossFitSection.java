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
    static void html(HtmlWriter b, RunResult r) {
        CrossFittedPolicyValues v = r.crossFittedPolicyValues();
        if (v == null) {
            return;
        }
        Study.Direction dir = v.direction();
        b.markup("<h3 id=\"cross-fitted-values\">Cross-fitted value over all patients (scheme <code>")
                .text(v.scheme().key()).markup("</code>)</h3>\n");
        b.markup("<p class=\"info\">The values above come from the scheme <code>test_split</code>: policies learned "
                + "on the training split, valued on the ").text(Fmt.integer(r.n() == null ? 0 : r.n().test()))
                .markup(" test patients. This table comes from the scheme <code>").text(v.scheme().key())
                .markup("</code>: all ").text(Fmt.integer(v.n())).markup(" patients in ").text(v.folds())
                .markup(" folds; for each fold the propensities (").text(v.overlapPropensity())
                .markup(" for overlap, ").text(v.evaluationPropensity()).markup(" for the scores), the "
                        + "outcome plug-ins (").text(v.outcomeModel()).markup(") and every estimator are "
                        + "fit on the other folds, and each patient contributes a doubly robust (AIPW) score; "
                        + "deferred patients contribute their observed outcome and <code>doctors</code> is the "
                        + "observed outcomes. Intervals are mean \u00b1 1.96 SE of the per-patient scores; the gain "
                        + "is paired with current practice patient by patient; P(better) is the normal probability "
                        + "that the gain points the better way (")
                .text(PolicyChoice.directionText(dir)).markup(").</p>\n");
        if (!v.notCrossFitted().isEmpty()) {
            b.markup("<p>Valued on the test split only: ");
            for (int i = 0; i < v.notCrossFitted().size(); i++) {
                b.text(i == 0 ? "" : ", ").markup("<code>").text(v.notCrossFitted().get(i).name())
                        .markup("</code>");
            }
            b.markup(" (their per-patient intervals need bootstrap refits of every estimator within each fold).</p>\n");
        }
        Html.Table t = new Html.Table(List.of("Policy", "Treated", "Deferred", "Value", "SE", "95 % CI",
                "Gain over doctors", "Gain 95 % CI", "P(better)"), false, true, true, true, true, true, true, true,
                true);
        for (CrossFittedPolicyValues.Policy p : v.policies()) {
            t.row(PolicyChoice.DOCTORS.equals(p.name()) ? "ref" : null,
                    Markup.code(p.name().name()), Fmt.pct(p.treatedShare()), Fmt.pct(p.deferredShare()),
                    Fmt.num(p.value()), Fmt.num(p.se()), Fmt.range(p.ciLow(), p.ciHigh()), Fmt.num(p.gainOverDoctors()),
                    Fmt.range(p.gainCiLow(), p.gainCiHigh()), Fmt.pct(p.probBetterThanDoctors()));
        }
        b.add(t.html());
        b.markup("<p class=\"sub\"><b>Table.</b> Policy values of <code>").text(v.outcome())
                .markup("</code> by the scheme <code>").text(v.scheme().key()).markup("</code> (")
                .text(v.folds()).markup(" folds, n = ").text(Fmt.integer(v.n())).markup("); ")
                .text(v.note()).markup(".</p>\n");
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
