package org.causalrx.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.causalrx.pipeline.CohortSummaryTables;
import org.causalrx.pipeline.RunResult;
import org.causalrx.policy.GroupProfile;

/**
 * The cohort tables of the report (TRS Table S.1: table one by split and by arm with missing counts; Table S.2: the
 * variable dictionary) and their CSV files {@code table_one.csv} and {@code variable_dictionary.csv}, for two-arm
 * and K-arm runs. Formats only.
 */
final class CohortTablesSection implements ReportSection {
    static final String TABLE_ONE = "table_one.csv";
    static final String DICTIONARY = "variable_dictionary.csv";
    private static final String[] SPLITS = {"train", "validation", "test", "all"};

    private final RunResult r;

    CohortTablesSection(RunResult r) {
        this.r = r;
    }

    @Override
    public String id() {
        return "cohort-tables";
    }

    @Override
    public String title() {
        return "2.1 Cohort by split and variable dictionary (Tables S.1, S.2)";
    }

    private static List<GroupProfile.Stat> cells(CohortSummaryTables.TableOneRow row) {
        List<GroupProfile.Stat> out = new ArrayList<>(List.of(row.train(), row.validation(), row.test(), row.all()));
        out.addAll(row.byArm());
        return out;
    }

    private static String stat(String level, GroupProfile.Stat s) {
        return level.isEmpty() ? Fmt.num(s.value()) + " (" + Fmt.num(s.sd()) + ")"
                : Fmt.integer(s.n()) + " (" + Fmt.pct(s.value()) + ")";
    }

    @Override
    public void render(HtmlWriter b, HtmlReport report) {
        CohortSummaryTables c = r.cohortTables();
        b.markup("<section>").add(report.heading(this));
        if (c == null) {
            b.markup("<p>Not computed for this run.</p>\n</section>\n");
            return;
        }
        html(b, c);
        b.markup("</section>\n");
    }

    /** Tables S.1 and S.2 as two {@code h3} subsections (no section around them). */
    static void html(HtmlWriter b, CohortSummaryTables c) {
        List<String> columns = new ArrayList<>();
        List<Integer> n = new ArrayList<>(List.of(c.n().train(), c.n().validation(), c.n().test(), c.nAll()));
        columns.addAll(List.of(SPLITS));
        for (CohortSummaryTables.ArmColumn a : c.arms()) {
            columns.add(a.label());
            n.add(a.n());
        }
        if (c.arms().isEmpty()) {
            b.markup("<h3>Table S.1: the cohort by split</h3>\n");
        } else {
            b.markup("<h3>Table S.1: the cohort by split and by arm</h3>\n");
        }
        b.markup("<p>Numeric covariates: mean (SD) of the values present; categorical: n (%) per level. "
                + "Missing: patients of the split (or arm) without a value.</p>\n");
        List<String> headers = new ArrayList<>(List.of("Covariate", "Level"));
        for (int k = 0; k < columns.size(); k++) {
            headers.add(columns.get(k) + " (n = " + n.get(k) + ")");
            headers.add("missing");
        }
        boolean[] numeric = new boolean[headers.size()];
        java.util.Arrays.fill(numeric, 2, numeric.length, true);
        Html.Table t = new Html.Table(headers, numeric);
        for (CohortSummaryTables.TableOneRow row : c.tableOne()) {
            List<Object> cells = new ArrayList<>(List.of(Markup.code(row.variable()), Markup.textOrDash(row.level())));
            for (GroupProfile.Stat s : cells(row)) {
                cells.add(stat(row.level(), s));
                cells.add(Fmt.integer(s.missing()));
            }
            t.row(null, cells.toArray());
        }
        b.add(c.tableOne().isEmpty() ? Markup.trusted("<p>No covariates.</p>\n") : t.html());
        b.markup("<h3>Table S.2: variable dictionary</h3>\n<p>").text(c.fromCohort()
                ? "The columns of the table the study's cohort: block built from its event tables."
                : "The study reads a data file: its covariates with their roles and types.").markup("</p>\n");
        Html.Table d = new Html.Table(List.of("Variable", "Role", "Type", "Source table", "Signal", "Statistic",
                "Unit", "Window", "Missing"), false, false, false, false, false, false, false, false, true);
        for (CohortSummaryTables.Variable v : c.dictionary()) {
            d.row(null, Markup.code(v.variable()), Markup.textOrDash(v.role()), Markup.textOrDash(v.type()),
                    Markup.textOrDash(v.sourceTable()), Markup.textOrDash(v.signal()),
                    Markup.textOrDash(v.statistic()), Markup.textOrDash(v.unit()), Markup.textOrDash(v.window()),
                    Fmt.integer(v.missing()));
        }
        b.add(d.html());
    }

    /** Writes the two CSV tables into {@code dir}; none when the run has no cohort tables. */
    static List<String> write(RunResult r, Path dir) throws IOException {
        return write(r.cohortTables(), dir);
    }

    /**
     * Writes the two CSV tables into {@code dir}; none when {@code c} is null. Table S.1 has four columns (n, value,
     * sd, missing) per split, then per arm ({@code arm_CODE_n}, ...).
     */
    static List<String> write(CohortSummaryTables c, Path dir) throws IOException {
        if (c == null) {
            return List.of();
        }
        List<List<String>> one = new ArrayList<>();
        List<String> head = new ArrayList<>(List.of("variable", "level"));
        List<String> prefixes = new ArrayList<>(List.of(SPLITS));
        c.arms().forEach(a -> prefixes.add("arm_" + a.code()));
        for (String s : prefixes) {
            head.addAll(List.of(s + "_n", s + "_value", s + "_sd", s + "_missing"));
        }
        one.add(head);
        for (CohortSummaryTables.TableOneRow row : c.tableOne()) {
            List<String> line = new ArrayList<>(List.of(row.variable(), row.level()));
            for (GroupProfile.Stat s : cells(row)) {
                line.addAll(List.of(Integer.toString(s.n()), Fmt.raw(s.value()), Fmt.raw(s.sd()),
                        Integer.toString(s.missing())));
            }
            one.add(line);
        }
        List<List<String>> dict = new ArrayList<>();
        dict.add(List.of("variable", "role", "type", "source_table", "signal", "statistic", "unit", "window",
                "missing"));
        for (CohortSummaryTables.Variable v : c.dictionary()) {
            dict.add(List.of(v.variable(), v.role(), v.type(), v.sourceTable(), v.signal(), v.statistic(), v.unit(),
                    v.window(), Long.toString(v.missing())));
        }
        return List.of(CsvTables.writeTable(dir, TABLE_ONE, one), CsvTables.writeTable(dir, DICTIONARY, dict));
    }
}
