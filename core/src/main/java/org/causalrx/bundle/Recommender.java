package org.causalrx.bundle;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.causalrx.causal.EffectIntervals;
import org.causalrx.causal.IntervalCateModel;
import org.causalrx.data.Column;
import org.causalrx.data.EncodingParts;
import org.causalrx.data.Table;
import org.causalrx.data.TableReader;
import org.causalrx.policy.Deferral;
import org.causalrx.policy.PolicyDecisions;
import org.causalrx.result.DeferralSet;
import org.causalrx.util.CausalRxException;

/**
 * Applies a {@link ModelBundle} to new patients. Each row is checked against the bundle's input schema; rows with a
 * non-numeric value in a numeric column, a number beyond the models' float range (|x| > 3.4e38, also after
 * encoding, e.g. a square), or a category (or a missing value) not seen in training, are reported by column and
 * row and not scored; the other rows are encoded exactly as in training (missing numbers: training
 * median plus the missing indicator) and decided by {@link Deferral#decide} with the bundled decision rule (default
 * arm, margin), as the pipeline decides: the Inclusive set defers outside overlap; a Conservative bundle (alpha set,
 * CATE model with intervals) also defers when the interval contains the margin boundary (0 for the sign rule).
 */
public final class Recommender {
    /** The largest magnitude the models take (they compute in 32-bit float), in words. */
    private static final String MAX_TEXT = "\u00b13.4e38";

    private Recommender() {
    }

    /**
     * One input row's result.
     *
     * @param id             patient id (the id column's value, else the 1-based data row)
     * @param dataRow        1-based data row in the input file (the header not counted)
     * @param arm            0, 1, {@link PolicyDecisions#DEFER}, or null when the row could not be scored
     * @param recommendation arm label or "DEFER" ("" when not scored)
     * @param reason         the decision's reason ("" when not scored)
     * @param cate           point CATE (NaN when not scored)
     * @param lo             lower end of the effect interval (NaN: none bundled)
     * @param hi             upper end of the effect interval (NaN: none bundled)
     * @param propensity     e(x) (NaN when not scored)
     * @param error          why the row was not scored ("" when scored)
     */
    public record Row(String id, int dataRow, Integer arm, String recommendation, String reason, double cate,
                      double lo, double hi, double propensity, String error) {
    }

    /**
     * One kind of problem in one column.
     *
     * @param column the column
     * @param what   the problem and the fix, in words
     * @param rows   1-based data rows with it
     */
    public record Problem(String column, String what, List<Integer> rows) {
        @Override
        public List<Integer> rows() {
            return List.copyOf(rows);
        }
    }

    /**
     * @param rows     every input row, in file order
     * @param problems rows excluded from scoring, grouped by column and problem
     * @param notes    things done that the user should know (e.g. missing values imputed)
     */
    public record Result(List<Row> rows, List<Problem> problems, List<String> notes) {
        public Result {
            rows = List.copyOf(rows);
            problems = List.copyOf(problems);
            notes = List.copyOf(notes);
        }

        public long scored() {
            return rows.stream().filter(r -> r.arm() != null).count();
        }
    }

    /**
     * Scores every valid row of {@code input}.
     *
     * @throws CausalRxException when a required column is absent (no row could be scored), naming the file,
     *                           the columns and the fix
     */
    public static Result apply(ModelBundle bundle, Table input) {
        String file = input.source();
        int n = input.rowCount();
        List<String> absent = new ArrayList<>();
        for (InputSchema.InputColumn c : bundle.schema().columns()) {
            if (input.find(c.name()).isEmpty()) {
                absent.add(c.name());
            }
        }
        if (!absent.isEmpty()) {
            throw new CausalRxException(file + ": no column" + (absent.size() > 1 ? "s " : " ") + "'"
                    + String.join("', '", absent) + "' (needed by the model; rows 1-" + n + "); add "
                    + (absent.size() > 1 ? "them" : "it") + " to the file (the model reads: " + String.join(", ",
                    bundle.schema().columns().stream().map(InputSchema.InputColumn::name).toList()) + ")");
        }
        String[] errors = new String[n];
        Map<String, Problem> problems = new LinkedHashMap<>();
        Map<String, List<Integer>> imputed = new LinkedHashMap<>();
        List<Column> clean = new ArrayList<>();
        for (InputSchema.InputColumn c : bundle.schema().columns()) {
            Column col = input.column(c.name());
            clean.add(c.categorical() ? levels(c, col, errors, problems)
                    : numbers(c, col, errors, problems, imputed));
        }
        List<Integer> valid = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (errors[i] == null) {
                valid.add(i);
            }
        }
        int[] validRows = valid.stream().mapToInt(Integer::intValue).toArray();
        double[][] x = bundle.encoding().transform(new Table(file, clean).rows(validRows));
        int[] kept = finiteFeatureRows(bundle.encoding().featureNames(), x, validRows, errors, problems);
        if (kept.length < validRows.length) {
            double[][] all = x;
            x = java.util.Arrays.stream(kept).mapToObj(k -> all[k]).toArray(double[][]::new);
            int[] was = validRows;
            validRows = java.util.Arrays.stream(kept).map(k -> was[k]).toArray();
        }
        double[] e = validRows.length == 0 ? new double[0] : bundle.propensity().predictProba(x);
        double[] tau = validRows.length == 0 ? new double[0] : bundle.cate().effect(x);
        double[] lo = new double[validRows.length];
        double[] hi = new double[validRows.length];
        java.util.Arrays.fill(lo, Double.NaN);
        java.util.Arrays.fill(hi, Double.NaN);
        if (validRows.length > 0 && bundle.alphaStat() != null && bundle.cate() instanceof IntervalCateModel im) {
            EffectIntervals iv = im.effectInterval(x, bundle.alphaStat());
            lo = iv.lo();
            hi = iv.hi();
        }
        boolean conservative = bundle.deferralSet() == DeferralSet.CONSERVATIVE;
        Column idCol = bundle.schema().idColumn() == null ? null : input.find(bundle.schema().idColumn()).orElse(null);
        Row[] rows = new Row[n];
        for (int k = 0; k < validRows.length; k++) {
            int i = validRows[k];
            if (!Double.isFinite(e[k]) || !Double.isFinite(tau[k])) {
                flag(errors, problems, "", i, "the model's output is not a finite number",
                        "e(x) = " + e[k] + ", CATE = " + tau[k], "check this row's values for extreme numbers");
                continue;
            }
            Deferral.Decision d = Deferral.decide(e[k], bundle.overlap(), tau[k], conservative ? lo[k] : Double.NaN,
                    conservative ? hi[k] : Double.NaN, bundle.rule());
            boolean defer = d.arm() == PolicyDecisions.DEFER;
            String label = defer ? "DEFER" : bundle.armLabels().get(d.arm());
            String reason = defer ? d.reason() : d.reason() + " ('" + label + "')";
            rows[i] = new Row(id(idCol, i), i + 1, d.arm(), label, reason, tau[k], lo[k], hi[k], e[k], "");
        }
        for (int i = 0; i < n; i++) {
            if (rows[i] == null) {
                rows[i] = new Row(id(idCol, i), i + 1, null, "", "", Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                        errors[i]);
            }
        }
        List<String> notes = new ArrayList<>();
        if (bundle.schema().idColumn() != null && idCol == null) {
            notes.add(file + ": no id column '" + bundle.schema().idColumn() + "'; rows are identified by their "
                    + "1-based data row");
        }
        imputed.forEach((col, r) -> notes.add(file + ": column '" + col + "': " + r.size() + " missing value"
                + (r.size() > 1 ? "s" : "") + " (rows " + rowList(r) + ") imputed as in training (training median"
                + (bundle.schema().columns().stream().anyMatch(c -> c.name().equals(col) && c.missingSeen())
                ? " plus the missing indicator)"
                : "; training had no missing values here, so there is no indicator)")));
        return new Result(List.of(rows), new ArrayList<>(problems.values()), notes);
    }

    private static Column numbers(InputSchema.InputColumn c, Column col, String[] errors, Map<String, Problem> problems,
                                  Map<String, List<Integer>> imputed) {
        double[] v = new double[col.size()];
        for (int i = 0; i < v.length; i++) {
            if (col.isMissing(i)) {
                v[i] = Double.NaN;
                imputed.computeIfAbsent(c.name(), k -> new ArrayList<>()).add(i + 1);
            } else if (col instanceof Column.Numeric num) {
                v[i] = num.get(i);
                if (Math.abs(v[i]) > Float.MAX_VALUE) {
                    flag(errors, problems, c.name(), i, "column '" + c.name() + "' has numbers too large for the model",
                            "'" + col.text(i) + "' is beyond " + MAX_TEXT + ", the largest number the model takes",
                            "fix the value (a plain number in the column's units, or empty if unknown)");
                }
            } else {
                Double d = TableReader.parseNumber(col.text(i));
                if (d == null) {
                    v[i] = Double.NaN;
                    flag(errors, problems, c.name(), i, "column '" + c.name() + "' is numeric but has text",
                            "'" + col.text(i) + "' is not a number",
                            "fix the value (a plain number, or empty if unknown)");
                } else if (Math.abs(d) > Float.MAX_VALUE) {
                    v[i] = Double.NaN;
                    flag(errors, problems, c.name(), i, "column '" + c.name() + "' has numbers too large for the model",
                            "'" + col.text(i) + "' is beyond " + MAX_TEXT + ", the largest number the model takes",
                            "fix the value (a plain number in the column's units, or empty if unknown)");
                } else {
                    v[i] = d;
                }
            }
        }
        return new Column.Numeric(c.name(), v);
    }

    /**
     * The indices (into {@code x}) of rows whose encoded features are all finite and within float range (the models
     * compute in float); the others get a per-row error naming the feature (e.g. a square that overflows).
     */
    private static int[] finiteFeatureRows(List<String> features, double[][] x, int[] rows, String[] errors,
                                           Map<String, Problem> problems) {
        List<Integer> kept = new ArrayList<>();
        for (int k = 0; k < x.length; k++) {
            int bad = -1;
            for (int j = 0; j < x[k].length && bad < 0; j++) {
                if (!(Math.abs(x[k][j]) <= Float.MAX_VALUE)) {
                    bad = j;
                }
            }
            if (bad < 0) {
                kept.add(k);
            } else {
                String f = features.get(bad);
                flag(errors, problems, f, rows[k], "feature '" + f + "' is too large for the model after encoding",
                        "feature '" + f + "' = " + x[k][bad] + " is beyond " + MAX_TEXT,
                        "check the values this feature is computed from");
            }
        }
        return kept.stream().mapToInt(Integer::intValue).toArray();
    }

    private static Column levels(InputSchema.InputColumn c, Column col, String[] errors,
            Map<String, Problem> problems) {
        String[] v = new String[col.size()];
        String missing = EncodingParts.missingLevel();
        for (int i = 0; i < v.length; i++) {
            if (col.isMissing(i)) {
                if (!c.levels().contains(missing)) {
                    flag(errors, problems, c.name(), i, "column '" + c.name() + "' is empty but had no missing values "
                            + "in training", "'" + c.name() + "' is empty", "fill in one of " + c.levels());
                }
                continue;
            }
            String level = col.text(i);
            if (!c.levels().contains(level) && !c.readAsText() && col instanceof Column.Text) {
                // the training column held numbers: compare as the training file's numbers are written
                Double d = TableReader.parseNumber(level);
                if (d != null) {
                    level = new Column.Numeric(c.name(), new double[] {d}).text(0);
                }
            }
            if (!c.levels().contains(level) || level.equals(missing)) {
                flag(errors, problems, c.name(), i, "column '" + c.name() + "' has categories not seen in training",
                        "'" + c.name() + "' = '" + col.text(i) + "' was not seen in training",
                        "use one of " + c.levels().stream().filter(l -> !l.equals(missing)).toList());
                continue;
            }
            v[i] = level;
        }
        return new Column.Text(c.name(), v);
    }

    private static void flag(String[] errors, Map<String, Problem> problems, String column, int row, String kind,
                             String cell, String fix) {
        String msg = cell + "; " + fix;
        errors[row] = errors[row] == null ? msg : errors[row] + " | " + msg;
        problems.computeIfAbsent(column + "\u0000" + kind, k -> new Problem(column, kind + "; " + fix,
                new ArrayList<>())).rows.add(row + 1);
    }

    private static String id(Column idCol, int row) {
        return idCol == null || idCol.isMissing(row) ? Integer.toString(row + 1) : idCol.text(row);
    }

    /** The first rows, e.g. "3, 7, 12, …". */
    public static String rowList(List<Integer> rows) {
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < Math.min(10, rows.size()); k++) {
            sb.append(k > 0 ? ", " : "").append(rows.get(k));
        }
        if (rows.size() > 10) {
            sb.append(", … (").append(rows.size()).append(" rows)");
        }
        return String.format(Locale.ROOT, "%s", sb);
    }
}
