package org.causalrx.report;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.causalrx.pipeline.RunResult;
import org.causalrx.pipeline.RunResult.CovariateDecision;
import org.causalrx.pipeline.RunResult.OutcomeModelMetric;
import org.causalrx.pipeline.RunResult.PolicyResult;
import org.causalrx.pipeline.RunResult.PropensityMetric;
import org.causalrx.pipeline.RunResult.Summary;
import org.causalrx.result.PolicyId;

/**
 * Writes the report's tables as RFC 4180 CSV files (comma separated, CRLF line ends, fields quoted when they
 * contain a comma, quote or line break). Numbers are written at full precision; non-finite numbers as empty
 * fields.
 */
final class CsvTables {

    static final String PROPENSITY = "propensity_metrics.csv";
    static final String COVARIATES = "covariates.csv";
    static final String OUTCOME_MODELS = "outcome_models.csv";
    static final String POLICIES = "policies.csv";
    static final String OVERLAP = "overlap.csv";
    static final String ATE = "ate.csv";

    private CsvTables() {
    }

    /** Writes every table into {@code tablesDir} (created if needed); returns the file names written. */
    static List<String> writeAll(RunResult r, Path tablesDir) throws IOException {
        Files.createDirectories(tablesDir);
        List<String> names = new ArrayList<>();
        names.add(write(tablesDir, PROPENSITY, propensity(r)));
        names.add(write(tablesDir, COVARIATES, covariates(r)));
        names.add(write(tablesDir, OUTCOME_MODELS, outcomeModels(r)));
        names.add(write(tablesDir, POLICIES, policies(r)));
        names.add(write(tablesDir, OVERLAP, overlap(r)));
        names.add(write(tablesDir, ATE, ate(r)));
        names.add(write(tablesDir, "ate_estimands.csv", estimands(r)));
        names.addAll(CrossFitSection.tables(r, tablesDir));
        names.addAll(DataWarningSection.tables(r, tablesDir));
        names.addAll(BalanceReport.tables(r, tablesDir));
        names.addAll(HeterogeneityReport.tables(r, tablesDir));
        names.addAll(SensitivitySection.tables(r, tablesDir));
        names.addAll(PolicyTreeReport.tables(r, tablesDir));
        names.addAll(RefutationReport.tables(r, tablesDir));
        RunResult.CateInsights ins = r.cateInsights();
        if (ins != null && ins.estimators() != null && !ins.estimators().isEmpty()) {
            names.add(write(tablesDir, "cate_correlation_pearson.csv", matrix(ins.estimators(), ins.pearson())));
            names.add(write(tablesDir, "cate_correlation_kendall.csv", matrix(ins.estimators(), ins.kendall())));
            List<List<String>> implied = new ArrayList<>();
            implied.add(List.of("estimator", "implied_ate", "ci_low", "ci_high"));
            for (RunResult.ImpliedAte a : ins.impliedAte()) {
                implied.add(List.of(a.estimator(), Fmt.raw(a.estimate()), Fmt.raw(a.ciLow()), Fmt.raw(a.ciHigh())));
            }
            names.add(write(tablesDir, "cate_implied_ate.csv", implied));
            List<List<String>> cal = new ArrayList<>();
            cal.add(List.of("estimator", "bin", "mean_predicted", "aipw", "ci_low", "ci_high", "n"));
            ins.calibration().forEach((est, bins) -> {
                for (int i = 0; i < bins.size(); i++) {
                    RunResult.CalibrationBin b = bins.get(i);
                    cal.add(List.of(est, Integer.toString(i + 1), Fmt.raw(b.meanPredicted()), Fmt.raw(b.aipw()),
                            Fmt.raw(b.ciLow()), Fmt.raw(b.ciHigh()), Integer.toString(b.n())));
                }
            });
            names.add(write(tablesDir, "cate_calibration.csv", cal));
        }
        if (r.featureImportance() != null && !r.featureImportance().isEmpty()) {
            List<List<String>> fiRows = new ArrayList<>();
            fiRows.add(List.of("model", "scale", "feature", "mean_abs_shap"));
            for (RunResult.FeatureImportance fi : r.featureImportance()) {
                for (int j = 0; j < fi.features().size(); j++) {
                    fiRows.add(List.of(fi.model(), fi.scale(), fi.features().get(j), Fmt.raw(fi.meanAbsShap()[j])));
                }
            }
            names.add(write(tablesDir, "feature_importance.csv", fiRows));
        }
        RunResult.PolicyInsights pi = r.policyInsights();
        if (pi != null) {
            names.add(write(tablesDir, "win_matrix_dr.csv", wins(pi.policies(), pi.winsDr())));
            names.add(write(tablesDir, "win_matrix_ipw.csv", wins(pi.policies(), pi.winsIpw())));
            List<List<String>> tree = new ArrayList<>();
            tree.add(List.of("policy", "actual_arm", "group", "n", "mean", "sem"));
            String treePolicy = pi.selectedPolicy() == null ? null : pi.selectedPolicy().name();
            for (RunResult.OutcomeTreeNode nd : pi.outcomeTree()) {
                tree.add(List.of(s(treePolicy), s(nd.arm()), nd.group(), Integer.toString(nd.n()),
                        Fmt.raw(nd.mean()), Fmt.raw(nd.sem())));
            }
            names.add(write(tablesDir, "outcome_tree.csv", tree));
            if (pi.selection() != null) {
                List<List<String>> sel = new ArrayList<>();
                sel.add(List.of("policy", "learned", "scheme", "n", "dr", "ipw", "selected"));
                for (RunResult.SelectionValue v : pi.selection().values()) {
                    sel.add(List.of(v.policy().name(), Boolean.toString(v.learned()), pi.selection().scheme().key(),
                            Integer.toString(pi.selection().n()), Fmt.raw(v.dr()), Fmt.raw(v.ipw()),
                            Boolean.toString(v.policy().equals(pi.selection().selected()))));
                }
                names.add(write(tablesDir, "policy_selection.csv", sel));
            }
            List<List<String>> rank = new ArrayList<>();
            rank.add(List.of("ranking", "share_treated", "value_dr", "low", "high"));
            for (RunResult.RankCurve c : pi.rankCurves()) {
                for (int i = 0; i < c.share().length; i++) {
                    rank.add(List.of(c.name(), Fmt.raw(c.share()[i]), Fmt.raw(c.value()[i]), Fmt.raw(c.low()[i]),
                            Fmt.raw(c.high()[i])));
                }
            }
            names.add(write(tablesDir, "rank_graph.csv", rank));
        }
        if (r.deferral() != null) {
            names.addAll(DeferralTables.write(r, tablesDir));
        }
        names.addAll(CohortTablesSection.write(r, tablesDir));
        return names;
    }

    static String writeTable(Path dir, String name, List<List<String>> rows) throws IOException {
        return write(dir, name, rows);
    }

    static List<List<String>> wins(List<PolicyId> policies, int[][] m) {
        return square("row_beats_column", policies.stream().map(PolicyId::name).toList(),
                (i, j) -> Integer.toString(m[i][j]));
    }

    /** A square table: a header row of names, then one row per name with its cells. */
    static List<List<String>> square(String corner, List<String> names,
                                     java.util.function.BiFunction<Integer, Integer, String> cell) {
        List<List<String>> rows = new ArrayList<>();
        List<String> header = new ArrayList<>();
        header.add(corner);
        header.addAll(names);
        rows.add(header);
        for (int i = 0; i < names.size(); i++) {
            List<String> row = new ArrayList<>();
            row.add(names.get(i));
            for (int j = 0; j < names.size(); j++) {
                row.add(cell.apply(i, j));
            }
            rows.add(row);
        }
        return rows;
    }

    static List<List<String>> propensity(RunResult r) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("model", "split", "selected", "brier", "auroc", "accuracy", "precision", "recall", "f1"));
        for (PropensityMetric m : nonNull(r.propensity())) {
            rows.add(List.of(s(m.model()), s(m.split()), Boolean.toString(m.model() != null
                            && m.model().equals(r.selectedPropensityModel())), Fmt.raw(m.brier()),
                    Fmt.raw(m.auroc()), Fmt.raw(m.accuracy()), Fmt.raw(m.precision()), Fmt.raw(m.recall()),
                    Fmt.raw(m.f1())));
        }
        return rows;
    }

    static List<List<String>> covariates(RunResult r) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("name", "role", "kept", "reason", "type", "missing", "features"));
        for (CovariateDecision c : nonNull(r.covariates())) {
            rows.add(List.of(s(c.name()), s(c.role()), Boolean.toString(c.kept()), s(c.reason()), s(c.type()),
                    Integer.toString(c.missing()), String.join(";", nonNull(c.features()))));
        }
        return rows;
    }

    static List<List<String>> outcomeModels(RunResult r) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("model", "arm", "split", "n", "rmse", "mae", "r2", "outcome_sd",
                "no_better_than_mean"));
        for (OutcomeModelMetric m : nonNull(r.outcomeModels())) {
            rows.add(List.of(s(m.model()), s(m.arm()), s(m.split()), Integer.toString(m.n()), Fmt.raw(m.rmse()),
                    Fmt.raw(m.mae()), Fmt.raw(m.r2()), Fmt.raw(m.outcomeSd()),
                    Boolean.toString(m.rejected())));
        }
        return rows;
    }

    static List<List<String>> policies(RunResult r) {
        List<List<String>> rows = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of("name", "description", "treated_share", "deferred_share",
                "dr_point", "ipw_point"));
        for (String est : List.of("dr", "ipw")) {
            for (String stat : List.of("mean", "sd", "min", "q25", "median", "q75", "max")) {
                header.add(est + "_" + stat);
            }
        }
        header.add("value_scheme");
        header.add("selected");
        rows.add(header);
        PolicyId selected = PolicyChoice.selected(r).map(PolicyResult::name).orElse(null);
        for (PolicyResult p : nonNull(r.policies())) {
            List<String> row = new ArrayList<>(List.of(s(p.name().name()), s(p.description()),
                    Fmt.raw(p.treatedShare()), Fmt.raw(p.deferredShare()), Fmt.raw(p.pointDr()),
                    Fmt.raw(p.pointIpw())));
            addSummary(row, p.valueDr());
            addSummary(row, p.valueIpw());
            // every value here is on the test split; the selected policy was chosen on other data
            row.add("test_split");
            row.add(Boolean.toString(p.name().equals(selected)));
            rows.add(row);
        }
        return rows;
    }

    static List<List<String>> overlap(RunResult r) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("eta_low", "eta_high", "method", "test_total", "test_in_overlap", "train_total",
                "train_in_overlap"));
        RunResult.OverlapInfo o = r.overlap();
        if (o != null) {
            rows.add(List.of(Fmt.raw(o.etaLow()), Fmt.raw(o.etaHigh()), s(o.method()),
                    Integer.toString(o.testTotal()), Integer.toString(o.testInOverlap()),
                    Integer.toString(o.trainTotal()), Integer.toString(o.trainInOverlap())));
        }
        return rows;
    }

    static List<List<String>> ate(RunResult r) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("estimate", "se", "ci_low", "ci_high", "method", "folds", "n"));
        RunResult.AteResult a = r.ate();
        if (a != null) {
            rows.add(List.of(Fmt.raw(a.estimate()), Fmt.raw(a.se()), Fmt.raw(a.ciLow()), Fmt.raw(a.ciHigh()),
                    s(a.method()), Integer.toString(a.folds()), Integer.toString(a.n())));
        }
        return rows;
    }

    /** The cross-fitted AIPW estimands the study asked for (ate, att, atc), one row each. */
    static List<List<String>> estimands(RunResult r) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("estimand", "estimate", "se", "ci_low", "ci_high", "n", "folds"));
        if (r.ate() != null) {
            for (RunResult.EstimandResult e : r.ate().estimands()) {
                rows.add(List.of(e.name(), Fmt.raw(e.estimate()), Fmt.raw(e.se()), Fmt.raw(e.ciLow()),
                        Fmt.raw(e.ciHigh()), Integer.toString(e.n()), Integer.toString(e.folds())));
            }
        }
        return rows;
    }

    /** One CSV field, quoted when needed. */
    static List<List<String>> matrix(List<String> names, double[][] m) {
        return square("estimator", names, (i, j) -> Fmt.raw(m[i][j]));
    }

    static String field(String v) {
        if (v == null) {
            return "";
        }
        if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0
                || (!v.isEmpty() && (v.charAt(0) == ' ' || v.charAt(v.length() - 1) == ' '))) {
            return '"' + v.replace("\"", "\"\"") + '"';
        }
        return v;
    }

    private static String write(Path dir, String name, List<List<String>> rows) throws IOException {
        try (Writer w = Files.newBufferedWriter(dir.resolve(name), StandardCharsets.UTF_8)) {
            for (List<String> row : rows) {
                for (int i = 0; i < row.size(); i++) {
                    if (i > 0) {
                        w.write(',');
                    }
                    w.write(field(row.get(i)));
                }
                w.write("\r\n");
            }
        }
        return name;
    }

    private static void addSummary(List<String> row, Summary s) {
        if (s == null) {
            for (int i = 0; i < 7; i++) {
                row.add("");
            }
            return;
        }
        row.addAll(List.of(Fmt.raw(s.mean()), Fmt.raw(s.sd()), Fmt.raw(s.min()), Fmt.raw(s.q25()),
                Fmt.raw(s.median()), Fmt.raw(s.q75()), Fmt.raw(s.max())));
    }

    private static String s(String v) {
        return v == null ? "" : v;
    }

    private static <T> List<T> nonNull(List<T> list) {
        return list == null ? List.of() : list;
    }
}
