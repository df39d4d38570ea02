package org.causalrx.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** Values that do not exist are JSON null, not the string "NaN"; finite values are written exactly. */
class ResultsJsonTest {
    record Sample(double sd, Double boxed, double ok, double[] values, double inf) {
    }

    @Test
    void nonFiniteNumbersBecomeNull() throws Exception {
        String json = ResultsJson.mapper().writeValueAsString(
                new Sample(Double.NaN, Double.NaN, 0.1, new double[] {1.5, Double.NaN, -2}, Double.NEGATIVE_INFINITY));
        assertFalse(json.contains("NaN") || json.contains("Infinity"), json);
        JsonNode n = ResultsJson.mapper().readTree(json);
        assertTrue(n.get("sd").isNull());
        assertTrue(n.get("boxed").isNull());
        assertTrue(n.get("inf").isNull());
        assertEquals(0.1, n.get("ok").asDouble(), 0.0);
        assertEquals(1.5, n.get("values").get(0).asDouble(), 0.0);
        assertTrue(n.get("values").get(1).isNull());
        assertEquals(-2.0, n.get("values").get(2).asDouble(), 0.0);
    }
}
