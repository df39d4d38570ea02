package org.causalrx.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.causalrx.result.DeferralSet;
import org.causalrx.result.PolicyId;
import org.causalrx.simulate.FeasibilityResult;
import org.causalrx.verdict.ExitPoints;
import java.util.Optional;

import org.causalrx.pipeline.RunFigures;
import org.causalrx.pipeline.RunResult;
import org.causalrx.pipeline.RunResult.PolicyResult;
import org.causalrx.pipeline.RunResult.ProtocolInfo;

/**
 * Writes a run's report into a directory: {@code report.html} (one self-contained file, figures inlined as
 * PNG data URIs), {@code figures/*.png} and {@code figures/*.svg}, and {@code tables/*.csv}.
 *
 * <p>The report only draws and formats what {@link RunResult} and {@link RunFigures} contain; it makes no choice
 * (the recommended policy is the one core selected on the validation split).
 * Output is deterministic for the same input (no timestamps). Stateless and thread-safe.
 */
public final class ReportWriter {

    /** Name of the HTML report inside the output directory. */
    public static final String REPORT_HTML = "report.html";
    /** Sub-directory holding the PNG and SVG figures. */
    public static final String FIGURES_DIR = "figures";
    /** Sub-directory holding the CSV tables. */
    public static final String TABLES_DIR = "tables";

    private ReportWriter() {
    }

    /**
     * Writes the report.
     *
     * @param result  the run's results
     * @param figures the data behind the figures; maps may be empty (the figure is then left out)
     * @param outDir  an existing directory to write into; existing files of the same names are replaced
     * @throws IOException if a file cannot be written
     */
    public static void write(RunResult result, RunFigures figures, Path outDir) throws IOException {
        write(result, figures, null, List.of(), outDir);
    }

    /**
     * As {@link #write(RunResult, RunFigures, Path)}, with the feasibility simulation run with the study (or null;
     * when present, {@link SimulationReport#write} must have written its files into {@code outDir} first) and the
     * exit points of the feasibility verdict, shown at the top of the report.
     */
    public static void write(RunResult result, RunFigures figures, FeasibilityResult simulation,
                             List<ExitPoints.ExitPoint> exitPoints, Path outDir) throws IOException {
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(figures, "figures");
        Objects.requireNonNull(result.protocol(), "result.protocol");
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        Path figDir = Files.createDirectories(outDir.resolve(FIGURES_DIR));
        Map<String, Figures.Figure> figs = renderFigures(result, figures, figDir);
        Path scatter = figDir.resolve("simulation_scatter.png");
        if (simulation != null && Files.exists(scatter)) {
            put(figs, new Figures.Figure("simulation_scatter", "Feasibility simulation: estimated vs true policy "
                    + "value on simulated outcomes, every policy and seed (DR and IPW); the dashed line is y = x.",
                    Files.readAllBytes(scatter)));
        }
        List<String> tables = new java.util.ArrayList<>(CsvTables.writeAll(result, outDir.resolve(TABLES_DIR)));
        tables.addAll(ModelEvaluationReport.tables(result, figures, outDir.resolve(TABLES_DIR)));
        if (!exitPoints.isEmpty()) {
            List<List<String>> rows = new java.util.ArrayList<>();
            rows.add(List.of("step", "status", "finding", "next"));
            for (ExitPoints.ExitPoint e : exitPoints) {
                rows.add(List.of(e.step(), e.status().key(), e.finding(), e.next()));
            }
            tables.add(CsvTables.writeTable(outDir.resolve(TABLES_DIR), "exit_points.csv", rows));
        }
        tables.addAll(AnalysisReport.tables(result, outDir.resolve(TABLES_DIR)));
        String html = new HtmlReport(result, figs, tables, simulation, exitPoints).render();
        Files.writeString(outDir.resolve(REPORT_HTML), html, StandardCharsets.UTF_8);
    }

    private static Map<String, Figures.Figure> renderFigures(RunResult r, RunFigures f, Path dir)
            throws IOException {
        Map<String, Figures.Figure> out = new LinkedHashMap<>();
        ProtocolInfo p = r.protocol();
        List<PolicyResult> policies = r.policies() == null ? List.of() : r.policies();
        if (f.calibration() != null && f.calibration().values().stream().anyMatch(l -> l != null && !l.isEmpty())) {
            put(out, Figures.save(Figures.calibration(f.calibration(), r.selectedPropensityModel()), dir,
                    "calibration", "Calibration of each propensity model on the validation split: mean "
                            + "predicted probability of treatment against the observed share treated, per bin. "
                            + "Points on the dashed diagonal are perfectly calibrated."));
        }
        double lo = r.overlap() == null ? Double.NaN : r.overlap().etaLow();
        double hi = r.overlap() == null ? Double.NaN : r.overlap().etaHigh();
        String model = r.selectedPropensityModel() == null ? "the selected model" : r.selectedPropensityModel();
        if (hasValues(f.propensityByArm())) {
            put(out, Figures.save(Figures.propensityHistogram("Propensity by arm, before trimming",
                    f.propensityByArm(), p, lo, hi), dir, "propensity_before_trimming",
                    "Estimated propensity e(x) (" + model + ") on the training split by actual arm, before "
                            + "trimming; each arm's histogram sums to one. Dashed lines mark the overlap "
                            + "thresholds."));
        }
        if (hasValues(f.trimmedByArm())) {
            put(out, Figures.save(Figures.propensityHistogram("Propensity by arm, after trimming",
                    f.trimmedByArm(), p, lo, hi), dir, "propensity_after_trimming",
                    "The same, keeping only patients inside the overlap set. Dashed lines mark the "
                            + "thresholds."));
        }
        BalanceReport.figures(r, dir, out);
        Optional<PolicyResult> doctors = PolicyChoice.doctors(policies);
        org.causalrx.study.Study.Direction valueDir = PolicyChoice.valueDirection(r);
        String valued = PolicyChoice.valueOutcome(r);
        String yTitle = "Policy value: " + (valued == null ? "outcome" : valued) + " ("
                + PolicyChoice.directionText(valueDir) + ")";
        String refNote = doctors.isPresent() ? " The dashed red line marks the Doctors policy's mean." : "";
        if (hasValues(f.bootstrapDr())) {
            double ref = doctors.map(d -> d.valueDr() == null ? Double.NaN : d.valueDr().mean()).orElse(Double.NaN);
            put(out, Figures.save(Figures.policyBoxes("Held-out policy value, doubly robust (bootstrap)",
                    yTitle, policies, f.bootstrapDr(), ref), dir, "policy_value_dr",
                    "Bootstrap distribution of each policy's DR value on the test split (box: 25\u201375 %, "
                            + "line: median). " + capitalise(PolicyChoice.directionText(valueDir)) + "."
                            + refNote));
        }
        if (hasValues(f.bootstrapIpw())) {
            double ref = doctors.map(d -> d.valueIpw() == null ? Double.NaN : d.valueIpw().mean())
                    .orElse(Double.NaN);
            put(out, Figures.save(Figures.policyBoxes("Held-out policy value, IPW (bootstrap)", yTitle, policies,
                    f.bootstrapIpw(), ref), dir, "policy_value_ipw",
                    "Bootstrap distribution of each policy's IPW value on the test split. "
                            + capitalise(PolicyChoice.directionText(valueDir)) + "." + refNote));
        }
        ModelEvaluationReport.figures(r, f, dir, out);
        HeterogeneityReport.figures(r, dir, out);
        SensitivitySection.figures(r, dir, out);
        PolicyTreeReport.figures(r, dir, out);
        RefutationReport.figures(r, dir, out);
        RunResult.CateInsights ins = r.cateInsights();
        if (ins != null && ins.calibration() != null && !ins.calibration().isEmpty()) {
            put(out, Figures.save(InsightFigures.calibration(ins.calibration()), dir, "cate_calibration",
                    "CATE calibration: test patients binned by quintile of each estimator's predicted effect; in "
                            + "each bin the doubly robust (AIPW) effect with its 95 % interval against the mean "
                            + "predicted effect. A well-calibrated estimator lies on the dashed line y = x."));
        }
        if (ins != null && ins.estimators() != null && ins.estimators().size() > 1) {
            put(out, HeatMap.save(dir, "cate_correlation_pearson",
                    "Pearson correlation between the estimators' predicted effects on the test split: do they agree "
                            + "on the size of the effect?", "Pearson correlation of test-set CATEs",
                    ins.estimators(), ins.pearson(), -1, 1, "%.2f"));
            put(out, HeatMap.save(dir, "cate_correlation_kendall",
                    "Kendall rank correlation between the estimators' predicted effects on the test split: do "
                            + "they rank patients alike? (Pearson in the table.)",
                            "Kendall correlation of test-set CATEs",
                    ins.estimators(), ins.kendall(), -1, 1, "%.2f"));
        }
        if (r.featureImportance() != null) {
            for (int i = 0; i < r.featureImportance().size(); i++) {
                RunResult.FeatureImportance fi = r.featureImportance().get(i);
                put(out, Figures.save(InsightFigures.shap(fi, 20), dir, "shap_" + i, "Feature importance of "
                        + fi.model() + ": mean absolute SHAP value on the test split (" + fi.scale()
                        + "), top 20 features. Importance is not causation: it shows what the model uses."));
            }
        }
        RunResult.PolicyInsights pi = r.policyInsights();
        if (pi != null && pi.policies() != null && pi.policies().size() > 1) {
            double[][] share = new double[pi.policies().size()][pi.policies().size()];
            for (int i = 0; i < share.length; i++) {
                for (int j = 0; j < share.length; j++) {
                    share[i][j] = i == j ? Double.NaN : pi.winsDr()[i][j] / (double) Math.max(1, pi.rounds());
                }
            }
            put(out, HeatMap.save(dir, "win_matrix_dr",
                    "Win matrix: the share of bootstrap rounds in which the row policy's DR value is better than the "
                            + "column policy's (" + PolicyChoice.directionText(valueDir) + "; red: the row "
                            + "wins most rounds).", "Share of bootstrap rounds the row policy beats the column (DR)",
                    pi.policies().stream().map(PolicyId::name).toList(), share, 0, 1, "%.2f"));
        }
        if (pi != null && pi.rankCurves() != null && !pi.rankCurves().isEmpty()) {
            PolicyResult doc = doctors.orElse(null);
            put(out, Figures.save(InsightFigures.rankGraph(pi.rankCurves(), doc == null ? 0 : doc.treatedShare(),
                    doc == null || doc.valueDr() == null ? Double.NaN : doc.valueDr().mean(), yTitle), dir,
                    "rank_graph",
                    "Rank graph: DR value when the top share of test patients by each model's predicted benefit is "
                            + "treated (dashed: 95 % bootstrap band); grey: a random ranking; diamond: Doctors. "
                            + capitalise(PolicyChoice.directionText(valueDir)) + "."));
        }
        if (r.deferral() != null && r.deferralSweep() != null && r.deferral().sweepPolicy() != null) {
            PolicyId spId = new PolicyId(r.deferral().sweepPolicy(), DeferralSet.CONSERVATIVE);
            String sp = spId.name();
            List<org.causalrx.pipeline.DeferralResult.SweepPoint> pts = r.deferralSweep().stream()
                    .filter(x -> x.policy().equals(spId)).toList();
            if (!pts.isEmpty()) {
                put(out, Figures.save(DeferralFigures.sweep(pts, sp, yTitle), dir, "deferral_sweep",
                        "Deferral sweep of " + sp + ": each line is one Lambda, its points the alpha_stat values; "
                                + "x: share of test patients deferred, y: held-out DR value (point estimate). "
                                + capitalise(PolicyChoice.directionText(valueDir)) + "."));
            }
        }
        AnalysisReport.figures(r, f, dir, out);
        return out;
    }

    private static void put(Map<String, Figures.Figure> out, Figures.Figure f) {
        out.put(f.id(), f);
    }

    private static boolean hasValues(Map<?, double[]> m) {
        return m != null && m.values().stream().anyMatch(v -> v != null && v.length > 0);
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
