package org.causalrx.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.causalrx.pipeline.CohortSummaryTables;
import org.causalrx.pipeline.RunResult;
import org.causalrx.policy.GroupProfile;

/**
 * The cohort tables of the report (TRS Table S.1: table one by split with missing counts; Table S.2: the variable
 * dictionary) and their CSV files {@code table_one.csv} and {@code variable_dictionary.csv}. Formats only.
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

    private static GroupProfile.Stat[] cells(CohortSummaryTables.TableOneRow row) {
        return new GroupProfile.Stat[] {row.train(), row.validation(), row.test(), row.all()};
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
        int[] n = {c.n().train(), c.n().validation(), c.n().test(), c.nAll()};
        b.markup("<h3>Table S.1: the cohort by split</h3>\n<p>Numeric covariates: mean (SD) of the values present; "
                + "categorical: n (%) per level. Missing: patients of the split without a value.</p>\n");
        List<String> headers = new ArrayList<>(List.of("Covariate", "Level"));
        for (int k = 0; k < SPLITS.length; k++) {
            headers.add(SPLITS[k] + " (n = " + n[k] + ")");
            headers.add("missing");
        }
        Html.Table t = new Html.Table(headers, false, false, true, true, true, true, true, true, true, true);
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
        b.markup("</section>\n");
    }

    /** Writes the two CSV tables into {@code dir}; none when the run has no cohort tables. */
    static List<String> write(RunResult r, Path dir) throws IOException {
        CohortSummaryTables c = r.cohortTables();
        if (c == null) {
            return List.of();
        }
        List<List<String>> one = new ArrayList<>();
        List<String> head = new ArrayList<>(List.of("variable", "level"));
        for (String s : SPLITS) {
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
