package org.causalrx.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An immutable table of named, typed columns read from one source file.
 *
 * @param source where the data came from (file name, for error messages)
 * @param columns columns in file order, all of the same length
 */
public record Table(String source, List<Column> columns) {
    public Table {
        columns = List.copyOf(columns);
        int n = columns.isEmpty() ? 0 : columns.get(0).size();
        for (Column c : columns) {
            if (c.size() != n) {
                throw new IllegalArgumentException("column '" + c.name() + "' has " + c.size() + " rows, expected "
                        + n);
            }
        }
    }

    public int rowCount() {
        return columns.isEmpty() ? 0 : columns.get(0).size();
    }

    public List<String> columnNames() {
        List<String> names = new ArrayList<>();
        for (Column c : columns) {
            names.add(c.name());
        }
        return Collections.unmodifiableList(names);
    }

    public Optional<Column> find(String name) {
        for (Column c : columns) {
            if (c.name().equals(name)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** The named column; throws a message for people when it is absent. */
    public Column column(String name) {
        return find(name).orElseThrow(() -> new org.causalrx.util.CausalRxException(
                source + ": no column '" + name + "' (columns are: " + String.join(", ", columnNames())
                        + "); fix the name in the study file"));
    }

    /**
     * A table holding only the given rows, in the given order. When they are all rows in order, the table's columns
     * are shared (they are immutable), not copied: a cohort that keeps every row does not hold a second copy of the
     * data.
     */
    public Table rows(int[] rowIndices) {
        if (isAllRows(rowIndices)) {
            return this;
        }
        List<Column> out = new ArrayList<>(columns.size());
        for (Column c : columns) {
            if (c instanceof Column.Numeric num) {
                double[] v = new double[rowIndices.length];
                for (int i = 0; i < rowIndices.length; i++) {
                    v[i] = num.get(rowIndices[i]);
                }
                out.add(new Column.Numeric(c.name(), v));
            } else {
                Column.Text txt = (Column.Text) c;
                String[] v = new String[rowIndices.length];
                for (int i = 0; i < rowIndices.length; i++) {
                    v[i] = txt.get(rowIndices[i]);
                }
                out.add(new Column.Text(c.name(), v));
            }
        }
        return new Table(source, out);
    }

    private boolean isAllRows(int[] rowIndices) {
        if (rowIndices.length != rowCount()) {
            return false;
        }
        for (int i = 0; i < rowIndices.length; i++) {
            if (rowIndices[i] != i) {
                return false;
            }
        }
        return true;
    }

    /** Column name → column, in file order. */
    public Map<String, Column> byName() {
        Map<String, Column> m = new LinkedHashMap<>();
        for (Column c : columns) {
            m.put(c.name(), c);
        }
        return Collections.unmodifiableMap(m);
    }
}
