package org.causalrx.data;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * Counts the distinct non-missing values of a column. Numbers are distinct when their doubles differ bit for bit,
 * which is when their {@link Double#toString} texts differ ({@code 0.0} and {@code -0.0} are two values); they are
 * counted by sorting a primitive copy, with no object per value.
 */
public final class DistinctValues {
    private DistinctValues() {
    }

    /** True when {@code col} has exactly one distinct non-missing value (one pass, no copy of a numeric column). */
    public static boolean one(Column col) {
        if (col instanceof Column.Numeric num) {
            long first = 0;
            boolean seen = false;
            for (int i = 0; i < num.size(); i++) {
                double d = num.get(i);
                if (Double.isNaN(d)) {
                    continue;
                }
                long bits = Double.doubleToRawLongBits(d);
                if (!seen) {
                    first = bits;
                    seen = true;
                } else if (bits != first) {
                    return false;
                }
            }
            return seen;
        }
        return count(col) == 1;
    }

    /** The number of distinct non-missing values of {@code col} (0 when every value is missing). */
    public static int count(Column col) {
        if (col instanceof Column.Numeric num) {
            double[] v = num.values();
            long[] bits = new long[v.length];
            int n = 0;
            for (double d : v) {
                if (!Double.isNaN(d)) {
                    bits[n++] = Double.doubleToRawLongBits(d);
                }
            }
            Arrays.sort(bits, 0, n);
            int distinct = n == 0 ? 0 : 1;
            for (int i = 1; i < n; i++) {
                if (bits[i] != bits[i - 1]) {
                    distinct++;
                }
            }
            return distinct;
        }
        Set<String> levels = new HashSet<>();
        for (int i = 0; i < col.size(); i++) {
            if (!col.isMissing(i)) {
                levels.add(col.text(i));
            }
        }
        return levels.size();
    }
}
