package org.causalrx.study;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.causalrx.data.Column;
import org.causalrx.data.Table;
import org.causalrx.util.CausalRxException;

/**
 * Checks a study against its data and extracts the analysis cohort. Every problem is one line naming the
 * file, the column and the first rows at fault (1-based data rows, the header not counted), with a fix.
 */
public final class CohortBuilder {
    private static final int SHOW_ROWS = 5;

    private CohortBuilder() {
    }

    /**
     * Validates {@code study} against {@code table} (the study's data file) and returns the analysis cohort.
     *
     * @throws CausalRxException one line naming the file, column, first rows at fault and a fix
     */
    public static Cohort build(Study study, Table table) {
        String file = table.source();
        checkDeclarations(study, table);
        Study.Treatment tr = study.treatment();
        Column tCol = table.column(tr.column());
        int n = table.rowCount();
        int[] t = new int[n];
        List<Integer> missingT = new ArrayList<>();
        List<Integer> badT = new ArrayList<>();
        boolean[] armSeen = new boolean[tr.size()];
        Set<String> seen = new TreeSet<>();
        for (int i = 0; i < n; i++) {
            if (tCol.isMissing(i)) {
                missingT.add(i);
                continue;
            }
            String code = tCol.text(i);
            seen.add(code);
            int arm = armOf(tr.arms(), code);
            if (arm < 0) {
                badT.add(i);
            } else {
                t[i] = arm;
                armSeen[arm] = true;
            }
        }
        if (!missingT.isEmpty()) {
            throw new CausalRxException(file + ": treatment column '" + tr.column() + "' has " + missingT.size()
                    + " missing values (rows " + rows(missingT) + "); remove those rows from the data or record "
                    + "the treatment given");
        }
        if (tr.binary() && seen.size() > 2) {
            throw new CausalRxException(file + ": treatment column '" + tr.column() + "' is not binary: it has "
                    + seen.size() + " distinct values (" + String.join(", ", first(seen)) + "; e.g. rows "
                    + rows(badT) + "); use a column with exactly two arms, recode it, or list every arm under "
                    + "treatment.arms");
        }
        if (!badT.isEmpty()) {
            throw new CausalRxException(file + ": treatment column '" + tr.column() + "' has values not declared "
                    + "under treatment.arms (data has " + String.join(", ", first(seen)) + "; declared '"
                    + String.join("', '", tr.arms().codes()) + "'; rows " + rows(badT) + " are '"
                    + tCol.text(badT.get(0)) + "'); set treatment.arms to the codes used in the data");
        }
        if (seen.size() < 2) {
            throw new CausalRxException(file + ": treatment column '" + tr.column() + "' is constant (every row is '"
                    + (seen.isEmpty() ? "" : seen.iterator().next()) + "', rows 1-" + n + "); a causal comparison "
                    + "needs patients in both arms: use data with both treatments");
        }
        for (int a = 0; a < armSeen.length; a++) {
            if (!armSeen[a]) {
                throw new CausalRxException(file + ": treatment column '" + tr.column() + "' has no row with arm '"
                        + tr.arms().code(a) + "' (" + tr.arms().label(a) + ", declared under treatment.arms; rows 1-"
                        + n + "); remove that arm from treatment.arms or use data where it was given");
            }
        }
        double[] y = outcome(study, table, file);
        List<Integer> keep = new ArrayList<>();
        List<Integer> dropped = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            (Double.isNaN(y[i]) ? dropped : keep).add(i);
        }
        Study.Outcome out = study.outcome();
        if (!dropped.isEmpty() && out.missing() == Study.MissingOutcome.ERROR) {
            throw new CausalRxException(file + ": outcome column '" + out.column() + "' has " + dropped.size()
                    + " missing values (rows " + rows(dropped) + "); set outcome.missing: drop in the study file to "
                    + "drop them (they are counted in the report), or impute them before the analysis");
        }
        if (keep.isEmpty()) {
            throw new CausalRxException(file + ": outcome column '" + out.column() + "' is missing in every row "
                    + "(rows 1-" + n
                    + " are empty), so no patient is left to analyse; fix the export or choose another outcome "
                    + "column");
        }
        int[] rowsKept = keep.stream().mapToInt(Integer::intValue).toArray();
        List<CovariatePlan> plan = new ArrayList<>();
        List<String> keptNames = new ArrayList<>();
        for (Study.Covariate c : study.covariates()) {
            Column col = table.column(c.name());
            Study.ValueType type = covariateType(c, col, file);
            if (c.squared() && type == Study.ValueType.CATEGORICAL) {
                throw new CausalRxException(file + ": column '" + c.name() + "' holds text (e.g. row "
                        + firstPresentRow(col) + ": '" + col.text(firstPresentRow(col) - 1) + "') so it is "
                        + "categorical and cannot be squared; remove 'squared: true' for it in the study file");
            }
            int missing = 0;
            for (int i : rowsKept) {
                if (col.isMissing(i)) {
                    missing++;
                }
            }
            if (c.role().kept() && missing == rowsKept.length) {
                throw new CausalRxException(file + ": covariate '" + c.name() + "' is entirely missing (rows 1-" + n
                        + " are empty); remove it from the study's covariates or fix the export");
            }
            plan.add(new CovariatePlan(c.name(), c.role(), c.role().kept(),
                    c.reason() != null ? c.reason() : c.role().reason(), type, missing));
            if (c.role().kept()) {
                keptNames.add(c.name());
            }
        }
        List<Column> covCols = new ArrayList<>();
        for (String name : keptNames) {
            covCols.add(table.column(name));
        }
        Table covariates = new Table(file, covCols).rows(rowsKept);
        String[] ids = new String[rowsKept.length];
        Column idCol = study.idColumn() == null ? null : table.column(study.idColumn());
        List<Integer> missingId = new ArrayList<>();
        for (int k = 0; k < rowsKept.length; k++) {
            ids[k] = idCol == null ? Integer.toString(rowsKept[k] + 1) : idCol.text(rowsKept[k]);
            if (idCol != null && idCol.isMissing(rowsKept[k])) {
                missingId.add(rowsKept[k]);
            }
        }
        if (idCol != null) {
            String[] present = ids.clone();
            for (int k = 0; k < present.length; k++) {
                present[k] = idCol.isMissing(rowsKept[k]) ? null : present[k];
            }
            String dup = DuplicateIds.describe(present, rowsKept);
            if (dup != null) {
                throw new CausalRxException(file + ": id column '" + study.idColumn() + "' repeats " + dup + "; each "
                        + "row must be one patient: remove the duplicate rows, or remove 'id:' from the study file to "
                        + "use row numbers");
            }
        }
        if (!missingId.isEmpty()) {
            throw new CausalRxException(file + ": id column '" + study.idColumn() + "' has " + missingId.size()
                    + " missing values (rows " + rows(missingId) + "); fill them in, or remove 'id:' from the study "
                    + "file to use row numbers");
        }
        double[] yKept = new double[rowsKept.length];
        int[] tKept = new int[rowsKept.length];
        for (int k = 0; k < rowsKept.length; k++) {
            yKept[k] = y[rowsKept[k]];
            tKept[k] = t[rowsKept[k]];
        }
        String reason = dropped.isEmpty() ? "" : dropped.size() + " rows with a missing outcome '" + out.column()
                + "' dropped (outcome.missing: drop; rows " + rows(dropped) + ")";
        return new Cohort(covariates, tKept, yKept, ids, rowsKept, n, dropped.size(), reason, plan,
                GroupColumn.values(study, table, rowsKept));
    }

    private static void checkDeclarations(Study study, Table table) {
        String file = table.source();
        String studyFile = study.file() == null ? "the study file" : study.file().getFileName().toString();
        Set<String> names = new LinkedHashSet<>(table.columnNames());
        List<String[]> wanted = new ArrayList<>();   // {column, key that names it}
        wanted.add(new String[] {study.treatment().column(), "treatment.column"});
        wanted.add(new String[] {study.outcome().column(), "outcome.column"});
        if (study.idColumn() != null) {
            wanted.add(new String[] {study.idColumn(), "id"});
        }
        if (study.groupColumn() != null) {
            wanted.add(new String[] {study.groupColumn(), "group"});
        }
        Set<String> declared = new HashSet<>();
        for (int i = 0; i < study.covariates().size(); i++) {
            Study.Covariate c = study.covariates().get(i);
            wanted.add(new String[] {c.name(), "covariates[" + (i + 1) + "].name"});
            if (!declared.add(c.name())) {
                throw new CausalRxException(studyFile + ": covariate '" + c.name() + "' is declared twice (again as "
                        + "covariates[" + (i + 1) + "]); keep one entry");
            }
            if (c.name().equals(study.treatment().column()) || c.name().equals(study.outcome().column())) {
                throw new CausalRxException(studyFile + ": column '" + c.name() + "' is the "
                        + (c.name().equals(study.treatment().column()) ? "treatment" : "outcome")
                        + " and cannot also be a covariate (covariates[" + (i + 1) + "]); remove it from covariates");
            }
        }
        for (String[] w : wanted) {
            if (!names.contains(w[0])) {
                String guess = suggestion(w[0], names);
                throw new CausalRxException(file + ": no column '" + w[0] + "' (" + w[1] + " in " + studyFile + ")"
                        + (guess.isEmpty() ? "" : "; did you mean '" + guess + "'?") + " Fix " + w[1] + " in "
                        + studyFile + " (the data has " + names.size() + " columns: " + preview(names) + ")");
            }
        }
    }

    private static String preview(Set<String> names) {
        List<String> out = new ArrayList<>();
        for (String n : names) {
            if (out.size() == 12) {
                out.add("…");
                break;
            }
            out.add(n);
        }
        return String.join(", ", out);
    }

    /** Arm codes match as text, or as numbers when both are numbers ("1" and "1.0"). */
    /** The arm index of a data value (codes compared as text, or as numbers: "1" = "1.0"), or −1. */
    private static int armOf(org.causalrx.result.Arms arms, String code) {
        for (int a = 0; a < arms.size(); a++) {
            if (sameCode(code, arms.code(a))) {
                return a;
            }
        }
        return -1;
    }

    static boolean sameCode(String data, String declared) {
        if (data.equals(declared)) {
            return true;
        }
        Double a = org.causalrx.data.TableReader.parseNumber(data);
        Double b = org.causalrx.data.TableReader.parseNumber(declared);
        return a != null && b != null && a.doubleValue() == b.doubleValue();
    }

    private static double[] outcome(Study study, Table table, String file) {
        Study.Outcome out = study.outcome();
        Column col = table.column(out.column());
        if (out.type() == Study.OutcomeType.CATEGORICAL) {
            return CategoricalOutcome.codes(out, col, file);
        }
        if (col instanceof Column.Text txt) {
            List<Integer> bad = new ArrayList<>();
            for (int i = 0; i < txt.size(); i++) {
                if (!txt.isMissing(i) && org.causalrx.data.TableReader.parseNumber(txt.get(i)) == null) {
                    bad.add(i);
                }
            }
            throw new CausalRxException(file + ": outcome column '" + out.column() + "' has " + bad.size()
                    + " non-numeric values (rows " + rows(bad) + ": " + values(txt, bad) + "); the outcome must be "
                    + "a number: fix those cells" + (out.type() == Study.OutcomeType.BINARY ? " (use 0/1)" : ""));
        }
        double[] y = ((Column.Numeric) col).toArray();
        if (out.type() == Study.OutcomeType.BINARY) {
            List<Integer> bad = new ArrayList<>();
            for (int i = 0; i < y.length; i++) {
                if (!Double.isNaN(y[i]) && y[i] != 0 && y[i] != 1) {
                    bad.add(i);
                }
            }
            if (!bad.isEmpty()) {
                throw new CausalRxException(file + ": outcome column '" + out.column() + "' is declared binary but has "
                        + "values other than 0/1 (rows " + rows(bad) + ": " + col.text(bad.get(0)) + "); recode it "
                        + "to 0/1 or declare outcome.type: continuous");
            }
        }
        return y;
    }

    private static Study.ValueType covariateType(Study.Covariate c, Column col, String file) {
        if (c.type() == Study.ValueType.NUMERIC && col instanceof Column.Text txt) {
            List<Integer> bad = new ArrayList<>();
            for (int i = 0; i < txt.size(); i++) {
                if (!txt.isMissing(i) && org.causalrx.data.TableReader.parseNumber(txt.get(i)) == null) {
                    bad.add(i);
                }
            }
            throw new CausalRxException(file + ": column '" + c.name() + "' is declared numeric but has "
                    + bad.size() + " non-numeric values (rows " + rows(bad) + ": " + values(txt, bad)
                    + "); fix those cells, or set type: categorical for it in the study file");
        }
        if (c.type() != null) {
            return c.type();
        }
        if (col instanceof Column.Text txt) {
            // undeclared type: text is categorical, unless most values are numbers (then the rest are errors)
            List<Integer> bad = new ArrayList<>();
            int numeric = 0;
            for (int i = 0; i < txt.size(); i++) {
                if (!txt.isMissing(i)) {
                    if (org.causalrx.data.TableReader.parseNumber(txt.get(i)) == null) {
                        bad.add(i);
                    } else {
                        numeric++;
                    }
                }
            }
            if (numeric > 0 && bad.size() < numeric) {
                throw new CausalRxException(file + ": column '" + c.name() + "' looks numeric but has "
                        + bad.size() + " non-numeric values (rows " + rows(bad) + ": " + values(txt, bad)
                        + "); fix those cells, or set type: categorical for it in the study file if it is a category");
            }
            return Study.ValueType.CATEGORICAL;
        }
        return Study.ValueType.NUMERIC;
    }

    /** The first few 1-based data rows, e.g. "3, 7, 12, …". */
    static String rows(List<Integer> zeroBased) {
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < Math.min(SHOW_ROWS, zeroBased.size()); k++) {
            if (k > 0) {
                sb.append(", ");
            }
            sb.append(zeroBased.get(k) + 1);
        }
        if (zeroBased.size() > SHOW_ROWS) {
            sb.append(", …");
        }
        return sb.toString();
    }

    /** The distinct text values at the first few rows, quoted, e.g. "'abc', 'n/a'". */
    private static String values(Column.Text txt, List<Integer> rows) {
        Set<String> vals = new LinkedHashSet<>();
        for (int k = 0; k < Math.min(SHOW_ROWS, rows.size()); k++) {
            vals.add("'" + txt.get(rows.get(k)) + "'");
        }
        return String.join(", ", vals);
    }

    /** 1-based row of the first non-missing value (1 when all are missing). */
    private static int firstPresentRow(Column col) {
        for (int i = 0; i < col.size(); i++) {
            if (!col.isMissing(i)) {
                return i + 1;
            }
        }
        return 1;
    }

    private static List<String> first(Set<String> values) {
        List<String> out = new ArrayList<>();
        for (String v : values) {
            if (out.size() == 8) {
                out.add("…");
                break;
            }
            out.add("'" + v + "'");
        }
        return out;
    }

    /** The column name nearest in spelling to {@code wanted}, or "" when none is close. */
    private static String suggestion(String wanted, Set<String> names) {
        String best = YamlNode.closest(wanted, new ArrayList<>(names));
        return best == null ? "" : best;
    }
}
