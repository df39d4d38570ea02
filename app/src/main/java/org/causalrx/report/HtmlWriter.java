package org.causalrx.report;

/**
 * Appends a page of HTML: every {@code String} given to it is escaped ({@link #text}); markup enters only as a
 * string literal ({@link #markup}) or as an already safe {@link Markup}. Sections write through it and never
 * escape anything themselves. Mutable; one writer per page.
 */
final class HtmlWriter {
    private final StringBuilder b;

    HtmlWriter() {
        this(256);
    }

    HtmlWriter(int capacity) {
        this.b = new StringBuilder(capacity);
    }

    /** Markup the code writes: string literals only (see {@link Markup#trusted}). */
    HtmlWriter markup(String literalHtml) {
        b.append(Markup.trusted(literalHtml));
        return this;
    }

    /** Escaped text; {@code null} writes nothing. */
    HtmlWriter text(String s) {
        b.append(Markup.text(s));
        return this;
    }

    /** A whole number in decimal digits. */
    HtmlWriter text(long n) {
        b.append(n);
        return this;
    }

    /** Escaped text, or an em dash when {@code s} is null or blank. */
    HtmlWriter textOrDash(String s) {
        b.append(Markup.textOrDash(s));
        return this;
    }

    /** {@code <code>}escaped text{@code </code>}. */
    HtmlWriter code(String s) {
        b.append(Markup.code(s));
        return this;
    }

    /** A safe fragment, as it is. */
    HtmlWriter add(Markup m) {
        b.append(m);
        return this;
    }

    /** What was written so far, as a fragment. */
    Markup toMarkup() {
        return Markup.written(this);
    }

    /** The page written so far. */
    @Override
    public String toString() {
        return b.toString();
    }
}
