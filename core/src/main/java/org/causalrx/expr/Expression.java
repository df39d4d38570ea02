package org.causalrx.expr;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.ToDoubleFunction;

import org.causalrx.util.CausalRxException;

/**
 * A parsed arithmetic expression over named columns, e.g. {@code (crea_d - crea)/(crea_d - crea_b)}.
 *
 * <p>Grammar (recursive descent, usual precedence, binary operators left-associative):
 * <pre>
 *   expr   := term (('+' | '-') term)*
 *   term   := unary (('*' | '/') unary)*
 *   unary  := '-' unary | '+' unary | atom
 *   atom   := number | name | name '(' expr (',' expr)* ')' | '(' expr ')'
 * </pre>
 * Names are letters, digits, '_' and '.', not starting with a digit; functions are {@code min, max} (two
 * arguments), {@code abs, log, exp, sqrt} (one). Nothing else is evaluated: no script engine, no reflection.
 * Immutable; evaluation is a pure function of the values supplied.
 */
public final class Expression {
    private final String text;
    private final Node root;

    private Expression(String text, Node root) {
        this.text = text;
        this.root = root;
    }

    /**
     * Parses {@code text}; a syntax error is a {@link CausalRxException} naming the position and what was
     * expected, prefixed with {@code where} (e.g. "study.yaml: 'outcome.evaluate.formula'").
     */
    public static Expression parse(String text, String where) {
        if (text == null || text.isBlank()) {
            throw new CausalRxException(where + ": the formula is empty; write e.g. (a - b) / (a - c)");
        }
        Parser p = new Parser(text, where);
        Node n = p.expr();
        p.skipSpace();
        if (p.pos < text.length()) {
            throw p.error("unexpected '" + text.charAt(p.pos) + "'; expected an operator (+ - * /) or the end");
        }
        return new Expression(text.trim(), n);
    }

    /** The formula as written (trimmed). */
    public String text() {
        return text;
    }

    /** Column names used, in order of first appearance. */
    public List<String> columns() {
        Set<String> out = new LinkedHashSet<>();
        root.collect(out);
        return List.copyOf(out);
    }

    /** The value with each column name mapped to a number by {@code values}; NaN / ±∞ propagate. */
    public double evaluate(ToDoubleFunction<String> values) {
        return root.eval(values);
    }

    @Override
    public String toString() {
        return text;
    }

    private sealed interface Node permits Num, Col, Neg, Bin, Fn {
        double eval(ToDoubleFunction<String> v);

        void collect(Set<String> out);
    }

    private record Num(double value) implements Node {
        public double eval(ToDoubleFunction<String> v) {
            return value;
        }

        public void collect(Set<String> out) {
        }
    }

    private record Col(String name) implements Node {
        public double eval(ToDoubleFunction<String> v) {
            return v.applyAsDouble(name);
        }

        public void collect(Set<String> out) {
            out.add(name);
        }
    }

    private record Neg(Node inner) implements Node {
        public double eval(ToDoubleFunction<String> v) {
            return -inner.eval(v);
        }

        public void collect(Set<String> out) {
            inner.collect(out);
        }
    }

    private record Bin(char op, Node left, Node right) implements Node {
        public double eval(ToDoubleFunction<String> v) {
            double a = left.eval(v);
            double b = right.eval(v);
            return switch (op) {
                case '+' -> a + b;
                case '-' -> a - b;
                case '*' -> a * b;
                default -> a / b;
            };
        }

        public void collect(Set<String> out) {
            left.collect(out);
            right.collect(out);
        }
    }

    private record Fn(String name, List<Node> args) implements Node {
        public double eval(ToDoubleFunction<String> v) {
            double a = args.get(0).eval(v);
            return switch (name) {
                case "min" -> Math.min(a, args.get(1).eval(v));
                case "max" -> Math.max(a, args.get(1).eval(v));
                case "abs" -> Math.abs(a);
                case "log" -> Math.log(a);
                case "exp" -> Math.exp(a);
                default -> Math.sqrt(a);
            };
        }

        public void collect(Set<String> out) {
            for (Node n : args) {
                n.collect(out);
            }
        }
    }

    /** Recursive-descent parser over one formula; used once. */
    private static final class Parser {
        private final String s;
        private final String where;
        private int pos;

        Parser(String s, String where) {
            this.s = s;
            this.where = where;
        }

        CausalRxException error(String what) {
            return new CausalRxException(where + ": cannot read formula '" + s.trim() + "' at character " + (pos + 1)
                    + ": " + what);
        }

        void skipSpace() {
            while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
                pos++;
            }
        }

        boolean eat(char c) {
            skipSpace();
            if (pos < s.length() && s.charAt(pos) == c) {
                pos++;
                return true;
            }
            return false;
        }

        Node expr() {
            Node left = term();
            while (true) {
                if (eat('+')) {
                    left = new Bin('+', left, term());
                } else if (eat('-')) {
                    left = new Bin('-', left, term());
                } else {
                    return left;
                }
            }
        }

        Node term() {
            Node left = unary();
            while (true) {
                if (eat('*')) {
                    left = new Bin('*', left, unary());
                } else if (eat('/')) {
                    left = new Bin('/', left, unary());
                } else {
                    return left;
                }
            }
        }

        Node unary() {
            if (eat('-')) {
                return new Neg(unary());
            }
            if (eat('+')) {
                return unary();
            }
            return atom();
        }

        Node atom() {
            skipSpace();
            if (pos >= s.length()) {
                throw error("the formula ends too early; expected a number, a column name or '('");
            }
            char c = s.charAt(pos);
            if (c == '(') {
                pos++;
                Node inner = expr();
                if (!eat(')')) {
                    throw error("missing ')'");
                }
                return inner;
            }
            if (Character.isDigit(c) || c == '.') {
                return number();
            }
            if (Character.isLetter(c) || c == '_') {
                int start = pos;
                while (pos < s.length() && (Character.isLetterOrDigit(s.charAt(pos)) || s.charAt(pos) == '_'
                        || s.charAt(pos) == '.')) {
                    pos++;
                }
                String name = s.substring(start, pos);
                skipSpace();
                if (pos < s.length() && s.charAt(pos) == '(') {
                    return function(name, start);
                }
                return new Col(name);
            }
            throw error("unexpected '" + c + "'; expected a number, a column name or '('");
        }

        Node number() {
            int start = pos;
            while (pos < s.length() && (Character.isDigit(s.charAt(pos)) || s.charAt(pos) == '.')) {
                pos++;
            }
            if (pos < s.length() && (s.charAt(pos) == 'e' || s.charAt(pos) == 'E')) {
                int save = pos++;
                if (pos < s.length() && (s.charAt(pos) == '+' || s.charAt(pos) == '-')) {
                    pos++;
                }
                if (pos < s.length() && Character.isDigit(s.charAt(pos))) {
                    while (pos < s.length() && Character.isDigit(s.charAt(pos))) {
                        pos++;
                    }
                } else {
                    pos = save;
                }
            }
            String lit = s.substring(start, pos);
            try {
                return new Num(Double.parseDouble(lit));
            } catch (NumberFormatException e) {
                pos = start;
                throw error("'" + lit + "' is not a number");
            }
        }

        Node function(String name, int start) {
            String fn = name.toLowerCase(Locale.ROOT);
            int arity = switch (fn) {
                case "min", "max" -> 2;
                case "abs", "log", "exp", "sqrt" -> 1;
                default -> -1;
            };
            if (arity < 0) {
                pos = start;
                throw error("unknown function '" + name + "'; use min, max, abs, log, exp or sqrt");
            }
            eat('(');
            List<Node> args = new ArrayList<>();
            args.add(expr());
            while (eat(',')) {
                args.add(expr());
            }
            if (!eat(')')) {
                throw error("missing ')' after the arguments of " + fn);
            }
            if (args.size() != arity) {
                pos = start;
                throw error(fn + " takes " + arity + " argument" + (arity == 1 ? "" : "s") + ", got " + args.size());
            }
            return new Fn(fn, args);
        }
    }
}
