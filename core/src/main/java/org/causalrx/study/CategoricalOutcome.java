package org.causalrx.study;

import java.util.ArrayList;
import java.util.List;

import org.causalrx.data.Column;
import org.causalrx.util.CausalRxException;

/**
 * Reads a categorical outcome column as class codes 0..K−1 (as doubles; missing cells are NaN). With declared
 * {@code outcome.classes} each cell must be one of the labels (label k ↦ code k; numbers compare by value, so
 * "1" and "1.0" match); without them each cell must be a whole number 0..K−1 and at least two classes must occur.
 * Anything else is a {@link CausalRxException} naming the file, the column and the rows, with the fix.
 */
final class CategoricalOutcome {
    private CategoricalOutcome() {
    }

    static double[] codes(Study.Outcome out, Column col, String file) {
        int n = col.size();
        double[] y = new double[n];
        List<Integer> bad = new ArrayList<>();
        List<String> labels = out.classes();
        int max = -1;
        for (int i = 0; i < n; i++) {
            if (col.isMissing(i)) {
                y[i] = Double.NaN;
                continue;
            }
            String cell = col.text(i).trim();
            int code = labels.isEmpty() ? integerCode(cell) : labelCode(labels, cell);
            if (code < 0) {
                bad.add(i);
                continue;
            }
            y[i] = code;
            max = Math.max(max, code);
        }
        String head = file + ": outcome column '" + out.column() + "' is declared categorical but ";
        if (!bad.isEmpty()) {
            String first = col.text(bad.get(0));
            throw new CausalRxException(head + bad.size() + " values are not " + (labels.isEmpty()
                    ? "class codes 0, 1, ..., K−1 (rows " + CohortBuilder.rows(bad) + ": '" + first + "'); recode "
                    + "them to whole numbers from 0, or declare the labels with outcome.classes: [...]"
                    : "among outcome.classes " + labels + " (rows " + CohortBuilder.rows(bad) + ": '" + first
                    + "'); add the label to outcome.classes or fix those cells"));
        }
        if (labels.isEmpty() && max < 1) {
            throw new CausalRxException(head + "holds only class " + Math.max(max, 0) + "; a categorical outcome "
                    + "needs at least two classes coded 0..K−1");
        }
        return y;
    }

    private static int integerCode(String cell) {
        Double v = org.causalrx.data.TableReader.parseNumber(cell);
        if (v == null || v < 0 || v != Math.rint(v) || v > 1000) {
            return -1;
        }
        return v.intValue();
    }

    private static int labelCode(List<String> labels, String cell) {
        for (int k = 0; k < labels.size(); k++) {
            if (CohortBuilder.sameCode(cell, labels.get(k))) {
                return k;
            }
        }
        return -1;
    }
}
