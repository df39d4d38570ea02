package org.causalrx.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.causalrx.causal.diagnostics.Balance;
import org.causalrx.pipeline.CovariateBalance;
import org.causalrx.pipeline.RunResult;
import org.knowm.xchart.CategoryChart;

/**
 * Covariate balance under inverse-propensity weighting ({@code balance} in results.json): a table of the weights
 * and effective sample size per arm, the flag, and the largest imbalances inside the overlap section; the Love
 * plot; {@code balance.csv} (one row per split and feature) and {@code balance_weights.csv}. Formats only; draws
 * nothing when the run has no balance.
 */
final class BalanceReport {
    static final String CSV = "balance.csv";
    static final String WEIGHTS_CSV = "balance_weights.csv";
    static final String FIGURE = "love_plot";
    /** Features shown in the HTML table and the Love plot, largest |SMD| before weighting first. */
    static final int TOP = 30;

    private BalanceReport() {
    }

    /** The balance part of the overlap section. */
    static void html(HtmlWriter b, HtmlReport report, RunResult r) {
        CovariateBalance cb = r.balance();
        if (cb == null) {
            return;
        }
        b.markup("<h3 id=\"balance\">Covariate balance after inverse-propensity weighting</h3>\n");
        b.markup("<p>Each patient is weighted by 1/e(x) if treated and 1/(1\u2212e(x)) if not (e from <code>")
                .textOrDash(cb.propensityModel()).markup("</code>, clipped to [").text(Fmt.num(cb.weightClip()))
                .markup(", ").text(Fmt.num(1 - cb.weightClip())).markup("]). The standardised mean difference "
                        + "(SMD) of a feature is the difference of the arms' means, treated minus control, divided "
                        + "by the pooled standard deviation sqrt((s\u2081\u00b2 + s\u2080\u00b2)/2) of the unweighted "
                        + "arms; the same denominator is used before and after weighting. If the propensity model "
                        + "is adequate, weighting brings every |SMD| below ").text(Fmt.num(cb.threshold()))
                .markup(".</p>\n");
        if (cb.flagged()) {
            b.markup("<p class=\"note\"><b>Balance not reached.</b> After weighting, |SMD| exceeds ")
                    .text(Fmt.num(cb.threshold())).markup(" for: ");
            for (int i = 0; i < cb.imbalanced().size(); i++) {
                b.text(i == 0 ? "" : ", ").code(cb.imbalanced().get(i));
            }
            b.markup(". The weighted comparison still differs in these features; consider another propensity "
                    + "model, a narrower overlap set, or adjusting for them in the outcome model.</p>\n");
        } else {
            b.markup("<p class=\"info\">Balance reached: after weighting every |SMD| is at most ")
                    .text(Fmt.num(cb.threshold())).markup(" on the training and the test split.</p>\n");
        }
        RunResult.ProtocolInfo p = r.protocol();
        Html.Table w = new Html.Table(List.of("Split", "Arm", "n", "Min", "25 %", "Median", "75 %", "Max",
                "Effective n"), false, false, true, true, true, true, true, true, true);
        for (String split : List.of("train", "test")) {
            Balance.Result res = split.equals("train") ? cb.train() : cb.test();
            for (Balance.WeightSummary s : res.weights()) {
                w.row(null, split, armLabel(p, s.arm()), Fmt.integer(s.n()), Fmt.num(s.min()), Fmt.num(s.q1()),
                        Fmt.num(s.median()), Fmt.num(s.q3()), Fmt.num(s.max()), Fmt.num(s.ess()));
            }
        }
        b.add(w.html());
        b.markup("<p class=\"sub\"><b>Table.</b> Inverse-propensity weights per arm and the effective sample size "
                + "(\u03a3w)\u00b2/\u03a3w\u00b2 (Kish); an effective n far below n means a few patients carry "
                + "the weighted comparison.</p>\n");
        Html.Table t = new Html.Table(List.of("Feature", "SMD before (train)", "SMD after (train)",
                "SMD before (test)", "SMD after (test)", ""), false, true, true, true, true, false);
        for (int j : order(cb.train(), TOP)) {
            Balance.FeatureBalance tr = cb.train().features().get(j);
            Balance.FeatureBalance te = cb.test().features().get(j);
            boolean bad = cb.imbalanced().contains(tr.feature());
            t.row(bad ? "warn" : null, Markup.code(tr.feature()), Fmt.num(tr.smdUnweighted()),
                    Fmt.num(tr.smdWeighted()), Fmt.num(te.smdUnweighted()), Fmt.num(te.smdWeighted()),
                    bad ? Markup.badge("warn", "imbalanced") : "");
        }
        b.add(t.html());
        b.markup("<p class=\"sub\"><b>Table.</b> Standardised mean differences, largest |SMD| before weighting "
                + "first (at most ").text(TOP).markup(" features; every feature is in <code>").text(CSV)
                .markup("</code>).</p>\n");
        b.add(report.figure(FIGURE));
    }

    /** The Love plot, when the run has a balance with features. */
    static void figures(RunResult r, Path dir, Map<String, Figures.Figure> out) throws IOException {
        CovariateBalance cb = r.balance();
        if (cb == null || cb.train().features().isEmpty()) {
            return;
        }
        int[] order = order(cb.train(), TOP);
        CategoryChart chart = lovePlot(cb.train(), cb.test(), cb.threshold(), TOP);
        if (chart == null) {
            return;
        }
        Figures.Figure f = Figures.save(chart, dir, FIGURE,
                "Love plot: absolute standardised mean difference of each feature between the arms, before and "
                        + "after inverse-propensity weighting by " + cb.propensityModel() + " (training split; "
                        + "after weighting also on the test split). The dashed line marks " + cb.threshold()
                        + "; features sorted by |SMD| before weighting"
                        + (order.length < cb.train().features().size() ? ", top " + order.length : "") + ".");
        out.put(f.id(), f);
    }

    /**
     * The Love plot of one comparison: |SMD| before (train) and after weighting (train, test) of the {@code top}
     * features with the largest |SMD| before weighting whose three values are finite; null when there are none.
     */
    static CategoryChart lovePlot(Balance.Result train, Balance.Result test, double threshold, int top) {
        List<String> names = new ArrayList<>();
        List<List<Double>> series = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(),
                new ArrayList<>());
        for (int j : order(train, top)) {
            double[] v = {train.features().get(j).smdUnweighted(), train.features().get(j).smdWeighted(),
                test.features().get(j).smdWeighted()};
            if (Arrays.stream(v).allMatch(Double::isFinite)) {
                names.add(train.features().get(j).feature());
                for (int k = 0; k < v.length; k++) {
                    series.get(k).add(Math.abs(v[k]));
                }
                series.get(3).add(threshold);
            }
        }
        return names.isEmpty() ? null : BalanceFigures.lovePlot(names, series, threshold);
    }

    /** Writes {@link #CSV} and {@link #WEIGHTS_CSV} when the run has a balance; returns the file names written. */
    static List<String> tables(RunResult r, Path dir) throws IOException {
        CovariateBalance cb = r.balance();
        if (cb == null) {
            return List.of();
        }
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("split", "feature", "mean_control", "mean_treated", "smd_unweighted", "smd_weighted",
                "imbalanced"));
        List<List<String>> weights = new ArrayList<>();
        weights.add(List.of("split", "arm", "arm_label", "n", "sum", "min", "q1", "median", "q3", "max", "ess"));
        for (String split : List.of("train", "test")) {
            Balance.Result res = split.equals("train") ? cb.train() : cb.test();
            for (Balance.FeatureBalance f : res.features()) {
                rows.add(List.of(split, f.feature(), Fmt.raw(f.meanControl()), Fmt.raw(f.meanTreated()),
                        Fmt.raw(f.smdUnweighted()), Fmt.raw(f.smdWeighted()),
                        Boolean.toString(res.imbalanced().contains(f.feature()))));
            }
            for (Balance.WeightSummary s : res.weights()) {
                weights.add(List.of(split, Integer.toString(s.arm()), armLabel(r.protocol(), s.arm()),
                        Integer.toString(s.n()), Fmt.raw(s.sum()), Fmt.raw(s.min()), Fmt.raw(s.q1()),
                        Fmt.raw(s.median()), Fmt.raw(s.q3()), Fmt.raw(s.max()), Fmt.raw(s.ess())));
            }
        }
        return List.of(CsvTables.writeTable(dir, CSV, rows), CsvTables.writeTable(dir, WEIGHTS_CSV, weights));
    }

    /** Feature indices by |SMD| before weighting, largest first (NaN last, ties by index), at most {@code top}. */
    static int[] order(Balance.Result res, int top) {
        Integer[] idx = new Integer[res.features().size()];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, (a, c) -> {
            int cmp = Double.compare(key(res, c), key(res, a));
            return cmp != 0 ? cmp : Integer.compare(a, c);
        });
        return Arrays.stream(idx).limit(top).mapToInt(Integer::intValue).toArray();
    }

    private static double key(Balance.Result res, int j) {
        double v = Math.abs(res.features().get(j).smdUnweighted());
        return Double.isNaN(v) ? Double.NEGATIVE_INFINITY : v;
    }

    private static String armLabel(RunResult.ProtocolInfo p, int arm) {
        String label = p == null ? null : arm == 1 ? p.treatedLabel() : p.controlLabel();
        return label == null || label.isBlank() ? (arm == 1 ? "treated" : "control") : label;
    }
}
