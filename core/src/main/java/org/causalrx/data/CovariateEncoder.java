package org.causalrx.data;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.causalrx.util.Stats;

/**
 * Fits the covariate encoding (TRS §3.2): numeric covariates imputed with the training-split median (the
 * whole-cohort median only when no training row has a value) plus a 0/1 missingness indicator
 * {@code <name>_missing} when the covariate has any missing value in the cohort, optional squares
 * {@code <name>^2} of the imputed value; categorical covariates one-hot ({@code <name>=<level>}) over the
 * cohort's levels (numeric-looking levels sorted numerically, before text levels; a missing value is the level
 * "missing"), with the most frequent training level as the dropped reference (ties: first in that order).
 * Deterministic: the same inputs give the same encoding.
 */
public final class CovariateEncoder {
    private CovariateEncoder() {
    }

    /**
     * @param cohort    the analysis cohort's covariate columns (all rows)
     * @param trainRows rows whose values define medians and reference levels
     * @param kept      the kept covariates, in the order features are laid out
     */
    public static Encoding fit(Table cohort, int[] trainRows, List<CovariateSpec> kept) {
        if (trainRows.length == 0) {
            throw new IllegalArgumentException("no training rows to fit the covariate encoding on");
        }
        // numeric columns first, in the covariates' order (so a bad value is reported for the first column that
        // has one), then one covariate per task (each part depends on its own column alone)
        List<Column.Numeric> numeric = new ArrayList<>();
        for (CovariateSpec c : kept) {
            Column col = cohort.column(c.name());
            boolean categorical = c.categorical() != null ? c.categorical() : col instanceof Column.Text;
            numeric.add(categorical ? null : Encoding.numeric(cohort.source(), col));
        }
        List<Encoding.Part> parts = org.causalrx.util.IndexedTasks.map(kept.size(), k -> {
            CovariateSpec c = kept.get(k);
            Column.Numeric num = numeric.get(k);
            if (num == null) {
                return categorical(c.name(), cohort.column(c.name()), trainRows);
            }
            boolean anyMissing = false;
            for (int i = 0; i < num.size(); i++) {
                anyMissing |= num.isMissing(i);
            }
            double[] train = java.util.Arrays.stream(trainRows).mapToDouble(num::get)
                    .filter(v -> !Double.isNaN(v)).toArray();
            double median = train.length > 0 ? Stats.median(train)
                    : Stats.median(java.util.Arrays.stream(num.values()).filter(v -> !Double.isNaN(v)).toArray());
            return (Encoding.Part) new Encoding.NumericPart(c.name(), median, anyMissing, c.squared());
        });
        return new Encoding(parts);
    }

    private static Encoding.CategoricalPart categorical(String name, Column col, int[] trainRows) {
        TreeSet<String> levels = new TreeSet<>(levelOrder());
        for (int i = 0; i < col.size(); i++) {
            levels.add(col.isMissing(i) ? Encoding.MISSING_LEVEL : col.text(i));
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String l : levels) {
            counts.put(l, 0);
        }
        for (int i : trainRows) {
            counts.merge(col.isMissing(i) ? Encoding.MISSING_LEVEL : col.text(i), 1, Integer::sum);
        }
        String reference = null;
        int best = -1;
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            if (e.getValue() > best) {
                best = e.getValue();
                reference = e.getKey();
            }
        }
        return new Encoding.CategoricalPart(name, reference, new ArrayList<>(levels));
    }

    /** Numeric-looking levels sort numerically and before text levels; text levels sort alphabetically. */
    static Comparator<String> levelOrder() {
        return (a, b) -> {
            BigDecimal x = number(a);
            BigDecimal y = number(b);
            if (x != null && y != null) {
                int c = x.compareTo(y);
                return c != 0 ? c : a.compareTo(b);
            }
            if (x != null) {
                return -1;
            }
            if (y != null) {
                return 1;
            }
            return a.compareTo(b);
        };
    }

    private static BigDecimal number(String s) {
        try {
            return new BigDecimal(s.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
