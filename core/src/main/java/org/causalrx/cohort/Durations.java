package org.causalrx.cohort;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as written in a study file ("72h", "3d", "30min", "1.5h"), read into hours. */
public final class Durations {
    private static final Pattern DURATION = Pattern.compile("\\s*([0-9]+(?:\\.[0-9]+)?)\\s*(min|h|d)\\s*");

    private Durations() {
    }

    /** Hours in {@code text}, or null when it is not a number followed by min, h or d. */
    public static Double hours(String text) {
        Matcher m = DURATION.matcher(text == null ? "" : text);
        if (!m.matches()) {
            return null;
        }
        double v = Double.parseDouble(m.group(1));
        return switch (m.group(2)) {
            case "min" -> v / 60;
            case "d" -> v * 24;
            default -> v;
        };
    }

    /** Hours written back as a duration, e.g. 72 → "72h". */
    public static String format(double hours) {
        return plain(hours) + "h";
    }

    /** A number without a trailing ".0". */
    public static String plain(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : String.format(Locale.ROOT, "%s", v);
    }
}
