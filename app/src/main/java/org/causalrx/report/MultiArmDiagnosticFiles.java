package org.causalrx.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.causalrx.causal.diagnostics.Balance;
import org.causalrx.pipeline.MultiArmBalance;
import org.causalrx.pipeline.MultiArmHeterogeneity;
import org.causalrx.pipeline.MultiArmResult;
import org.causalrx.pipeline.MultiArmSensitivity;
import org.causalrx.pipeline.Sensitivity;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.XYChart;

/**
 * The CSV tables and figures of a K-arm run's diagnostics, each non-reference arm against the reference: balance
 * ({@code balance.csv}, {@code balance_weights.csv}, a Love plot per arm), heterogeneity ({@code heterogeneity.csv},
 * {@code toc_curve.csv}, a TOC figure per arm) and sensitivity ({@code sensitivity_e_value.csv},
 * {@code sensitivity_msm.csv} and its Λ curve). The two-arm tables' columns, with the arm first. Formats and draws
 * the {@link MultiArmResult}; decides nothing.
 */
final class MultiArmDiagnosticFiles {
    /** Every pair of non-reference arms: AIPW effect of one against the other and its E-values. */
    static final String PAIR_TABLE = "pairwise_effects.csv";

    private MultiArmDiagnosticFiles() {
    }

    static String loveId(int arm) {
        return BalanceReport.FIGURE + "_arm_" + arm;
    }

    static String tocId(int arm) {
        return HeterogeneityReport.FIGURE + "_arm_" + arm;
    }

    /** Writes the diagnostics' tables that the run has. */
    static void tables(MultiArmResult r, Path dir) throws IOException {
        if (r.balance() != null) {
            CsvTables.writeTable(dir, BalanceReport.CSV, balance(r.balance()));
            CsvTables.writeTable(dir, BalanceReport.WEIGHTS_CSV, weights(r));
        }
        MultiArmHeterogeneity h = r.heterogeneity();
        if (h != null) {
            List<List<String>> tests = new ArrayList<>();
            List<List<String>> toc = new ArrayList<>();
            tests.add(withArm(List.of("arm", "arm_label"), HeterogeneityReport.TESTS_HEADER));
            toc.add(withArm(List.of("arm", "arm_label"), HeterogeneityReport.TOC_HEADER));
            for (MultiArmHeterogeneity.Arm a : h.arms()) {
                List<String> arm = List.of(a.code(), a.label());
                HeterogeneityReport.testRows(a.tests()).forEach(row -> tests.add(withArm(arm, row)));
                HeterogeneityReport.tocRows(a.tests()).forEach(row -> toc.add(withArm(arm, row)));
            }
            CsvTables.writeTable(dir, "heterogeneity.csv", tests);
            CsvTables.writeTable(dir, "toc_curve.csv", toc);
        }
        MultiArmSensitivity s = r.sensitivity();
        if (s != null) {
            List<List<String>> rows = new ArrayList<>();
            rows.add(List.of("arm", "arm_label", "n", "mean_reference", "mean_arm", "effect", "se", "ci_low",
                    "ci_high", "e_value", "e_value_ci_limit", "risk_ratio", "risk_ratio_ci_limit", "conversion"));
            for (MultiArmSensitivity.Arm a : s.arms()) {
                Sensitivity.EValues e = a.eValue();
                rows.add(List.of(a.code(), a.label(), Integer.toString(s.n()), Fmt.raw(a.meanReference()),
                        Fmt.raw(a.meanArm()), Fmt.raw(a.effect()), Fmt.raw(a.se()), Fmt.raw(a.ciLow()),
                        Fmt.raw(a.ciHigh()), Fmt.raw(e.ate()), Fmt.raw(e.ciLimit()), Fmt.raw(e.riskRatio()),
                        Fmt.raw(e.riskRatioCiLimit()), e.conversion()));
            }
            CsvTables.writeTable(dir, SensitivitySection.E_VALUE_TABLE, rows);
            if (!s.pairs().isEmpty()) {
                List<List<String>> pairs = new ArrayList<>();
                pairs.add(List.of("arm", "arm_label", "versus_arm", "versus_label", "n", "mean_versus", "mean_arm",
                        "effect", "se", "ci_low", "ci_high", "e_value", "e_value_ci_limit", "risk_ratio",
                        "risk_ratio_ci_limit", "conversion"));
                for (MultiArmSensitivity.Pair pr : s.pairs()) {
                    Sensitivity.EValues e = pr.eValue();
                    pairs.add(List.of(r.arms().get(pr.indexB()).code(), pr.labelB(), r.arms().get(pr.indexA()).code(),
                            pr.labelA(), Integer.toString(s.n()), Fmt.raw(pr.meanA()), Fmt.raw(pr.meanB()),
                            Fmt.raw(pr.effect()), Fmt.raw(pr.se()), Fmt.raw(pr.ciLow()), Fmt.raw(pr.ciHigh()),
                            Fmt.raw(e.ate()), Fmt.raw(e.ciLimit()), Fmt.raw(e.riskRatio()),
                            Fmt.raw(e.riskRatioCiLimit()), e.conversion()));
                }
                CsvTables.writeTable(dir, PAIR_TABLE, pairs);
            }
            if (s.msm() != null) {
                CsvTables.writeTable(dir, SensitivitySection.MSM_TABLE, SensitivitySection.msmRows(s.msm()));
            }
        }
    }

    /** Saves a Love plot and a TOC figure per arm and the Λ curve, those the run has. */
    static Map<String, Figures.Figure> figures(MultiArmResult r, Path dir) throws IOException {
        Map<String, Figures.Figure> out = new LinkedHashMap<>();
        MultiArmBalance b = r.balance();
        for (MultiArmBalance.Arm a : b == null ? List.<MultiArmBalance.Arm>of() : b.arms()) {
            CategoryChart c = a.train() == null || a.test() == null ? null
                    : BalanceReport.lovePlot(a.train(), a.test(), b.threshold(), BalanceReport.TOP);
            if (c != null) {
                c.setTitle("Covariate balance (Love plot): " + a.label() + " vs " + r.arms().get(0).label());
                out.put(loveId(a.index()), Figures.save(c, dir, loveId(a.index()), "Love plot of '" + a.label()
                        + "' against the reference '" + r.arms().get(0).label() + "': absolute standardised mean "
                        + "difference of each feature before and after weighting each patient by 1/e_t(x), the "
                        + "propensity of the arm received (" + b.propensityModel() + "; training split, after "
                        + "weighting also on test). The dashed line marks " + b.threshold() + "."));
            }
        }
        MultiArmHeterogeneity h = r.heterogeneity();
        for (MultiArmHeterogeneity.Arm a : h == null ? List.<MultiArmHeterogeneity.Arm>of() : h.arms()) {
            if (a.tests().estimators().isEmpty()) {
                continue;
            }
            XYChart c = HeterogeneityReport.toc(a.tests());
            c.setTitle("TOC: " + a.label() + " vs " + r.arms().get(0).label());
            out.put(tocId(a.index()), Figures.save(c, dir, tocId(a.index()), "Targeting operator characteristic of '"
                    + a.label() + "' against the reference on the test split: for the share q of test patients "
                    + "with the highest predicted benefit of the arm (" + a.tests().direction() + " outcome is "
                    + "better), their doubly robust effect minus the average effect; dashed: pointwise 95 % "
                    + "bootstrap band. A curve near 0 means the ranking finds no one who benefits more than "
                    + "average."));
        }
        MultiArmSensitivity s = r.sensitivity();
        if (s != null && s.msm() != null) {
            out.put(SensitivitySection.FIGURE, Figures.save(SensitivitySection.curve(s.msm()), dir,
                    SensitivitySection.FIGURE, "Worst-case gain of " + s.msm().policy() + " over current practice "
                            + "on the test split under the marginal sensitivity model (K-arm weights p*(t | x)); "
                            + "positive is better (" + s.msm().direction() + " outcome is better); the gain holds "
                            + "up to \u039b = " + s.msm().largestLambdaText() + "."));
        }
        return out;
    }

    private static List<List<String>> balance(MultiArmBalance b) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("arm", "arm_label", "split", "feature", "mean_reference", "mean_arm", "smd_unweighted",
                "smd_weighted", "imbalanced"));
        for (MultiArmBalance.Arm a : b.arms()) {
            for (String split : List.of("train", "test")) {
                Balance.Result res = split.equals("train") ? a.train() : a.test();
                for (Balance.FeatureBalance f : res == null ? List.<Balance.FeatureBalance>of() : res.features()) {
                    rows.add(List.of(a.code(), a.label(), split, f.feature(), Fmt.raw(f.meanControl()),
                            Fmt.raw(f.meanTreated()), Fmt.raw(f.smdUnweighted()), Fmt.raw(f.smdWeighted()),
                            Boolean.toString(res.imbalanced().contains(f.feature()))));
                }
            }
        }
        return rows;
    }

    private static List<List<String>> weights(MultiArmResult r) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("comparison_arm", "split", "arm", "arm_label", "n", "sum", "min", "q1", "median", "q3",
                "max", "ess"));
        for (MultiArmBalance.Arm a : r.balance().arms()) {
            for (String split : List.of("train", "test")) {
                Balance.Result res = split.equals("train") ? a.train() : a.test();
                for (Balance.WeightSummary s : res == null ? List.<Balance.WeightSummary>of() : res.weights()) {
                    MultiArmResult.Arm arm = r.arms().get(s.arm());
                    rows.add(List.of(a.code(), split, arm.code(), arm.label(), Integer.toString(s.n()),
                            Fmt.raw(s.sum()), Fmt.raw(s.min()), Fmt.raw(s.q1()), Fmt.raw(s.median()),
                            Fmt.raw(s.q3()), Fmt.raw(s.max()), Fmt.raw(s.ess())));
                }
            }
        }
        return rows;
    }

    private static List<String> withArm(List<String> arm, List<String> row) {
        List<String> out = new ArrayList<>(arm);
        out.addAll(row);
        return out;
    }
}
