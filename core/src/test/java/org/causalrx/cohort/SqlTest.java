package org.causalrx.cohort;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.causalrx.data.TableReader;
import org.causalrx.study.CohortBlockLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Names and values from the study file reach the SQL quoted: a quote in them is data, not SQL. */
class SqlTest {
    @Test
    void quotesAreDoubled() {
        assertEquals("\"a\"\"b\"", Sql.id("a\"b"));
        assertEquals("'O''Brien'' --'", Sql.text("O'Brien' --"));
    }

    @Test
    void aQuoteInAnItemOrAnOutputNameIsMatchedLiterally(@TempDir Path dir) {
        new EventTables().stay(1, 10, "URGENT").patient(1, 60, "F")
                .lab(1, 10, 0, "50912", 1.0).lab(1, 10, 4, "50912", 1.5).lab(1, 10, 50, "50912", 1.2)
                .drug(1, 10, 5, "Furosemide 'IV'").drug(1, 10, 6, "x') OR ('1'='1").write(dir);
        String rules = String.join("\n",
                "  index: {table: labs, items: [50912], rule: rise_over_first, by: 0.3}",
                "  lookback: 24h",
                "  features: [{name: \"k\\\"x\", table: labs, items: [50912], unit: mg/dL, stats: [last]}]",
                "  treatment: {column: \"it's\", table: drugs, contains: [\"'iv'\"], window: [0h, 24h]}",
                "  outcome: {column: later, rule: value, table: labs, items: [\"1' OR '1'='1\"], window: [0h, 72h]}");
        CohortSpec spec = CohortBlockLoader.forStudy(EventTables.study(dir, EventTables.TABLES + "\n" + rules));
        Path out = dir.resolve("c.parquet");
        CohortExtractor.build(spec, out);
        var t = TableReader.read(out);
        assertTrue(t.columnNames().contains("k\"x_last"), t.columnNames().toString());
        assertEquals("1", t.column("it's").text(0));
        assertTrue(t.column("later").isMissing(0), "an item code with SQL in it matches nothing");
    }
}
