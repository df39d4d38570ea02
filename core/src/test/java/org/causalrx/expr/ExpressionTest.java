package org.causalrx.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.causalrx.util.CausalRxException;
import org.junit.jupiter.api.Test;

class ExpressionTest {
    private static double eval(String f, Map<String, Double> v) {
        return Expression.parse(f, "test").evaluate(v::get);
    }

    private static double eval(String f) {
        return eval(f, Map.of());
    }

    @Test
    void precedenceAndAssociativity() {
        assertEquals(7, eval("1 + 2 * 3"));
        assertEquals(9, eval("(1 + 2) * 3"));
        assertEquals(-4, eval("1 - 2 - 3"), "subtraction is left-associative");
        assertEquals(1, eval("8 / 4 / 2"), "division is left-associative");
        assertEquals(-5, eval("-2 - 3"));
        assertEquals(6, eval("--6"));
        assertEquals(-6, eval("2 * -3"));
        assertEquals(-9, eval("-(1 + 2) * 3"));
        assertEquals(2.5e-3, eval("2.5e-3"));
        assertEquals(0.5, eval(".5"));
    }

    @Test
    void columnsAndFunctions() {
        Map<String, Double> v = Map.of("crea_d", 3.0, "crea", 2.0, "crea_b", 1.0, "wt.82", 10.0);
        assertEquals(0.5, eval("(crea_d - crea)/(crea_d - crea_b)", v), 1e-15);
        assertEquals(List.of("crea_d", "crea", "crea_b"),
                Expression.parse("(crea_d - crea)/(crea_d - crea_b) + crea", "t").columns());
        assertEquals(3, eval("max(crea, crea_d)", v));
        assertEquals(1, eval("min(crea, crea_b)", v));
        assertEquals(2, eval("abs(crea_b - crea_d)", v));
        assertEquals(Math.log(10), eval("log(wt.82)", v), 1e-15);
        assertEquals(Math.sqrt(2), eval("sqrt(crea)", v), 1e-15);
        assertTrue(Double.isInfinite(eval("1 / (crea - crea)", v)), "division by zero is not hidden");
    }

    @Test
    void syntaxErrorsNameThePosition() {
        CausalRxException e = assertThrows(CausalRxException.class, () -> Expression.parse("(a - b", "s.yaml"));
        assertTrue(e.getMessage().contains("missing ')'") && e.getMessage().startsWith("s.yaml"), e.getMessage());
        e = assertThrows(CausalRxException.class, () -> Expression.parse("a + * b", "s"));
        assertTrue(e.getMessage().contains("character 5"), e.getMessage());
        e = assertThrows(CausalRxException.class, () -> Expression.parse("a b", "s"));
        assertTrue(e.getMessage().contains("unexpected 'b'"), e.getMessage());
        e = assertThrows(CausalRxException.class, () -> Expression.parse("system(a)", "s"));
        assertTrue(e.getMessage().contains("unknown function 'system'"), e.getMessage());
        e = assertThrows(CausalRxException.class, () -> Expression.parse("min(a)", "s"));
        assertTrue(e.getMessage().contains("takes 2 arguments"), e.getMessage());
        assertThrows(CausalRxException.class, () -> Expression.parse("  ", "s"));
        assertThrows(CausalRxException.class, () -> Expression.parse("a ^ 2", "s"));
        assertThrows(CausalRxException.class, () -> Expression.parse("1..2", "s"));
    }
}
