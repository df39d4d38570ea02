package org.causalrx.report;

import java.util.List;
import java.util.Optional;

import org.causalrx.pipeline.RunResult;
import org.causalrx.pipeline.RunResult.PolicyResult;
import org.causalrx.pipeline.RunResult.ProtocolInfo;
import org.causalrx.pipeline.RunResult.Summary;

/**
 * Section 10 of the report: the policies and their held-out values (TRS App. D), the selection, secondary outcomes.
 * Formats only.
 */
final class PoliciesSection implements ReportSection {
    private final RunResult r;

    PoliciesSection(RunResult r) {
        this.r = r;
    }

    @Override
    public String id() {
        return "policies";
    }

    @Override
    public String title() {
        return "10 Policies and held-out value";
    }

    @Override
    public void render(HtmlWriter b, HtmlReport report) {
        ProtocolInfo p = r.protocol();
        List<PolicyResult> policies = r.policies() == null ? List.of() : r.policies();
        org.causalrx.study.Study.Direction dir = PolicyChoice.valueDirection(r);
        Optional<PolicyResult> best = PolicyChoice.selected(r);
        int rounds = r.provenance() == null ? 0 : r.provenance().bootstrapRounds();
        boolean poisson = r.provenance() != null && "poisson".equals(r.provenance().bootstrapEngine());
        b.markup("<section>").add(report.heading(this));
        b.markup("<p>A policy recommends an arm for each test patient, or <i>defers</i> to the doctor. A "
                + "deferred patient keeps the treatment actually given, so they contribute their factual "
                + "(observed) outcome. Each policy's value is the mean outcome the test population would "
                + "have had under it, estimated on the held-out test split in two ways:</p>\n<ul>\n"
                + "<li><b>IPW</b> (inverse propensity weighting) averages the observed outcomes of patients "
                + "whose actual treatment agrees with the policy, each weighted by one over the probability "
                + "of the treatment they received. Unbiased when the propensity model is right, but noisy "
                + "when some weights are large.</li>\n"
                + "<li><b>DR</b> (doubly robust, augmented IPW) starts from the outcome model's prediction "
                + "under the recommended arm and adds the IPW-weighted residual of the patients whose "
                + "treatment agrees. It is consistent if either the propensity or the outcome model is "
                + "right, and usually varies less than IPW.</li>\n</ul>\n");
        AnalysisReport.evaluationNote(b, r);
        b.markup("<p class=\"info\">For <code>").textOrDash(PolicyChoice.valueOutcome(r)).markup("</code>, <b>")
                .text(PolicyChoice.directionText(dir)).markup("</b>: the better policy has the ")
                .text(PolicyChoice.lowerIsBetter(dir) ? "smaller" : "larger")
                .markup(" value. The spread comes from ").text(Fmt.integer(rounds))
                .text(poisson ? " Poisson bootstrap rounds of the test patients (each round weights every "
                        + "patient by an independent Poisson(1) draw instead of resampling them; used for large "
                        + "test splits); \u201ctest\u201d is the value on the full test split."
                        : " bootstrap resamples of the test patients; \u201ctest\u201d is the value on the full "
                        + "test split.").markup("</p>\n");
        b.add(DecisionRuleText.policiesNote(r));
        Html.Table t = new Html.Table(List.of("Policy", "Description", "Treated", "Deferred"),
                false, false, true, true);
        for (PolicyResult pr : policies) {
            t.row(rowClass(pr, best), name(pr, best), Markup.textOrDash(pr.description()),
                    Fmt.pct(pr.treatedShare()), Fmt.pct(pr.deferredShare()));
        }
        b.markup("<h3>Policies</h3>\n").add(t.html());
        PolicySelectionSection.render(b, r);
        valueTable(b, "Held-out value, doubly robust (DR), scheme test_split", policies, best, true);
        valueTable(b, "Held-out value, inverse propensity weighting (IPW), scheme test_split", policies, best, false);
        CrossFitSection.html(b, r);
        b.add(report.figure("policy_value_dr"));
        b.add(report.figure("policy_value_ipw"));
        PolicyTreeReport.render(b, r, report);
        AnalysisReport.secondary(b, r, report);
        b.markup("</section>\n");

    }

    private void valueTable(HtmlWriter b, String title, List<PolicyResult> policies,
                            Optional<PolicyResult> best, boolean dr) {
        Html.Table t = new Html.Table(List.of("Policy", "Test", "Mean", "SD", "Min", "25 %", "Median", "75 %",
                "Max"), false, true, true, true, true, true, true, true, true);
        for (PolicyResult pr : policies) {
            Summary s = dr ? pr.valueDr() : pr.valueIpw();
            double point = dr ? pr.pointDr() : pr.pointIpw();
            if (s == null) {
                t.row(rowClass(pr, best), name(pr, best), Fmt.num(point), "", "", "", "", "", "", "");
            } else {
                t.row(rowClass(pr, best), name(pr, best), Fmt.num(point), Fmt.num(s.mean()), Fmt.num(s.sd()),
                        Fmt.num(s.min()), Fmt.num(s.q25()), Fmt.num(s.median()), Fmt.num(s.q75()),
                        Fmt.num(s.max()));
            }
        }
        b.markup("<h3>").text(title).markup("</h3>\n").add(t.html());
    }

    private static String rowClass(PolicyResult p, Optional<PolicyResult> best) {
        if (best.isPresent() && best.get() == p) {
            return "best";
        }
        return PolicyChoice.DOCTORS.equals(p.name()) ? "ref" : null;
    }

    private static Markup name(PolicyResult p, Optional<PolicyResult> best) {
        Markup n = Markup.code(p.name().name());
        if (best.isPresent() && best.get() == p) {
            return Markup.fill("{} {}", n, Markup.badge("good", "recommended (chosen without the test split)"));
        }
        if (PolicyChoice.DOCTORS.equals(p.name())) {
            return Markup.fill("{} {}", n, Markup.badge("", "reference"));
        }
        return PolicyChoice.isBaseline(p.name()) ? Markup.fill("{} {}", n, Markup.badge("", "baseline")) : n;
    }
}
