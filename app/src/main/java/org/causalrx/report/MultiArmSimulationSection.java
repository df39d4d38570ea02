package org.causalrx.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.causalrx.pipeline.MultiArmResult;
import org.causalrx.pipeline.MultiArmSimulation;
import org.causalrx.pipeline.ResultsJson;

/**
 * The feasibility simulation of a K-arm run in its report: the three checks, each policy's estimated and true
 * values averaged over seeds, each estimator's recovery of every arm's true effect and, with deferral, the coverage
 * of its deferral intervals (report.html section and tables/simulation_*.csv). It draws
 * {@link MultiArmResult#simulation()}; it decides nothing.
 */
public final class MultiArmSimulationSection {
    static final String CHECKS_TABLE = "simulation_checks.csv";
    static final String POLICIES_TABLE = "simulation_policies.csv";
    static final String ARM_EFFECTS_TABLE = "simulation_arm_effects.csv";
    static final String INTERVALS_TABLE = "simulation_intervals.csv";

    private MultiArmSimulationSection() {
    }

    /** One line per check, for the console ("simulation check 1 (linear) passed: ..."). */
    public static List<String> checkLines(MultiArmResult r) {
        if (r.simulation() == null) {
            return List.of();
        }
        return r.simulation().checks().stream().map(c -> String.format(Locale.ROOT, "simulation check %d (%s) %s: %s",
                c.id(), c.form(), c.passed() ? "passed" : "FAILED", c.name())).toList();
    }

    /**
     * One line per check of a simulation run on its own ({@code causalrx simulate} on a K-arm study).
     */
    public static List<String> checkLines(MultiArmSimulation s) {
        return s.checks().stream().map(c -> String.format(Locale.ROOT, "check %d (%s) %s: %s", c.id(), c.form(),
                c.passed() ? "passed" : "FAILED", c.detail())).toList();
    }

    /** Writes simulation.json and the three tables (into {@code dir}/tables) of a simulation run on its own. */
    public static void write(MultiArmSimulation s, Path dir) throws IOException {
        Files.writeString(dir.resolve(SimulationReport.JSON), ResultsJson.mapper().writeValueAsString(s) + "\n",
                StandardCharsets.UTF_8);
        writeTables(s, Files.createDirectories(dir.resolve(ReportWriter.TABLES_DIR)));
    }

    /** Writes the three tables into {@code tables}. */
    static void writeTables(MultiArmSimulation s, Path tables) throws IOException {
        List<List<String>> checks = new ArrayList<>();
        checks.add(List.of("form", "check", "name", "passed", "value", "threshold", "detail"));
        s.checks().forEach(c -> checks.add(List.of(c.form(), Integer.toString(c.id()), c.name(),
                Boolean.toString(c.passed()), Fmt.raw(c.value()), Fmt.raw(c.threshold()), c.detail())));
        CsvTables.writeTable(tables, CHECKS_TABLE, checks);
        List<List<String>> pol = new ArrayList<>();
        pol.add(List.of("form", "policy", "learned", "dr_mean", "dr_sem", "ipw_mean", "ipw_sem", "true_mean",
                "true_sem", "regret_mean", "regret_sem"));
        s.summaries().forEach(p -> pol.add(List.of(p.form(), p.policy().name(), Boolean.toString(p.learned()),
                Fmt.raw(p.drMean()), Fmt.raw(p.drSem()), Fmt.raw(p.ipwMean()), Fmt.raw(p.ipwSem()),
                Fmt.raw(p.trueMean()), Fmt.raw(p.trueSem()), Fmt.raw(p.regretMean()), Fmt.raw(p.regretSem()))));
        CsvTables.writeTable(tables, POLICIES_TABLE, pol);
        List<List<String>> arms = new ArrayList<>();
        arms.add(List.of("form", "estimator", "arm", "label", "true_mean", "estimated_mean", "rmse", "correlation",
                "seeds"));
        s.armEffects().forEach(a -> arms.add(List.of(a.form(), a.estimator(), a.arm(), a.label(),
                Fmt.raw(a.trueMean()), Fmt.raw(a.estimatedMean()), Fmt.raw(a.rmse()), Fmt.raw(a.correlation()),
                Integer.toString(a.seeds()))));
        CsvTables.writeTable(tables, ARM_EFFECTS_TABLE, arms);
        if (!s.intervals().isEmpty()) {
            CsvTables.writeTable(tables, INTERVALS_TABLE, IntervalCoverageTable.rows(s));
        }
    }

    /** The report section. */
    static void html(HtmlWriter b, MultiArmSimulation s) {
        b.markup("<h3 id=\"simulation\">Feasibility simulation</h3>\n<p>Can the pipeline recover a known good "
                + "policy on this cohort? Outcomes simulated with a known effect of each arm against the reference "
                + "(forms ").text(String.join(", ", s.forms())).markup("; ").text(Integer.toString(s.seeds()))
                .markup(" data sets each; mean |CATE| ").text(Fmt.num(s.effect())).markup(").</p>\n");
        s.notes().forEach(n -> b.markup("<p>").text(n).markup("</p>\n"));
        Html.Table checks = new Html.Table(List.of("form", "check", "result", "detail"), false, false, false,
                false);
        s.checks().forEach(c -> checks.row(c.passed() ? null : "warn", c.form(), c.id() + ". " + c.name(),
                c.passed() ? "passed" : "failed", c.detail()));
        b.add(checks.html());
        Html.Table pol = new Html.Table(List.of("form", "policy", "DR value", "IPW value", "true value", "regret"),
                false, false, true, true, true, true);
        s.summaries().forEach(p -> pol.row(null, p.form(), Markup.code(p.policy().name()), mean(p.drMean(),
                p.drSem()), mean(p.ipwMean(), p.ipwSem()), mean(p.trueMean(), p.trueSem()),
                mean(p.regretMean(), p.regretSem())));
        b.add(pol.html());
        Html.Table arms = new Html.Table(List.of("form", "estimator", "arm", "true mean effect",
                "estimated mean effect", "sqrt-PEHE", "correlation"), false, false, false, true, true, true, true);
        s.armEffects().forEach(a -> arms.row(null, a.form(), Markup.code(a.estimator()), a.label(),
                Fmt.num(a.trueMean()), Fmt.num(a.estimatedMean()), Fmt.num(a.rmse()), Fmt.num(a.correlation())));
        b.add(arms.html());
        b.add(IntervalCoverageTable.html(s));
    }

    private static String mean(double m, double sem) {
        return Fmt.num(m) + (Double.isFinite(sem) ? " (" + Fmt.num(sem) + ")" : "");
    }
}
