package org.causalrx.data;

/**
 * One named column of a {@link Table}. Numeric columns hold doubles with {@code NaN} for missing;
 * text columns hold strings with {@code null} for missing. Arrays are never exposed for mutation:
 * accessors copy or read single cells.
 */
public sealed interface Column permits Column.Numeric, Column.Text {
    String name();

    int size();

    boolean isMissing(int row);

    /** The cell as text ("" when missing), e.g. for error messages and category levels. */
    String text(int row);

    record Numeric(String name, double[] values) implements Column {
        public Numeric {
            values = values.clone();
        }

        public int size() {
            return values.length;
        }

        public double get(int row) {
            return values[row];
        }

        /** A copy of the values. */
        public double[] toArray() {
            return values.clone();
        }

        @Override
        public double[] values() {
            return values.clone();
        }

        public boolean isMissing(int row) {
            return Double.isNaN(values[row]);
        }

        public String text(int row) {
            double v = values[row];
            if (Double.isNaN(v)) {
                return "";
            }
            return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
        }
    }

    record Text(String name, String[] values) implements Column {
        public Text {
            values = values.clone();
        }

        public int size() {
            return values.length;
        }

        public String get(int row) {
            return values[row];
        }

        @Override
        public String[] values() {
            return values.clone();
        }

        public boolean isMissing(int row) {
            return values[row] == null;
        }

        public String text(int row) {
            return values[row] == null ? "" : values[row];
        }
    }
}
