package org.causalrx.policy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

import org.causalrx.causal.uncertainty.Subsample;
import org.causalrx.data.Column;
import org.causalrx.data.Table;
import org.causalrx.learn.Metrics;
import org.causalrx.learn.linear.LinearSettings;
import org.causalrx.learn.linear.LogisticModel;
import org.causalrx.learn.linear.LogisticRegression;
import org.causalrx.util.Seeds;
import org.causalrx.util.Stats;

/**
 * Computes a {@link GroupProfile}: table one of two groups and the L1-logistic model of membership.
 *
 * <p>The membership model's penalty is the CV-minimum λ on the initial path (100 λ down to λ_max · 1e-4), not
 * extended past it ({@link #MEMBERSHIP}). Groups made by a model of the same features (recommended treatment,
 * deferral) are often (nearly) separable: the held-out deviance then keeps falling as the coefficients grow without
 * bound, and an extended path would only scale them up, at a cost that grew to most of the analyses stage at large
 * n; the note says so when the model explains at least {@value #SEPARATED} of the deviance.
 *
 * <p>From 2m patients in the two groups (m = max(20,000, n^0.75), {@link Subsample#autoRows}) the membership model is
 * fitted, penalty and coefficients, on a seeded subsample of m of them: a description of which features tell the
 * groups apart needs no more (the coefficients' sampling error at 20,000 patients is about 1/√20,000 of a
 * standardised unit), and on 200,000 × 200 test patients the L1 path on all of them cost about 36 CPU s per profile,
 * three per policy. The table-one rows always use every patient; the note names the subsample.
 */
public final class GroupProfiles {
    /** Settings of the membership model: 5-fold CV, minimum-error rule, no path extension. */
    static final LinearSettings MEMBERSHIP = LinearSettings.defaults().withExtendPath(false);
    /** Share of the null deviance explained from which the note calls the groups almost separated. */
    static final double SEPARATED = 0.9;

    private GroupProfiles() {
    }

    /**
     * @param raw      raw covariates of the patients (one row each; numeric or text columns)
     * @param categorical names of numeric columns to describe by level (text columns always are)
     * @param x        the same patients' encoded features (n × p)
     * @param features names of the p features
     * @param group    per patient: 1 = A, 0 = B, −1 = neither (counted in "all" only)
     * @param seed     seed of the membership model's cross-validation
     */
    public static GroupProfile describe(String groupA, String groupB, Table raw, java.util.Set<String> categorical,
                                  double[][] x, List<String> features, int[] group, long seed) {
        int n = group.length;
        if (raw.rowCount() != n || x.length != n) {
            throw new IllegalArgumentException("raw table, features and groups differ in length");
        }
        int[] ia = Stats.indicesOf(group, 1);
        int[] ib = Stats.indicesOf(group, 0);
        int[] iall = new int[n];
        for (int i = 0; i < n; i++) {
            iall[i] = i;
        }
        List<GroupProfile.Row> rows = new ArrayList<>();
        for (Column c : raw.columns()) {
            if (c instanceof Column.Numeric num && !categorical.contains(c.name())) {
                rows.add(new GroupProfile.Row(c.name(), "", numeric(num, ia), numeric(num, ib), numeric(num, iall)));
            } else {
                TreeSet<String> levels = new TreeSet<>();
                for (int i = 0; i < n; i++) {
                    if (!c.isMissing(i)) {
                        levels.add(c.text(i));
                    }
                }
                for (String level : levels) {
                    rows.add(new GroupProfile.Row(c.name(), level, level(c, level, ia), level(c, level, ib),
                            level(c, level, iall)));
                }
            }
        }
        List<GroupProfile.Coefficient> top = new ArrayList<>();
        String note;
        if (ia.length < 10 || ib.length < 10) {
            note = "membership model not fit: fewer than 10 patients in one group (" + ia.length + " vs " + ib.length
                    + ")";
        } else {
            int[] both = new int[ia.length + ib.length];
            System.arraycopy(ia, 0, both, 0, ia.length);
            System.arraycopy(ib, 0, both, ia.length, ib.length);
            java.util.Arrays.sort(both);
            int fitted = both.length;
            int m0 = Subsample.autoRows(fitted);
            if (fitted >= 2L * m0) {
                both = sample(both, m0, Seeds.derive(seed, "profile-subsample"));
            }
            double[][] xb = Stats.select(x, both);
            int[] yb = Stats.select(group, both);
            LogisticModel m = LogisticRegression.l1(MEMBERSHIP).fit(xb, yb, null, seed);
            double explained = Metrics.devianceExplained(yb, m.predictProba(xb));
            double[] s = m.standardizedCoefficients();
            for (int j = 0; j < s.length; j++) {
                if (s[j] != 0) {
                    top.add(new GroupProfile.Coefficient(features.get(j), s[j]));
                }
            }
            top.sort(Comparator.comparingDouble((GroupProfile.Coefficient c) -> -Math.abs(c.value()))
                    .thenComparing(GroupProfile.Coefficient::feature));
            if (top.size() > GroupProfile.TOP) {
                top = new ArrayList<>(top.subList(0, GroupProfile.TOP));
            }
            String subsample = m.lambdaCvRows() == 0 ? "" : String.format(java.util.Locale.ROOT,
                    " on a seeded subsample of %,d patients, rescaled to all", m.lambdaCvRows());
            String on = both.length == fitted ? fitted + " patients" : String.format(java.util.Locale.ROOT,
                    "a seeded subsample of %,d of the %,d patients", both.length, fitted);
            String shown = top.isEmpty() ? "no feature was selected: the groups do not differ in a way the model "
                    + "finds" : "standardised coefficients (log-odds per SD)" + (explained >= SEPARATED ? ". The "
                    + "features almost separate the groups: the coefficients show which features tell them apart "
                    + "and in which direction; their size is set by the penalty, not by the data" : "");
            note = String.format(java.util.Locale.ROOT, "L1-logistic regression of membership in '%s' vs '%s' on "
                    + "%s, penalty chosen by cross-validation%s (lambda %.4g), %.1f%% of the deviance "
                    + "explained; %s", groupA, groupB, on, subsample, m.lambda(), 100 * explained, shown);
        }
        return new GroupProfile(groupA, groupB, ia.length, ib.length, n, rows, top, note);
    }

    /** {@code m} of the ascending {@code rows} drawn without replacement ({@link Stats#sampleIndices}), ascending. */
    static int[] sample(int[] rows, int m, long seed) {
        int[] pos = Stats.sampleIndices(rows.length, m, seed);
        int[] out = new int[m];
        for (int i = 0; i < m; i++) {
            out[i] = rows[pos[i]];
        }
        return out;
    }

    /** Mean (SD) of the non-missing values of {@code c} over rows {@code idx}, with the missing count. */
    public static GroupProfile.Stat numeric(Column.Numeric c, int[] idx) {
        double s = 0;
        int k = 0;
        int missing = 0;
        for (int i : idx) {
            if (c.isMissing(i)) {
                missing++;
            } else {
                s += c.get(i);
                k++;
            }
        }
        double mean = k == 0 ? Double.NaN : s / k;
        double ss = 0;
        for (int i : idx) {
            if (!c.isMissing(i)) {
                ss += (c.get(i) - mean) * (c.get(i) - mean);
            }
        }
        return new GroupProfile.Stat(k, mean, k < 2 ? Double.NaN : Math.sqrt(ss / (k - 1)), missing);
    }

    /** Rows of {@code idx} at {@code level} of {@code c}: count and share of all rows, with the missing count. */
    public static GroupProfile.Stat level(Column c, String level, int[] idx) {
        int k = 0;
        int missing = 0;
        for (int i : idx) {
            if (c.isMissing(i)) {
                missing++;
            } else if (c.text(i).equals(level)) {
                k++;
            }
        }
        return new GroupProfile.Stat(k, idx.length == 0 ? Double.NaN : k / (double) idx.length, Double.NaN, missing);
    }
}
