package org.causalrx.study;

import java.util.ArrayList;
import java.util.List;

import org.causalrx.data.Column;
import org.causalrx.data.Table;
import org.causalrx.util.CausalRxException;

/** The study's {@code group} column (the patient of each row when patients have several rows), read and checked. */
final class GroupColumn {
    private GroupColumn() {
    }

    /**
     * The group text of each analysis row, or null when the study has no group column.
     *
     * @param rowsKept 0-based data rows of the analysis rows
     * @throws CausalRxException when a kept row has no group value
     */
    static String[] values(Study study, Table table, int[] rowsKept) {
        if (study.groupColumn() == null) {
            return null;
        }
        Column c = table.column(study.groupColumn());
        String[] out = new String[rowsKept.length];
        List<Integer> missing = new ArrayList<>();
        for (int k = 0; k < rowsKept.length; k++) {
            if (c.isMissing(rowsKept[k])) {
                missing.add(rowsKept[k] + 1);
            } else {
                out[k] = c.text(rowsKept[k]);
            }
        }
        if (!missing.isEmpty()) {
            throw new CausalRxException(table.source() + ": group column '" + study.groupColumn() + "' has "
                    + missing.size() + " missing values (rows " + missing.subList(0, Math.min(5, missing.size()))
                    + "); every row needs its patient: fill them in or remove 'group:' from the study file");
        }
        return out;
    }
}
