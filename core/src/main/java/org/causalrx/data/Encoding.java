package org.causalrx.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A fitted covariate encoding: how each kept covariate becomes model features. Immutable; fit by
 * {@link CovariateEncoder} on the training rows and applied to any table with the same columns.
 */
public final class Encoding {

    /** How one covariate is encoded. */
    sealed interface Part permits NumericPart, CategoricalPart {
        String name();

        List<String> features();
    }

    /** Numeric: value (median-imputed), optional missing indicator, optional square. */
    record NumericPart(String name, double median, boolean indicator, boolean squared) implements Part {
        public List<String> features() {
            List<String> f = new ArrayList<>();
            f.add(name);
            if (indicator) {
                f.add(name + "_missing");
            }
            if (squared) {
                f.add(name + "^2");
            }
            return f;
        }
    }

    /** Categorical: one 0/1 column per non-reference level ("missing" is a level when present). */
    record CategoricalPart(String name, String reference, List<String> levels) implements Part {
        CategoricalPart {
            levels = List.copyOf(levels);
        }

        public List<String> features() {
            List<String> f = new ArrayList<>();
            for (String l : levels) {
                if (!l.equals(reference)) {
                    f.add(name + "=" + l);
                }
            }
            return f;
        }
    }

    static final String MISSING_LEVEL = "missing";

    private final List<Part> parts;

    Encoding(List<Part> parts) {
        this.parts = List.copyOf(parts);
    }

    /** The parts in feature order (for {@link EncodingParts}). */
    List<Part> parts() {
        return parts;
    }

    /** Feature names in column order of {@link #transform}. */
    public List<String> featureNames() {
        List<String> out = new ArrayList<>();
        for (Part p : parts) {
            out.addAll(p.features());
        }
        return Collections.unmodifiableList(out);
    }

    /** The features derived from one covariate (empty when it is not encoded). */
    public List<String> featuresOf(String covariate) {
        for (Part p : parts) {
            if (p.name().equals(covariate)) {
                return p.features();
            }
        }
        return List.of();
    }

    /** Training medians used to impute numeric covariates. */
    public Map<String, Double> medians() {
        Map<String, Double> m = new LinkedHashMap<>();
        for (Part p : parts) {
            if (p instanceof NumericPart np) {
                m.put(np.name(), np.median());
            }
        }
        return m;
    }

    /** Levels of each categorical covariate in dummy order, the reference included. */
    public Map<String, List<String>> levels() {
        Map<String, List<String>> m = new LinkedHashMap<>();
        for (Part p : parts) {
            if (p instanceof CategoricalPart cp) {
                m.put(cp.name(), cp.levels());
            }
        }
        return m;
    }

    /**
     * A column as numbers: numeric columns as they are; a text column when every value is a plain number,
     * else a {@link org.causalrx.util.CausalRxException} naming the column and rows.
     */
    static Column.Numeric numeric(String source, Column c) {
        if (c instanceof Column.Numeric num) {
            return num;
        }
        Column.Text txt = (Column.Text) c;
        double[] v = new double[txt.size()];
        List<String> bad = new ArrayList<>();
        for (int i = 0; i < v.length; i++) {
            if (txt.isMissing(i)) {
                v[i] = Double.NaN;
                continue;
            }
            Double d = TableReader.parseNumber(txt.get(i));
            if (d == null) {
                if (bad.size() < 5) {
                    bad.add((i + 1) + " ('" + txt.get(i) + "')");
                }
                v[i] = Double.NaN;
            } else {
                v[i] = d;
            }
        }
        if (!bad.isEmpty()) {
            throw new org.causalrx.util.CausalRxException(source + ": column '" + c.name()
                    + "' is numeric but has text values "
                    + "(rows " + String.join(", ", bad) + "); fix those cells or declare it type: categorical");
        }
        return new Column.Numeric(c.name(), v);
    }

    /** Reference (dropped) level of each categorical covariate. */
    public Map<String, String> referenceLevels() {
        Map<String, String> m = new LinkedHashMap<>();
        for (Part p : parts) {
            if (p instanceof CategoricalPart cp) {
                m.put(cp.name(), cp.reference());
            }
        }
        return m;
    }

    /** Rows encoded together (every covariate of a block of rows, so each row's array is written while cached). */
    private static final int TRANSFORM_BLOCK = 1_024;

    /**
     * Encodes every row of {@code t} (which must have the covariate columns) into an n × p feature matrix.
     * Unknown categorical levels encode as the reference level (all dummies zero). Rows are encoded in blocks of
     * {@link #TRANSFORM_BLOCK}, every covariate of a block before the next, the blocks on several threads; each cell
     * is computed from its own row alone, so the matrix does not depend on the order.
     */
    public double[][] transform(Table t) {
        int n = t.rowCount();
        int p = featureNames().size();
        double[][] x = new double[n][];
        List<Column> cols = new ArrayList<>();
        List<Column.Numeric> nums = new ArrayList<>();
        List<Map<String, Integer>> dummies = new ArrayList<>();
        for (Part part : parts) {
            Column c = t.column(part.name());
            cols.add(c);
            nums.add(part instanceof NumericPart ? numeric(t.source(), c) : null);
            Map<String, Integer> d = new java.util.HashMap<>();
            if (part instanceof CategoricalPart cp) {
                for (String l : cp.levels()) {
                    if (!l.equals(cp.reference())) {
                        d.put(l, d.size());
                    }
                }
            }
            dummies.add(d);
        }
        int blocks = (n + TRANSFORM_BLOCK - 1) / TRANSFORM_BLOCK;
        org.causalrx.util.IndexedTasks.map(blocks, b -> {
            int from = b * TRANSFORM_BLOCK;
            int to = Math.min(n, from + TRANSFORM_BLOCK);
            for (int i = from; i < to; i++) {
                x[i] = new double[p];
            }
            int col = 0;
            for (int q = 0; q < parts.size(); q++) {
                Part part = parts.get(q);
                if (part instanceof NumericPart np) {
                    Column.Numeric num = nums.get(q);
                    for (int i = from; i < to; i++) {
                        double v = num.get(i);
                        boolean miss = Double.isNaN(v);
                        double value = miss ? np.median() : v;
                        int k = col;
                        x[i][k++] = value;
                        if (np.indicator()) {
                            x[i][k++] = miss ? 1 : 0;
                        }
                        if (np.squared()) {
                            x[i][k] = value * value;
                        }
                    }
                } else {
                    Column c = cols.get(q);
                    Map<String, Integer> d = dummies.get(q);
                    for (int i = from; i < to; i++) {
                        String level = c.isMissing(i) ? MISSING_LEVEL : c.text(i);
                        Integer idx = d.get(level);
                        if (idx != null) {
                            x[i][col + idx] = 1;
                        }
                    }
                }
                col += part.features().size();
            }
            return null;
        });
        return x;
    }
}
