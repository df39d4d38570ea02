package org.causalrx.study;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Describes repeated patient ids for a message: every repeated id (up to {@link #SHOW_IDS}) with how often it
 * occurs and all its rows (up to {@link #SHOW_ROWS} each), e.g. "2 ids: '257' 3 times (rows 6, 11, 14), '12' twice
 * (rows 2, 9)". Missing ids (null) are not counted.
 */
public final class DuplicateIds {
    /** Repeated ids named in one message. */
    public static final int SHOW_IDS = 5;
    /** Rows named per repeated id. */
    public static final int SHOW_ROWS = 8;

    private DuplicateIds() {
    }

    /**
     * @param ids  id text per row (null = missing)
     * @param rows 0-based data-file row of each entry of {@code ids}, or null when entry i is row i
     * @return the description, or null when no id repeats
     */
    public static String describe(String[] ids, int[] rows) {
        Map<String, List<Integer>> at = new LinkedHashMap<>();
        for (int k = 0; k < ids.length; k++) {
            if (ids[k] != null) {
                at.computeIfAbsent(ids[k], x -> new ArrayList<>()).add(rows == null ? k : rows[k]);
            }
        }
        List<String> parts = new ArrayList<>();
        int repeated = 0;
        for (Map.Entry<String, List<Integer>> e : at.entrySet()) {
            List<Integer> r = e.getValue();
            if (r.size() < 2) {
                continue;
            }
            repeated++;
            if (parts.size() == SHOW_IDS) {
                continue;
            }
            StringBuilder sb = new StringBuilder("'" + e.getKey() + "' " + (r.size() == 2 ? "twice" : r.size()
                    + " times") + " (rows ");
            for (int i = 0; i < Math.min(SHOW_ROWS, r.size()); i++) {
                sb.append(i > 0 ? ", " : "").append(r.get(i) + 1);
            }
            parts.add(sb.append(r.size() > SHOW_ROWS ? ", …)" : ")").toString());
        }
        if (repeated == 0) {
            return null;
        }
        return (repeated == 1 ? "" : repeated + " ids: ") + String.join(", ", parts)
                + (repeated > SHOW_IDS ? ", and " + (repeated - SHOW_IDS) + " more" : "");
    }
}
