package org.causalrx.policy;

import java.util.List;

/**
 * Who is in group A and who in group B (TRS §3.9, §3.11 policy summarisation): a "table one" on the raw
 * covariates (numeric: mean (SD) of the non-missing values; categorical: n (%) per level, % of the group's
 * patients) for A, B and all patients given, with missing counts; and an L1-logistic model of membership in
 * A (vs B) on the encoded features, reported as standardised coefficients (log-odds per SD), top by size.
 * A plain value; {@link GroupProfiles#describe} computes it.
 *
 * @param groupA   name of group A, e.g. "recommended 'quit smoking'"
 * @param groupB   name of group B
 * @param nA       patients in A
 * @param nB       patients in B
 * @param nAll     all patients described (A, B and any in neither)
 * @param rows     table one, in covariate order (numeric: one row; categorical: one row per level)
 * @param top      largest standardised coefficients of the membership model, by |value|, zeros left out;
 *                 empty when the model could not be fit
 * @param modelNote how the membership model was fit, or why it was not
 */
public record GroupProfile(String groupA, String groupB, int nA, int nB, int nAll, List<Row> rows,
                           List<Coefficient> top, String modelNote) {
    /** Coefficients shown. */
    public static final int TOP = 10;

    public GroupProfile {
        rows = List.copyOf(rows);
        top = List.copyOf(top);
    }

    /**
     * One line of table one.
     *
     * @param variable covariate name
     * @param level    category level, or "" for a numeric covariate
     * @param a        statistic in group A
     * @param b        statistic in group B
     * @param all      statistic over all patients
     */
    public record Row(String variable, String level, Stat a, Stat b, Stat all) {
    }

    /**
     * @param n       numeric: non-missing values; level: patients at this level
     * @param value   numeric: mean; level: share of the group's patients at this level
     * @param sd      numeric: sample SD (NaN when n &lt; 2); level: NaN
     * @param missing patients in the group with this covariate missing
     */
    public record Stat(int n, double value, double sd, int missing) {
    }

    /** @param value log-odds of being in A per one-SD increase of the feature (L1-logistic) */
    public record Coefficient(String feature, double value) {
    }
}
