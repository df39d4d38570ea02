package org.causalrx.report;

import java.util.List;

import org.causalrx.causal.diagnostics.Balance;
import org.causalrx.causal.diagnostics.BlpCalibration;
import org.causalrx.pipeline.Heterogeneity;
import org.causalrx.pipeline.MultiArmBalance;
import org.causalrx.pipeline.MultiArmHeterogeneity;
import org.causalrx.pipeline.MultiArmResult;
import org.causalrx.pipeline.MultiArmSensitivity;
import org.causalrx.pipeline.Sensitivity;

/**
 * The diagnostics section of a K-arm report.html, each non-reference arm against the reference: covariate balance
 * under inverse generalized-propensity weighting (with a Love plot per arm), heterogeneity tests of every estimator
 * (with a TOC figure per arm) and sensitivity to hidden confounding (E-values per arm, the selected policy's
 * worst-case gain against Λ). Formats the {@link MultiArmResult}; decides nothing.
 */
final class MultiArmDiagnosticsSection {
    private MultiArmDiagnosticsSection() {
    }

    /** The section, or nothing when the run has no diagnostics. */
    static void render(HtmlWriter b, MultiArmResult r, NumberedFigures figs, String heading) {
        if (r.balance() == null && r.heterogeneity() == null && r.sensitivity() == null) {
            return;
        }
        b.markup("<h2 id=\"diagnostics\">").text(heading).markup("</h2>\n");
        String ref = r.arms().get(0).label();
        if (r.balance() != null) {
            balance(b, r.balance(), ref, figs);
        }
        if (r.heterogeneity() != null) {
            heterogeneity(b, r.heterogeneity(), figs);
        }
        if (r.sensitivity() != null) {
            sensitivity(b, r.sensitivity(), ref, figs);
        }
    }

    private static void balance(HtmlWriter b, MultiArmBalance mb, String ref, NumberedFigures figs) {
        b.markup("<h3 id=\"balance\">Covariate balance of each arm against the reference</h3>\n<p>For each arm, "
                + "its patients and those given the reference (").text(ref).markup(") are compared with each "
                + "patient weighted by 1/e<sub>t</sub>(x), the propensity of the arm they received (<code>")
                .textOrDash(mb.propensityModel()).markup("</code>, clipped to [").text(Fmt.num(mb.weightClip()))
                .markup(", ").text(Fmt.num(1 - mb.weightClip())).markup("]), so that both stand for the whole "
                        + "population. SMD: the arm's mean minus the reference's over the pooled SD of the "
                        + "unweighted arms; after weighting every |SMD| should be below ")
                .text(Fmt.num(mb.threshold())).markup(". Every feature is in <code>").text(BalanceReport.CSV)
                .markup("</code>, the weights in <code>").text(BalanceReport.WEIGHTS_CSV).markup("</code>.</p>\n");
        Html.Table t = new Html.Table(List.of("Arm", "Max |SMD| before (train)", "after (train)", "after (test)",
                "Effective n reference (train)", "Effective n arm (train)", "Balance"), false, true, true, true, true,
                true, false);
        for (MultiArmBalance.Arm a : mb.arms()) {
            Balance.Result tr = a.train();
            Balance.Result te = a.test();
            t.row(a.flagged() ? "warn" : null, a.label(), tr == null ? "\u2014" : Fmt.num(tr.maxAbsUnweighted()),
                    tr == null ? "\u2014" : Fmt.num(tr.maxAbsWeighted()),
                    te == null ? "\u2014" : Fmt.num(te.maxAbsWeighted()),
                    tr == null ? "\u2014" : Fmt.num(tr.weights().get(0).ess()),
                    tr == null ? "\u2014" : Fmt.num(tr.weights().get(1).ess()),
                    a.flagged() ? Markup.badge("warn", "not reached: " + String.join(", ", a.imbalanced()))
                            : "reached");
        }
        b.add(t.html());
        if (mb.flagged()) {
            b.markup("<p class=\"note\"><b>Balance not reached</b> for some arm: the weighted comparison still "
                    + "differs in the features listed; consider another propensity model, a narrower overlap set, or "
                    + "adjusting for them in the outcome model.</p>\n");
        } else {
            b.markup("<p class=\"info\">Balance reached for every arm on the training and the test split.</p>\n");
        }
        for (MultiArmBalance.Arm a : mb.arms()) {
            b.add(figs.place(MultiArmDiagnosticFiles.loveId(a.index())));
        }
    }

    private static void heterogeneity(HtmlWriter b, MultiArmHeterogeneity h, NumberedFigures figs) {
        b.markup("<h3 id=\"heterogeneity\">Is there heterogeneity worth personalising?</h3>\n<p>For each arm, "
                + "every estimator's predicted effect against the reference on the test patients, checked against "
                + "their doubly robust (AIPW) contrast of the arm minus the reference. <b>Calibration test</b> (best "
                + "linear predictor): the contrast regressed on the mean prediction and on the differential "
                + "prediction, no intercept, HC3 standard errors, one-sided p-values; a differential coefficient "
                + "significantly above 0 means real heterogeneity. <b>RATE</b>: the TOC curve's area (AUTOC) and "
                + "q-weighted area (Qini) with bootstrap intervals. Significant: differential p below ")
                .text(Fmt.num(h.alphaPerTest())).markup(" (").text(Fmt.num(h.alpha())).markup(" over ")
                .text(Integer.toString(h.tests())).markup(" estimator \u00d7 arm tests, Bonferroni).</p>\n");
        Html.Table t = new Html.Table(List.of("Arm", "Estimator", "Mean prediction (SE)",
                "Differential prediction (SE)", "One-sided p", "Significant", "AUTOC", "AUTOC 95 % CI", "Qini",
                "Qini 95 % CI"), false, false, true, true, true, false, true, true, true, true);
        for (MultiArmHeterogeneity.Arm a : h.arms()) {
            for (Heterogeneity.EstimatorTests e : a.tests().estimators()) {
                t.row(e.significant() ? "best" : null, a.label(), Markup.code(e.estimator()),
                        coef(e.meanPrediction()), coef(e.differentialPrediction()),
                        Fmt.num(e.differentialPrediction().pValue()), e.significant() ? "yes" : "no",
                        Fmt.num(e.autoc().estimate()), Fmt.range(e.autoc().ciLow(), e.autoc().ciHigh()),
                        Fmt.num(e.qini().estimate()), Fmt.range(e.qini().ciLow(), e.qini().ciHigh()));
            }
        }
        b.add(t.html());
        b.markup("<p>").text(h.anySignificant() ? "Significant heterogeneity: " + String.join(", ",
                h.significantTests()) + "." : "No estimator shows significant heterogeneity for any arm: treat by "
                + "the ATE; personalising adds nothing.").markup("</p>\n");
        for (MultiArmHeterogeneity.Arm a : h.arms()) {
            b.add(figs.place(MultiArmDiagnosticFiles.tocId(a.index())));
        }
    }

    private static void sensitivity(HtmlWriter b, MultiArmSensitivity s, String ref, NumberedFigures figs) {
        b.markup("<h3 id=\"sensitivity\">Sensitivity to hidden confounding</h3>\n<p>Per arm, the AIPW effect "
                + "against the reference (").text(ref).markup(") on the ").text(Fmt.integer(s.n()))
                .markup(" test patients with its 95 % interval, and its <b>E-value</b>: the smallest risk ratio an "
                        + "unmeasured confounder would need with both the arm and the outcome to explain the effect "
                        + "away (the interval limit's E-value: to make it compatible with none; 1 when the interval "
                        + "already includes 0).</p>\n");
        Html.Table t = new Html.Table(List.of("Arm", "Effect vs reference", "95 % interval", "Risk ratio",
                "E-value", "E-value of the limit"), false, true, true, true, true, true);
        for (MultiArmSensitivity.Arm a : s.arms()) {
            Sensitivity.EValues e = a.eValue();
            t.row(null, a.label(), Fmt.num(a.effect()), Fmt.range(a.ciLow(), a.ciHigh()), Fmt.num(e.riskRatio()),
                    Fmt.num(e.ate()), Fmt.num(e.ciLimit()));
        }
        b.add(t.html());
        if (!s.pairs().isEmpty()) {
            b.markup("<p>Between the other arms: the AIPW effect of each arm against each other one (neither the "
                    + "reference), on the same test patients, with its 95 % interval and E-values "
                    + "(<code>tables/pairwise_effects.csv</code>).</p>\n");
            Html.Table pt = new Html.Table(List.of("Arm", "Versus", "Effect", "95 % interval", "Risk ratio",
                    "E-value", "E-value of the limit"), false, false, true, true, true, true, true);
            for (MultiArmSensitivity.Pair pr : s.pairs()) {
                Sensitivity.EValues e = pr.eValue();
                pt.row(null, pr.labelB(), pr.labelA(), Fmt.num(pr.effect()), Fmt.range(pr.ciLow(), pr.ciHigh()),
                        Fmt.num(e.riskRatio()), Fmt.num(e.ate()), Fmt.num(e.ciLimit()));
            }
            b.add(pt.html());
        }
        if (!s.arms().isEmpty()) {
            b.markup("<p class=\"sub\">Conversion to the risk-ratio scale: ").text(s.arms().get(0).eValue()
                    .conversion()).markup(".</p>\n");
        }
        Sensitivity.Msm m = s.msm();
        if (m == null) {
            return;
        }
        b.markup("<p><b>Marginal sensitivity model</b>: hidden confounding of strength \u039b may change each "
                + "patient's odds of the arm they received by up to a factor \u039b. The selected policy's value is "
                + "recomputed with the inverse-propensity weights in those bands that make it as bad as possible; "
                + "where the worst-case gain over current practice crosses 0, confounding of that strength could "
                + "explain the advantage away.</p>\n");
        b.add(Html.kv(List.of(
                Html.pair("Policy", Markup.code(m.policy().toString())),
                Html.pair("Gain at \u039b = 1 (IPW)", Fmt.num(m.gainLowerBound()[0])),
                Html.pair("Gain stays positive up to \u039b", m.fragile()
                        ? new HtmlWriter().text(m.largestLambdaText()).markup(" ").add(Markup.badge("warn",
                                "fragile: below " + Fmt.num(m.fragileLambda()))).toMarkup()
                        : Markup.fill("<b>{}</b>", m.largestLambdaText())))));
        b.add(figs.place(SensitivitySection.FIGURE));
    }

    private static String coef(BlpCalibration.Coefficient c) {
        return Fmt.num(c.estimate()) + " (" + Fmt.num(c.se()) + ")";
    }
}
