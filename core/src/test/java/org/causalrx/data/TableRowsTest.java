package org.causalrx.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;

import org.junit.jupiter.api.Test;

/** A cohort that keeps every row in order shares the table (no second copy); any other selection copies the rows. */
class TableRowsTest {
    private static final Table T = new Table("t.csv", List.of(new Column.Numeric("a", new double[] {1, 2, 3}),
            new Column.Text("b", new String[] {"x", null, "z"})));

    @Test
    void allRowsInOrderShareTheTable() {
        assertSame(T, T.rows(new int[] {0, 1, 2}));
    }

    @Test
    void otherSelectionsCopyTheirRows() {
        for (int[] rows : new int[][] {{0, 2}, {2, 1, 0}, {0, 1, 2, 2}, {0, 0, 1}}) {
            Table s = T.rows(rows);
            assertNotSame(T, s);
            double[] a = ((Column.Numeric) s.column("a")).values();
            double[] expected = new double[rows.length];
            String[] b = new String[rows.length];
            for (int i = 0; i < rows.length; i++) {
                expected[i] = rows[i] + 1;
                b[i] = T.column("b").isMissing(rows[i]) ? "" : T.column("b").text(rows[i]);
            }
            assertArrayEquals(expected, a);
            String[] got = new String[rows.length];
            for (int i = 0; i < rows.length; i++) {
                got[i] = s.column("b").text(i);
            }
            assertArrayEquals(b, got);
        }
    }
}
