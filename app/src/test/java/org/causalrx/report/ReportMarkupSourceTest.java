package org.causalrx.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The report package's sources keep escaping in one place: raw markup ({@code markup(…)},
 * {@code Markup.trusted(…)}, the template of {@code Markup.fill(…)}) is only ever a string literal, and only
 * {@link Markup} holds an escaping function. Reads {@code app/src/main/java/org/causalrx/report} (the tests run in
 * the repository root).
 */
class ReportMarkupSourceTest {
    static final Path SOURCES = Path.of("app/src/main/java/org/causalrx/report");
    static final List<String> RAW_CALLS = List.of(".markup(", "Markup.trusted(", "Markup.fill(");

    @Test
    void rawMarkupIsOnlyEverAStringLiteral() throws IOException {
        List<String> bad = new ArrayList<>();
        int calls = 0;
        for (Path p : sources()) {
            String code = withoutComments(Files.readString(p));
            for (String call : RAW_CALLS) {
                for (int i = code.indexOf(call); i >= 0; i = code.indexOf(call, i + 1)) {
                    if (p.endsWith("HtmlWriter.java") && code.startsWith("Markup.trusted(literalHtml)", i)) {
                        continue;
                    }
                    calls++;
                    String arg = firstArgument(code, i + call.length());
                    if (!onlyLiterals(arg)) {
                        bad.add(p.getFileName() + ": " + call + arg.strip() + " …");
                    }
                }
            }
        }
        assertTrue(calls > 100, "the scan found the report's markup calls (" + calls + ")");
        assertEquals(List.of(), bad, "raw markup built from something other than string literals");
    }

    @Test
    void onlyMarkupEscapes() throws IOException {
        for (Path p : sources()) {
            String code = withoutComments(Files.readString(p));
            if (!p.endsWith("Markup.java")) {
                assertFalse(code.contains("&lt;") || code.contains("&amp;") || code.matches("(?s).*\\besc\\(.*")
                        || code.contains("escape("), p + " escapes text itself");
                assertFalse(code.contains("+ Markup."),
                        p + " turns a Markup into a String by concatenation");
            }
        }
    }

    @Test
    void theScanTellsLiteralsFromExpressions() {
        assertTrue(onlyLiterals(" \"<p>\"\n + \"a \\\" b\" "));
        assertTrue(onlyLiterals("\"\"\"\n  x \"quoted\"\n  \"\"\""));
        assertFalse(onlyLiterals("\"<code>\" + name"));
        assertFalse(onlyLiterals("flag ? \"a\" : \"b\""));
        assertEquals("\"a, b\"", firstArgument("\"a, b\", x)", 0));
        assertEquals("f(a, b)", firstArgument("f(a, b))", 0));
        assertThrows(IllegalArgumentException.class, () -> Markup.fill("{} and {}", "one"));
    }

    private static List<Path> sources() throws IOException {
        try (Stream<Path> s = Files.list(SOURCES)) {
            List<Path> out = s.filter(p -> p.toString().endsWith(".java")).sorted().toList();
            assertFalse(out.isEmpty(), "no sources under " + SOURCES.toAbsolutePath());
            return out;
        }
    }

    /** The text of the first argument of a call whose opening parenthesis ends just before {@code from}. */
    static String firstArgument(String code, int from) {
        int depth = 0;
        for (int i = from; i < code.length(); i++) {
            char c = code.charAt(i);
            if (c == '"') {
                i = endOfString(code, i) - 1;
            } else if (c == '\'') {
                i = code.indexOf('\'', i + (code.charAt(i + 1) == '\\' ? 3 : 2));
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && depth-- == 0 || c == ',' && depth == 0) {
                return code.substring(from, i);
            }
        }
        throw new IllegalArgumentException("unclosed call at " + from);
    }

    /** True when {@code arg} is string literals (or text blocks) joined by {@code +}, nothing else. */
    static boolean onlyLiterals(String arg) {
        boolean literal = false;
        for (int i = 0; i < arg.length(); i++) {
            char c = arg.charAt(i);
            if (c == '"') {
                i = endOfString(arg, i) - 1;
                literal = true;
            } else if (!Character.isWhitespace(c) && c != '+') {
                return false;
            }
        }
        return literal;
    }

    /** Index just after the string literal or text block that starts at {@code start}. */
    private static int endOfString(String s, int start) {
        if (s.startsWith("\"\"\"", start)) {
            return s.indexOf("\"\"\"", start + 3) + 3;
        }
        int i = start + 1;
        while (s.charAt(i) != '"') {
            i += s.charAt(i) == '\\' ? 2 : 1;
        }
        return i + 1;
    }

    private static String withoutComments(String code) {
        StringBuilder b = new StringBuilder(code.length());
        for (int i = 0; i < code.length(); i++) {
            char c = code.charAt(i);
            if (c == '"') {
                int end = endOfString(code, i);
                b.append(code, i, end);
                i = end - 1;
            } else if (c == '\'') {
                int end = code.indexOf('\'', i + (code.charAt(i + 1) == '\\' ? 3 : 2)) + 1;
                b.append(code, i, end);
                i = end - 1;
            } else if (code.startsWith("//", i)) {
                i = code.indexOf('\n', i) - 1;
            } else if (code.startsWith("/*", i)) {
                i = code.indexOf("*/", i) + 1;
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
