package org.causalrx.report;

import java.util.Objects;

/**
 * A fragment of HTML that is safe to put into a page as it is: text enters only escaped ({@link #text}), markup
 * only as a string literal the code itself writes ({@link #trusted}; {@code ReportMarkupSourceTest} checks that no
 * other expression is ever passed). This class holds the report's one escaping function. Immutable.
 */
final class Markup {
    /** The empty fragment. */
    static final Markup EMPTY = new Markup("");

    private final String html;

    private Markup(String html) {
        this.html = html;
    }

    /** Text, escaped for element content and quoted attribute values; {@code null} becomes empty. */
    static Markup text(String s) {
        return new Markup(escape(s));
    }

    /** Escaped text, or an em dash when {@code s} is null or blank. */
    static Markup textOrDash(String s) {
        return s == null || s.isBlank() ? new Markup("\u2014") : text(s);
    }

    /**
     * Markup the report's code writes (tags, entities, fixed prose): pass only string literals, never text that
     * came from a study, the data or a result.
     */
    static Markup trusted(String literalHtml) {
        return new Markup(Objects.requireNonNull(literalHtml));
    }

    /**
     * The literal template with each {@code {}} replaced, in order, by an argument: a {@link Markup} as it is,
     * anything else as escaped text ({@link #of}).
     *
     * @throws IllegalArgumentException when the number of {@code {}} differs from the number of arguments
     */
    static Markup fill(String literalTemplate, Object... args) {
        String[] parts = literalTemplate.split("\\{}", -1);
        if (parts.length != args.length + 1) {
            throw new IllegalArgumentException(args.length + " arguments for " + (parts.length - 1)
                    + " places in " + literalTemplate);
        }
        StringBuilder b = new StringBuilder(parts[0]);
        for (int i = 0; i < args.length; i++) {
            b.append(of(args[i]).html).append(parts[i + 1]);
        }
        return new Markup(b.toString());
    }

    /** {@code <code>}escaped text{@code </code>}. */
    static Markup code(String s) {
        return new Markup("<code>" + escape(s) + "</code>");
    }

    /** A badge: {@code <span class="badge CLS">}escaped text{@code </span>}. */
    static Markup badge(String cssClass, String s) {
        return new Markup("<span class=\"badge " + escape(cssClass) + "\">" + escape(s) + "</span>");
    }

    /** This fragment followed by {@code more}. */
    Markup then(Markup... more) {
        StringBuilder b = new StringBuilder(html);
        for (Markup m : more) {
            b.append(m.html);
        }
        return new Markup(b.toString());
    }

    boolean isEmpty() {
        return html.isEmpty();
    }

    /** The HTML itself. */
    @Override
    public String toString() {
        return html;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Markup m && m.html.equals(html);
    }

    @Override
    public int hashCode() {
        return html.hashCode();
    }

    /** What {@code w} wrote: safe, since a writer takes only escaped text, literals and fragments. */
    static Markup written(HtmlWriter w) {
        return new Markup(w.toString());
    }

    /** A cell value: a {@link Markup} as it is, anything else as escaped text of its {@code String.valueOf}. */
    static Markup of(Object value) {
        return value instanceof Markup m ? m : text(value == null ? null : String.valueOf(value));
    }

    private static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
