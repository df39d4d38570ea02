package org.causalrx.report;

import java.util.List;
import java.util.Map;

import org.causalrx.pipeline.DeferralResult;
import org.causalrx.pipeline.RunResult;
import org.causalrx.result.DeferralSet;
import org.causalrx.result.PolicyId;

/**
 * Section 8 of the report: per-patient intervals and the Inclusive / Conservative deferral sets (TRS §3.8–3.9,
 * Eq. 4), the intervals' methods, and the alpha_stat × Lambda sweep. Formats only.
 */
final class DeferralSection implements ReportSection {
    private final RunResult r;

    DeferralSection(RunResult r) {
        this.r = r;
    }

    @Override
    public String id() {
        return "deferral";
    }

    @Override
    public String title() {
        return "8 Deferral set";
    }

    @Override
    public void render(HtmlWriter b, HtmlReport report) {
        b.markup("<section>").add(report.heading(this));
        DeferralResult d = r.deferral();
        if (d == null) {
            b.markup("<p class=\"note\">Uncertainty-based deferral was off for this study (<code>deferral: {enabled: "
                    + "false}</code>): policies defer outside the overlap set only.</p></section>\n");
            return;
        }
        b.markup("<p>Every learned sign-rule policy is evaluated with two deferral sets. <b>Inclusive</b> "
                + "(<code>@inclusive</code>) defers only patients outside the overlap set. <b>Conservative</b> "
                + "(<code>@conservative</code>) also defers patients whose joint interval [tau_lo(x), tau_hi(x)] "
                + "contains 0 (Rej'(x), TRS Eq. 4), at alpha_stat = ").text(Fmt.num(d.alphaStat()))
                .markup(" and Lambda = ").text(Fmt.num(d.lambda())).markup(".</p>\n");
        b.markup("<h3>How the intervals are computed</h3>\n");
        Html.Table m = new Html.Table(List.of("Estimator", "Statistical interval (alpha_stat)"), false, false);
        for (Map.Entry<String, String> e : d.intervalMethods().entrySet()) {
            m.row(null, Markup.code(e.getKey()), Markup.textOrDash(e.getValue()));
        }
        b.add(m.html());
        CalibrationNote.append(b, d.calibration());
        b.markup("<p><b>Causal bounds (Lambda).</b> ").textOrDash(d.boundsMethod()).markup(". Lambda bounds "
                + "how far the true odds of treatment may differ from the estimated odds (Lambda = 1: no hidden "
                + "confounding).</p>\n<p><b>Joint interval.</b> ").textOrDash(d.jointRule()).markup(".</p>\n");
        b.markup("<h3>Who is deferred</h3>\n");
        Html.Table s = new Html.Table(List.of("Policy", "Deferred", "Outside overlap", "Uncertain",
                "Mean width: statistical", "causal bounds", "joint"), false, true, true, true, true, true, true);
        for (DeferralResult.SetSummary x : d.sets()) {
            s.row(null, Markup.code(x.policy().name()), Fmt.pct(x.deferredShare()),
                    Fmt.pct(x.outsideOverlapShare()), Fmt.pct(x.uncertainShare()), Fmt.num(x.meanStatWidth()),
                    Fmt.num(x.meanBoundsWidth()), Fmt.num(x.meanJointWidth()));
        }
        b.add(s.html());
        b.markup("<p>Widths are means over test patients inside the overlap set. The held-out values of both sets "
                + "are in section 10 (box plots include both).</p>\n");
        Html.Table why = new Html.Table(List.of("Conservative policy", "Test patients", "Outside overlap",
                "Statistical", "Causal", "Recommended"), false, true, true, true, true, true);
        for (DeferralResult.SetSummary x : d.sets()) {
            if (x.set() == DeferralSet.CONSERVATIVE) {
                why.row(null, Markup.code(x.policy().name()),
                        Integer.toString(x.reasons().patients()),
                        Integer.toString(x.reasons().outsideOverlap()), Integer.toString(x.reasons().statistical()),
                        Integer.toString(x.reasons().causal()), Integer.toString(x.reasons().recommended()));
            }
        }
        b.markup("<h3>Why each patient is deferred</h3>\n<p>Counts of test patients: outside the overlap set; "
                + "statistical (in overlap, the statistical interval at alpha_stat contains 0); causal (the "
                + "statistical interval excludes 0 but the joint interval, widened by the causal bounds at Lambda, "
                + "contains 0); recommended. Also in <code>tables/deferral_reasons.csv</code>.</p>\n")
                .add(why.html());
        List<DeferralResult.SweepPoint> sweep = r.deferralSweep() == null ? List.of() : r.deferralSweep().stream()
                .filter(p -> p.policy().equals(new PolicyId(d.sweepPolicy(), DeferralSet.CONSERVATIVE))).toList();
        if (!sweep.isEmpty()) {
            b.markup("<h3>Sweep of <code>").text(d.sweepPolicy()).markup("</code></h3>\n")
                    .markup("<p>Deferral rate and held-out DR value (point estimate; deferred patients keep their "
                            + "factual outcome) over the grid alpha_stat × Lambda. The sweep of every learned "
                            + "estimator is in <code>tables/deferral_sweep.csv</code>.</p>\n");
            b.add(report.figure("deferral_sweep"));
            Html.Table t = new Html.Table(List.of("alpha_stat", "Lambda", "Deferred", "Treated", "DR value"), true,
                    true, true, true, true);
            for (DeferralResult.SweepPoint p : sweep) {
                t.row(null, Fmt.num(p.alphaStat()), Fmt.num(p.lambda()), Fmt.pct(p.deferralRate()),
                        Fmt.pct(p.treatedShare()), Fmt.num(p.valueDr()));
            }
            b.add(t.html());
        }
        b.markup("</section>\n");
    }
}
