package org.causalrx.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.causalrx.pipeline.RunResult;
import org.causalrx.pipeline.RunResult.CovariateDecision;
import org.causalrx.pipeline.RunResult.OutcomeModelMetric;
import org.causalrx.pipeline.RunResult.PolicyResult;
import org.causalrx.pipeline.RunResult.PropensityMetric;
import org.causalrx.pipeline.RunResult.ProtocolInfo;

/**
 * Builds {@code report.html}: summary, table of contents, then sections 1–4 here; the results sections (6,
 * 10, ATE, provenance) are in {@link ResultSections}. One instance renders one report.
 */
final class HtmlReport {

    /** Section ids and titles, in order; the numbers follow the steps of the paper. */
    static final List<String[]> SECTIONS = List.of(
            new String[] {"protocol", "1 Protocol"},
            new String[] {"covariates", "2 Covariates kept and dropped"},
            new String[] {"propensity", "3 Propensity models"},
            new String[] {"overlap", "4 Overlap"},
            new String[] {"simulation", "5 Feasibility simulation"},
            new String[] {"outcome-models", "6 Outcome models"},
            new String[] {"insights", "7 CATE insights"},
            new String[] {"deferral", "8 Deferral set"},
            new String[] {"deferral-insights", "9 Deferral insights"},
            new String[] {"policies", "10 Policies and held-out value"},
            new String[] {"policy-insights", "11 Policy insights"},
            new String[] {"ate", "Average treatment effect (AIPW)"},
            new String[] {"provenance", "Provenance"});

    /** AUROC at or above which the propensity table warns about overlap. */
    static final double AUROC_WARN = 0.95;
    /** An outcome model whose RMSE is at least this share of the outcome SD is flagged. */
    static final double RMSE_SD_FLAG = 0.95;

    private final RunResult r;
    private final Map<String, Figures.Figure> figures;
    private final List<String> tableFiles;
    private int figureNumber;

    private final org.causalrx.simulate.FeasibilityResult simulation;
    private final List<org.causalrx.verdict.ExitPoints.ExitPoint> exitPoints;

    HtmlReport(RunResult r, Map<String, Figures.Figure> figures, List<String> tableFiles) {
        this(r, figures, tableFiles, null, List.of());
    }

    HtmlReport(RunResult r, Map<String, Figures.Figure> figures, List<String> tableFiles,
               org.causalrx.simulate.FeasibilityResult simulation,
               List<org.causalrx.verdict.ExitPoints.ExitPoint> exitPoints) {
        this.r = r;
        this.figures = figures;
        this.tableFiles = tableFiles;
        this.simulation = simulation;
        this.exitPoints = exitPoints;
    }

    /** The pipeline's §3.6 verdict (validation MSE ≥ 0.9 × variance), or the RMSE rule for older results. */
    static boolean noBetterThanMean(OutcomeModelMetric m) {
        return m.rejected() || (m.split().equals("validation") && m.rmse() >= RMSE_SD_FLAG * m.outcomeSd());
    }

    static String heading(String id) {
        return SECTIONS.stream().filter(s -> s[0].equals(id)).findFirst()
                .map(s -> "<h2 id=\"" + s[0] + "\">" + Html.esc(s[1]) + "</h2>\n").orElseThrow();
    }

    /** The figure with this id, numbered in order of appearance, or a note that it is missing. */
    String figure(String id) {
        Figures.Figure f = figures.get(id);
        if (f == null) {
            return "<p class=\"note\">Figure not available: the run produced no data for it.</p>\n";
        }
        return Html.figure(++figureNumber, f);
    }

    /** Whether the run produced the figure with this id. */
    boolean hasFigure(String id) {
        return figures.containsKey(id);
    }

    String render() {
        ProtocolInfo p = r.protocol();
        StringBuilder b = new StringBuilder(1 << 16);
        b.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>CausalRx report \u2014 ").append(Html.esc(title())).append("</title>\n")
                .append("<style>\n").append(Html.CSS).append("</style>\n</head>\n<body>\n<main>\n")
                .append("<h1>Treatment recommendation report</h1>\n<p class=\"sub\">")
                .append(Html.esc(title())).append(" \u00b7 ")
                .append(Html.esc(p.name() == null ? "" : p.name())).append("</p>\n");
        summary(b);
        FeasibilitySection.exitPoints(b, exitPoints);
        b.append("<nav class=\"toc\"><h2>Contents</h2><ol>\n");
        for (String[] s : SECTIONS) {
            b.append("<li><a href=\"#").append(s[0]).append("\">").append(Html.esc(s[1])).append("</a></li>\n");
        }
        b.append("</ol></nav>\n");
        protocol(b, p);
        covariates(b);
        propensity(b);
        overlap(b);
        ResultSections results = new ResultSections(r, this, tableFiles);
        FeasibilitySection.simulation(b, simulation, this);
        results.outcomeModels(b);
        new InsightSection(r).render(b, this);
        new DeferralSection(r).render(b, this);
        AnalysisReport.deferralInsights(b, r, this);
        results.policies(b);
        new PolicyInsightSection(r).render(b, this);
        results.ate(b);
        results.provenance(b);
        b.append("<footer>Generated by CausalRx ")
                .append(Html.esc(r.provenance() == null ? "" : r.provenance().causalrxVersion()))
                .append(". The report draws the run's results; it estimates nothing itself.</footer>\n")
                .append("</main>\n</body>\n</html>\n");
        return b.toString();
    }

    private String title() {
        return r.study() == null ? "study" : r.study();
    }

    private void summary(StringBuilder b) {
        ProtocolInfo p = r.protocol();
        org.causalrx.study.Study.Direction dir = PolicyChoice.valueDirection(r);
        List<PolicyResult> policies = r.policies() == null ? List.of() : r.policies();
        Optional<PolicyResult> best = PolicyChoice.selected(r);
        RunResult.Headline headline = r.policyInsights() == null || r.policyInsights().verdict() == null ? null
                : r.policyInsights().verdict().headline();
        b.append("<section class=\"summary\" id=\"summary\"><h2>Summary</h2>\n");
        b.append("<p class=\"headline\">");
        if (best.isPresent() && headline != null) {
            b.append(PolicySelectionSection.headline(headline, "<b id=\"best-policy\">"
                    + Html.esc(best.get().name()) + "</b>")).append("; ")
                    .append(Html.esc(PolicyChoice.directionText(dir))).append('.');
        } else if (best.isPresent()) {
            PolicyResult bp = best.get();
            b.append("Recommended policy: <b id=\"best-policy\">").append(Html.esc(bp.name()))
                    .append("</b>, DR mean ").append(Fmt.num(bp.valueDr().mean()))
                    .append(" (25\u201375\u00a0%: ").append(iqr(bp)).append(")");
            PolicyChoice.doctors(policies).filter(d -> d.valueDr() != null)
                    .ifPresent(d -> b.append(" vs current practice (observed) ").append(Fmt.num(d.valueDr().mean())));
            b.append("; ").append(Html.esc(PolicyChoice.directionText(dir))).append('.');
        } else {
            b.append("No learned policy was evaluated.");
        }
        b.append("</p>\n");
        List<String[]> kv = new ArrayList<>();
        kv.add(new String[] {"Question", Html.text(p.question())});
        kv.add(new String[] {"Data", Fmt.integer(p.rowsRead()) + " rows read, " + Fmt.integer(p.rowsDropped())
                + " dropped" + (r.n() == null ? "" : "; train " + Fmt.integer(r.n().train()) + " / validation "
                + Fmt.integer(r.n().validation()) + " / test " + Fmt.integer(r.n().test()))});
        if (r.overlap() != null) {
            kv.add(new String[] {"Overlap", Fmt.count(r.overlap().testInOverlap(), r.overlap().testTotal())
                    + " test patients with e(x) in " + Fmt.range(r.overlap().etaLow(), r.overlap().etaHigh())});
        }
        best.ifPresent(bp -> kv.add(new String[] {"Recommended policy treats / defers",
                Fmt.pct(bp.treatedShare()) + " treated, " + Fmt.pct(bp.deferredShare())
                        + " deferred to the doctor"}));
        if (r.ate() != null) {
            kv.add(new String[] {"Average effect (AIPW)", Fmt.num(r.ate().estimate()) + ", CI "
                    + Fmt.range(r.ate().ciLow(), r.ate().ciHigh()) + " (" + Html.text(p.treatedLabel())
                    + " minus " + Html.text(p.controlLabel()) + ")"});
            for (RunResult.EstimandResult e : r.ate().estimands()) {
                if (!e.name().equals("ate")) {
                    kv.add(new String[] {(e.name().equals("att") ? "Effect on the treated" : "Effect on the controls")
                            + " (AIPW " + e.name().toUpperCase(java.util.Locale.ROOT) + ")", Fmt.num(e.estimate())
                            + ", CI " + Fmt.range(e.ciLow(), e.ciHigh())});
                }
            }
        }
        if (r.policyInsights() != null && r.policyInsights().verdict() != null) {
            RunResult.Verdict v = r.policyInsights().verdict();
            StringBuilder vt = new StringBuilder(Html.text(v.text()));
            for (String w : v.warnings()) {
                vt.append("<br>").append(Html.badge("warn", "warning")).append(' ').append(Html.text(w));
            }
            kv.add(new String[] {"Verdict", vt.toString()});
        }
        b.append(Html.kv(kv)).append("</section>\n");
    }

    private static String iqr(PolicyResult p) {
        return Fmt.num(p.valueDr().q25()) + "\u2013" + Fmt.num(p.valueDr().q75());
    }

    private void protocol(StringBuilder b, ProtocolInfo p) {
        b.append("<section>").append(heading("protocol"));
        b.append(Html.kv(List.of(
                new String[] {"Question", Html.text(p.question())},
                new String[] {"Decision time", Html.text(p.decisionTime())},
                new String[] {"Population", Html.text(p.population())},
                new String[] {"Users", Html.text(p.users())},
                new String[] {"Data file", "<code>" + Html.text(p.dataFile()) + "</code>"},
                new String[] {"Rows", Fmt.integer(p.rowsRead()) + " read, " + Fmt.integer(p.rowsDropped())
                        + " dropped" + (p.rowsDroppedReason() == null || p.rowsDroppedReason().isBlank() ? ""
                        : " (" + Html.esc(p.rowsDroppedReason()) + ")")},
                new String[] {"Treatment column", "<code>" + Html.text(p.treatmentColumn()) + "</code>"},
                new String[] {"Control arm", Html.text(p.controlLabel()) + " (code <code>"
                        + Html.esc(p.controlCode()) + "</code>)"},
                new String[] {"Treated arm", Html.text(p.treatedLabel()) + " (code <code>"
                        + Html.esc(p.treatedCode()) + "</code>)"},
                new String[] {"Outcome", "<code>" + Html.text(p.outcomeColumn()) + "</code> ("
                        + Html.esc(p.outcomeType().key()) + "), SD " + Fmt.num(p.outcomeSd())},
                new String[] {"Direction", "<b>" + Html.esc(PolicyChoice.directionText(p.direction()))
                        + "</b>"},
                new String[] {"Decision rule", DecisionRuleText.protocolRow(r)})));
        b.append("</section>\n");
    }

    private void covariates(StringBuilder b) {
        List<CovariateDecision> all = r.covariates() == null ? List.of() : r.covariates();
        List<CovariateDecision> kept = all.stream().filter(CovariateDecision::kept).toList();
        List<CovariateDecision> dropped = all.stream().filter(c -> !c.kept()).toList();
        int features = r.features() == null ? 0 : r.features().size();
        b.append("<section>").append(heading("covariates"));
        DataWarningSection.render(b, r);
        b.append("<p>Covariates are kept or dropped by their declared causal role: confounders (affect both "
                + "treatment and outcome) and effect modifiers are kept; instruments, mediators, colliders and "
                + "post-treatment variables are dropped. ").append(kept.size()).append(" kept, ")
                .append(dropped.size()).append(" dropped; the models use ").append(features)
                .append(" features.</p>\n");
        for (boolean k : new boolean[] {true, false}) {
            List<CovariateDecision> list = k ? kept : dropped;
            b.append("<h3>").append(k ? "Kept" : "Dropped").append(" (").append(list.size()).append(")</h3>\n");
            List<String> headers = new ArrayList<>(List.of("Covariate", "Role", "Type", "Missing", "Reason"));
            if (k) {
                headers.add("Features");
            }
            Html.Table t = new Html.Table(headers, false, false, false, true);
            for (CovariateDecision c : list) {
                List<String> cells = new ArrayList<>(List.of("<code>" + Html.esc(c.name()) + "</code>",
                        Html.text(c.role()), Html.text(c.type()), Fmt.integer(c.missing()), Html.text(c.reason())));
                if (k) {
                    cells.add(c.features() == null ? "" : Html.esc(String.join(", ", c.features())));
                }
                t.row(null, cells.toArray(String[]::new));
            }
            b.append(list.isEmpty() ? "<p>None.</p>\n" : t.html());
        }
        b.append("</section>\n");
    }

    private void propensity(StringBuilder b) {
        b.append("<section>").append(heading("propensity"));
        b.append("<p>Propensity models estimate e(x), the probability that a patient with covariates x "
                + "receives the treated arm. The selected model (<code>")
                .append(Html.text(r.selectedPropensityModel()))
                .append("</code>) provides the weights for IPW and DR and the overlap set.</p>\n");
        Html.Table t = new Html.Table(List.of("Model", "Split", "Brier", "AUROC", "Accuracy", "Precision",
                "Recall", "F1", ""), false, false, true, true, true, true, true, true);
        for (PropensityMetric m : r.propensity() == null ? List.<PropensityMetric>of() : r.propensity()) {
            boolean selected = m.model() != null && m.model().equals(r.selectedPropensityModel());
            boolean warn = m.auroc() >= AUROC_WARN;
            t.row(warn ? "warn" : null, "<code>" + Html.esc(m.model()) + "</code>"
                            + (selected ? " " + Html.badge("good", "selected") : ""), Html.text(m.split()),
                    Fmt.num(m.brier()), Fmt.num(m.auroc()), Fmt.num(m.accuracy()), Fmt.num(m.precision()),
                    Fmt.num(m.recall()), Fmt.num(m.f1()), warn ? Html.badge("warn", "AUROC near 1") : "");
        }
        b.append(t.html());
        b.append("<p class=\"note\"><b>AUROC near 1 is a warning, not a success.</b> If the model can almost "
                + "perfectly tell treated from control patients, the arms barely overlap: for many patients "
                + "only one treatment was ever given, and no method can estimate what the other would have "
                + "done. Lower Brier is better; good calibration matters more than discrimination here.</p>\n");
        b.append(figure("calibration"));
        b.append("</section>\n");
    }

    private void overlap(StringBuilder b) {
        RunResult.OverlapInfo o = r.overlap();
        b.append("<section>").append(heading("overlap"));
        if (o == null) {
            b.append("<p>No overlap information was produced.</p></section>\n");
            return;
        }
        b.append("<p>The overlap set holds the patients whose estimated propensity lies between the two "
                + "thresholds. Outside it one arm is (almost) never observed, so comparisons there rest on "
                + "extrapolation and inverse-propensity weights explode.</p>\n");
        b.append(Html.kv(List.of(
                new String[] {"Thresholds", "\u03b7<sub>low</sub> = " + Fmt.num(o.etaLow())
                        + ", \u03b7<sub>high</sub> = " + Fmt.num(o.etaHigh())},
                new String[] {"How they were chosen", Html.text(o.method())},
                new String[] {"Test patients in overlap", Fmt.count(o.testInOverlap(), o.testTotal())},
                new String[] {"Training patients in overlap", Fmt.count(o.trainInOverlap(), o.trainTotal())})));
        b.append(figure("propensity_before_trimming"));
        b.append(figure("propensity_after_trimming"));
        b.append("</section>\n");
    }
}
