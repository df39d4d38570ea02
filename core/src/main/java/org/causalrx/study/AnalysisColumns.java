package org.causalrx.study;

import java.util.ArrayList;
import java.util.List;

import org.causalrx.data.Column;
import org.causalrx.data.Table;
import org.causalrx.expr.Expression;
import org.causalrx.util.CausalRxException;

/**
 * Reads the columns named by a study's {@link Study.Analyses} from the data, for the analysis rows of a
 * cohort: secondary outcomes, the derived evaluation outcome, vulnerable-group columns. Unknown names are
 * an error naming the column, the study key and the closest existing column; values that cannot be used are
 * reported by data row (1-based, as in the file).
 */
public final class AnalysisColumns {
    private AnalysisColumns() {
    }

    /**
     * Values of a secondary outcome for the analysis rows, NaN where missing. A binary outcome must be 0/1.
     * Missing values are an error listing the rows unless the outcome says {@code missing: drop}.
     */
    public static double[] secondary(Study study, Table table, Study.Outcome outcome, int[] sourceRows) {
        String key = "secondary_outcomes '" + outcome.column() + "'";
        Column c = column(study, table, outcome.column(), key);
        if (!(c instanceof Column.Numeric num)) {
            throw new CausalRxException(study.file() + ": " + key + " is text in " + table.source()
                    + "; a secondary outcome must be numeric (binary: 0/1)");
        }
        double[] out = new double[sourceRows.length];
        List<Integer> missing = new ArrayList<>();
        List<Integer> notBinary = new ArrayList<>();
        for (int i = 0; i < out.length; i++) {
            out[i] = num.get(sourceRows[i]);
            if (Double.isNaN(out[i])) {
                missing.add(sourceRows[i] + 1);
            } else if (outcome.type() == Study.OutcomeType.BINARY && out[i] != 0 && out[i] != 1) {
                notBinary.add(sourceRows[i] + 1);
            }
        }
        if (!notBinary.isEmpty()) {
            throw new CausalRxException(study.file() + ": " + key + " is declared binary but has values other than "
                    + "0/1 (rows " + rows(notBinary) + "); recode it or declare type: continuous");
        }
        if (!missing.isEmpty() && outcome.missing() == Study.MissingOutcome.ERROR) {
            throw new CausalRxException(study.file() + ": " + key + " has " + missing.size() + " missing values "
                    + "among the analysis rows (rows " + rows(missing) + "); set missing: drop on it to evaluate "
                    + "policies on the patients who have it, or impute it");
        }
        return out;
    }

    /**
     * The evaluation outcome's value for each analysis row: NaN where an input is missing or the result is not
     * finite (e.g. division by zero). Such rows are an error listing them unless {@code missing: drop}.
     */
    public static double[] evaluation(Study study, Table table, Study.EvaluationOutcome eval, int[] sourceRows) {
        Expression expr = Expression.parse(eval.formula(), study.file() + ": 'outcome.evaluate.formula'");
        List<Column.Numeric> cols = new ArrayList<>();
        for (String name : expr.columns()) {
            Column c = column(study, table, name, "outcome.evaluate.formula");
            if (!(c instanceof Column.Numeric num)) {
                throw new CausalRxException(study.file() + ": 'outcome.evaluate.formula' uses column '" + name
                        + "', which is text in " + table.source() + "; the formula needs numeric columns");
            }
            cols.add(num);
        }
        List<String> names = expr.columns();
        double[] out = new double[sourceRows.length];
        List<String> bad = new ArrayList<>();
        for (int i = 0; i < out.length; i++) {
            int row = sourceRows[i];
            String missingInput = null;
            for (int k = 0; k < cols.size(); k++) {
                if (cols.get(k).isMissing(row)) {
                    missingInput = names.get(k);
                    break;
                }
            }
            double v = missingInput != null ? Double.NaN : expr.evaluate(n -> cols.get(names.indexOf(n)).get(row));
            if (!Double.isFinite(v)) {
                v = Double.NaN;
                if (bad.size() < 10) {
                    bad.add((row + 1) + (missingInput != null ? " (" + missingInput + " missing)"
                            : " (not a finite number, e.g. division by zero)"));
                } else if (bad.size() == 10) {
                    bad.add("…");
                }
            }
            out[i] = v;
        }
        long nBad = java.util.Arrays.stream(out).filter(Double::isNaN).count();
        if (nBad > 0 && eval.missing() == Study.MissingOutcome.ERROR) {
            throw new CausalRxException(study.file() + ": the evaluation outcome '" + eval.name() + "' = "
                    + expr.text() + " has no value for " + nBad + " analysis rows (rows " + String.join(", ", bad)
                    + "); fix the data, or set outcome.evaluate.missing: drop to value policies on the other rows");
        }
        return out;
    }

    /** A vulnerable-group column for the analysis rows, as text levels ("" when missing). */
    public static String[] groups(Study study, Table table, String name, int[] sourceRows) {
        Column c = column(study, table, name, "vulnerable_groups.columns");
        String[] out = new String[sourceRows.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = c.text(sourceRows[i]);
        }
        return out;
    }

    /** Checks every column the analyses name exists (before any model is fit). */
    public static void check(Study study, Table table) {
        Study.Analyses a = study.analyses();
        for (Study.Outcome o : a.secondaryOutcomes()) {
            column(study, table, o.column(), "secondary_outcomes");
        }
        if (a.evaluationOutcome() != null) {
            for (String name : Expression.parse(a.evaluationOutcome().formula(),
                    study.file() + ": 'outcome.evaluate.formula'").columns()) {
                column(study, table, name, "outcome.evaluate.formula");
            }
        }
        for (String g : a.vulnerableGroups()) {
            column(study, table, g, "vulnerable_groups.columns");
        }
    }

    private static Column column(Study study, Table table, String name, String key) {
        return table.find(name).orElseThrow(() -> {
            String guess = YamlNode.closest(name, new ArrayList<>(table.columnNames()));
            return new CausalRxException(study.file() + ": '" + key + "' names column '" + name + "', which is not in "
                    + table.source() + (guess == null ? "" : " (did you mean '" + guess + "'?)")
                    + "; fix the name in the study file");
        });
    }

    private static String rows(List<Integer> rows) {
        List<String> s = new ArrayList<>();
        for (int i = 0; i < Math.min(rows.size(), 10); i++) {
            s.add(Integer.toString(rows.get(i)));
        }
        return String.join(", ", s) + (rows.size() > 10 ? ", …" : "");
    }
}
