package org.causalrx.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * Deferral and overlap by group (TRS §3.9): for each level of a declared vulnerable-group column, the share of
 * its patients deferred by a policy and the share outside the overlap set, against the same shares in all
 * other patients; a group is flagged when either share differs from the rest's by more than a margin.
 * Numeric columns with more than {@link #MAX_LEVELS} distinct values are cut into quartile bands.
 */
public final class VulnerableGroups {
    /** Numeric columns with more distinct values than this are banded by quartile. */
    public static final int MAX_LEVELS = 8;

    private VulnerableGroups() {
    }

    /**
     * @param column          column name
     * @param level           level (or band, e.g. "[38, 49)"; "missing" for missing values)
     * @param n               patients in the group
     * @param deferred        share of the group deferred
     * @param restDeferred    share of all other patients deferred (NaN when there are none)
     * @param outside         share of the group outside overlap
     * @param restOutside     share of all other patients outside overlap
     * @param flagDeferred    |deferred − restDeferred| &gt; margin
     * @param flagOutside     |outside − restOutside| &gt; margin
     */
    public record Group(String column, String level, int n, double deferred, double restDeferred, double outside,
                        double restOutside, boolean flagDeferred, boolean flagOutside) {
    }

    /**
     * @param values   per patient: the column's value as text ("" = missing)
     * @param numeric  whether the column is numeric (then banded when it has many levels)
     * @param deferred per patient: deferred by the policy
     * @param outside  per patient: outside the overlap set
     */
    public static List<Group> of(String column, String[] values, boolean numeric, boolean[] deferred,
                                 boolean[] outside, double margin) {
        int n = values.length;
        String[] level = levels(values, numeric);
        TreeSet<String> names = new TreeSet<>(java.util.Arrays.asList(level));
        List<Group> out = new ArrayList<>();
        for (String g : names) {
            int k = 0;
            int kd = 0;
            int ko = 0;
            int rd = 0;
            int ro = 0;
            for (int i = 0; i < n; i++) {
                boolean in = level[i].equals(g);
                if (in) {
                    k++;
                    kd += deferred[i] ? 1 : 0;
                    ko += outside[i] ? 1 : 0;
                } else {
                    rd += deferred[i] ? 1 : 0;
                    ro += outside[i] ? 1 : 0;
                }
            }
            int rest = n - k;
            double d = kd / (double) k;
            double o = ko / (double) k;
            double dr = rest == 0 ? Double.NaN : rd / (double) rest;
            double or = rest == 0 ? Double.NaN : ro / (double) rest;
            out.add(new Group(column, g, k, d, dr, o, or, Math.abs(d - dr) > margin, Math.abs(o - or) > margin));
        }
        return out;
    }

    /** The group of each patient: the value itself, "missing", or a quartile band of a many-valued number. */
    static String[] levels(String[] values, boolean numeric) {
        int n = values.length;
        String[] out = new String[n];
        TreeSet<String> distinct = new TreeSet<>();
        for (String v : values) {
            if (v != null && !v.isEmpty()) {
                distinct.add(v);
            }
        }
        boolean band = numeric && distinct.size() > MAX_LEVELS;
        double[] cuts = null;
        if (band) {
            double[] v = java.util.Arrays.stream(values).filter(s -> s != null && !s.isEmpty())
                    .mapToDouble(Double::parseDouble).sorted().toArray();
            cuts = new double[] {org.causalrx.util.Stats.quantileSorted(v, 0.25),
                org.causalrx.util.Stats.quantileSorted(v, 0.5), org.causalrx.util.Stats.quantileSorted(v, 0.75)};
        }
        for (int i = 0; i < n; i++) {
            String v = values[i];
            if (v == null || v.isEmpty()) {
                out[i] = "missing";
            } else if (band) {
                double x = Double.parseDouble(v);
                int q = x < cuts[0] ? 0 : x < cuts[1] ? 1 : x < cuts[2] ? 2 : 3;
                String lo = q == 0 ? "min" : fmt(cuts[q - 1]);
                String hi = q == 3 ? "max]" : fmt(cuts[q]) + ")";
                out[i] = "Q" + (q + 1) + " [" + lo + ", " + hi;
            } else {
                out[i] = v;
            }
        }
        return out;
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.4g", v);
    }
}
