package org.causalrx.bundle;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.causalrx.data.Column;
import org.causalrx.data.Encoding;
import org.causalrx.data.EncodingParts;
import org.causalrx.data.Table;
import org.causalrx.data.TableReader;
import org.causalrx.util.CausalRxException;

/**
 * New patients' rows checked against a bundle's input schema and encoded as in training, for {@link Recommender}
 * and {@link MultiArmRecommender}: rows with a non-numeric value in a numeric column, a number beyond the models'
 * float range (|x| > 3.4e38, also after encoding, e.g. a square), or a category (or a missing value) not seen in
 * training get a per-row error and are not scored; missing numbers are imputed as in training (training median plus
 * the missing indicator). Collects the per-row errors, the problems by column and the notes; one per input table.
 */
final class InputRows {
    /** The largest magnitude the models take (they compute in 32-bit float), in words. */
    private static final String MAX_TEXT = "\u00b13.4e38";

    private final String file;
    private final InputSchema schema;
    private final String[] errors;
    private final Map<String, String[]> problemText = new LinkedHashMap<>();
    private final Map<String, List<Integer>> problemRows = new LinkedHashMap<>();
    private final Map<String, List<Integer>> imputed = new LinkedHashMap<>();
    private final Column idCol;
    private int[] validRows;
    private double[][] x;

    private InputRows(InputSchema schema, Table input) {
        this.file = input.source();
        this.schema = schema;
        this.errors = new String[input.rowCount()];
        this.idCol = schema.idColumn() == null ? null : input.find(schema.idColumn()).orElse(null);
    }

    /**
     * Checks and encodes every row of {@code input}.
     *
     * @throws CausalRxException when a required column is absent (no row could be scored), naming the file, the
     *                           columns and the fix
     */
    static InputRows of(InputSchema schema, Encoding encoding, Table input) {
        String file = input.source();
        int n = input.rowCount();
        List<String> absent = new ArrayList<>();
        for (InputSchema.InputColumn c : schema.columns()) {
            if (input.find(c.name()).isEmpty()) {
                absent.add(c.name());
            }
        }
        if (!absent.isEmpty()) {
            throw new CausalRxException(file + ": no column" + (absent.size() > 1 ? "s " : " ") + "'"
                    + String.join("', '", absent) + "' (needed by the model; rows 1-" + n + "); add "
                    + (absent.size() > 1 ? "them" : "it") + " to the file (the model reads: " + String.join(", ",
                    schema.columns().stream().map(InputSchema.InputColumn::name).toList()) + ")");
        }
        InputRows r = new InputRows(schema, input);
        List<Column> clean = new ArrayList<>();
        for (InputSchema.InputColumn c : schema.columns()) {
            Column col = input.column(c.name());
            clean.add(c.categorical() ? r.levels(c, col) : r.numbers(c, col));
        }
        List<Integer> valid = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (r.errors[i] == null) {
                valid.add(i);
            }
        }
        int[] validRows = valid.stream().mapToInt(Integer::intValue).toArray();
        double[][] x = encoding.transform(new Table(file, clean).rows(validRows));
        int[] kept = r.finiteFeatureRows(encoding.featureNames(), x, validRows);
        if (kept.length < validRows.length) {
            double[][] all = x;
            x = Arrays.stream(kept).mapToObj(k -> all[k]).toArray(double[][]::new);
            int[] was = validRows;
            validRows = Arrays.stream(kept).map(k -> was[k]).toArray();
        }
        r.validRows = validRows;
        r.x = x;
        return r;
    }

    /** Number of input rows. */
    int size() {
        return errors.length;
    }

    /** 0-based input rows that passed the checks, in file order. */
    int[] validRows() {
        return validRows.clone();
    }

    /** Their encoded features (one row per valid row). */
    double[][] x() {
        return x;
    }

    /** Why input row {@code row} (0-based) was not scored, or null. */
    String error(int row) {
        return errors[row];
    }

    /** Patient id of a 0-based row: the id column's value, else the 1-based data row. */
    String id(int row) {
        return idCol == null || idCol.isMissing(row) ? Integer.toString(row + 1) : idCol.text(row);
    }

    /** Records a problem of a row (0-based): its cell, the kind of problem (grouped by column) and the fix. */
    void flag(String column, int row, String kind, String cell, String fix) {
        String msg = cell + "; " + fix;
        errors[row] = errors[row] == null ? msg : errors[row] + " | " + msg;
        String key = column + "\u0000" + kind;
        problemText.putIfAbsent(key, new String[] {column, kind + "; " + fix});
        problemRows.computeIfAbsent(key, k -> new ArrayList<>()).add(row + 1);
    }

    /** The problems, grouped by column and kind, in the order first seen. */
    List<Recommender.Problem> problems() {
        List<Recommender.Problem> out = new ArrayList<>();
        problemText.forEach((key, t) -> out.add(new Recommender.Problem(t[0], t[1], problemRows.get(key))));
        return out;
    }

    /** Things done that the user should know: a missing id column, imputed missing values. */
    List<String> notes() {
        List<String> notes = new ArrayList<>();
        if (schema.idColumn() != null && idCol == null) {
            notes.add(file + ": no id column '" + schema.idColumn() + "'; rows are identified by their "
                    + "1-based data row");
        }
        imputed.forEach((col, r) -> notes.add(file + ": column '" + col + "': " + r.size() + " missing value"
                + (r.size() > 1 ? "s" : "") + " (rows " + Recommender.rowList(r) + ") imputed as in training "
                + "(training median"
                + (schema.columns().stream().anyMatch(c -> c.name().equals(col) && c.missingSeen())
                ? " plus the missing indicator)"
                : "; training had no missing values here, so there is no indicator)")));
        return notes;
    }

    private Column numbers(InputSchema.InputColumn c, Column col) {
        double[] v = new double[col.size()];
        for (int i = 0; i < v.length; i++) {
            if (col.isMissing(i)) {
                v[i] = Double.NaN;
                imputed.computeIfAbsent(c.name(), k -> new ArrayList<>()).add(i + 1);
            } else if (col instanceof Column.Numeric num) {
                v[i] = num.get(i);
                if (Math.abs(v[i]) > Float.MAX_VALUE) {
                    flag(c.name(), i, "column '" + c.name() + "' has numbers too large for the model",
                            "'" + col.text(i) + "' is beyond " + MAX_TEXT + ", the largest number the model takes",
                            "fix the value (a plain number in the column's units, or empty if unknown)");
                }
            } else {
                Double d = TableReader.parseNumber(col.text(i));
                if (d == null) {
                    v[i] = Double.NaN;
                    flag(c.name(), i, "column '" + c.name() + "' is numeric but has text",
                            "'" + col.text(i) + "' is not a number",
                            "fix the value (a plain number, or empty if unknown)");
                } else if (Math.abs(d) > Float.MAX_VALUE) {
                    v[i] = Double.NaN;
                    flag(c.name(), i, "column '" + c.name() + "' has numbers too large for the model",
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
    private int[] finiteFeatureRows(List<String> features, double[][] x, int[] rows) {
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
                flag(f, rows[k], "feature '" + f + "' is too large for the model after encoding",
                        "feature '" + f + "' = " + x[k][bad] + " is beyond " + MAX_TEXT,
                        "check the values this feature is computed from");
            }
        }
        return kept.stream().mapToInt(Integer::intValue).toArray();
    }

    private Column levels(InputSchema.InputColumn c, Column col) {
        String[] v = new String[col.size()];
        String missing = EncodingParts.missingLevel();
        for (int i = 0; i < v.length; i++) {
            if (col.isMissing(i)) {
                if (!c.levels().contains(missing)) {
                    flag(c.name(), i, "column '" + c.name() + "' is empty but had no missing values "
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
                flag(c.name(), i, "column '" + c.name() + "' has categories not seen in training",
                        "'" + c.name() + "' = '" + col.text(i) + "' was not seen in training",
                        "use one of " + c.levels().stream().filter(l -> !l.equals(missing)).toList());
                continue;
            }
            v[i] = level;
        }
        return new Column.Text(c.name(), v);
    }
}
