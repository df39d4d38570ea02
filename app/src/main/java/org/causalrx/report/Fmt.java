package org.causalrx.report;

import java.util.Locale;

/** Number formatting shared by the HTML report: locale-independent, three decimals, no noise digits. */
final class Fmt {

    private Fmt() {
    }

    /** A number with three decimals; very small values in scientific notation; non-finite as an em dash. */
    static String num(double x) {
        if (Double.isNaN(x) || Double.isInfinite(x)) {
            return "\u2014";
        }
        double a = Math.abs(x);
        if (a == 0.0) {
            return "0.000";
        }
        if (a >= 10_000) {
            return String.format(Locale.ROOT, "%,.1f", x);
        }
        if (a >= 0.001) {
            return String.format(Locale.ROOT, "%.3f", x);
        }
        return String.format(Locale.ROOT, "%.2e", x);
    }

    /** A share in [0, 1] as a percentage with one decimal, e.g. {@code 42.5 %}. */
    static String pct(double share) {
        if (Double.isNaN(share) || Double.isInfinite(share)) {
            return "\u2014";
        }
        return String.format(Locale.ROOT, "%.1f\u00a0%%", 100.0 * share);
    }

    /** {@code part of total (x %)}; the share is only formatted when total is positive. */
    static String count(int part, int total) {
        if (total <= 0) {
            return String.format(Locale.ROOT, "%,d of %,d", part, total);
        }
        return String.format(Locale.ROOT, "%,d of %,d (%s)", part, total, pct((double) part / total));
    }

    /** An integer with thousands separators. */
    static String integer(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** An interval {@code [lo, hi]}. */
    static String range(double lo, double hi) {
        return "[" + num(lo) + ", " + num(hi) + "]";
    }

    /** Full-precision value for CSV files: shortest round-trip representation, empty for non-finite. */
    static String raw(double x) {
        if (Double.isNaN(x) || Double.isInfinite(x)) {
            return "";
        }
        return Double.toString(x);
    }
}
