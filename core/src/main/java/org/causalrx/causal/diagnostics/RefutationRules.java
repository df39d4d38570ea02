package org.causalrx.causal.diagnostics;

import java.util.Locale;

/**
 * How many re-estimates each refutation check makes and when it passes; every threshold of the checks lives here.
 * SE below is the original estimate's standard error (outcome units).
 * <ul>
 *   <li>Placebo treatment: {@code placeboDraws} random permutations of the treatment; the placebo effect is the mean
 *       of their estimates with the normal 95 % interval mean ± 1.96 · sd / sqrt(draws). Passes when that interval
 *       covers 0 or |mean| ≤ {@code placeboSeShare} · SE.</li>
 *   <li>Random common cause: {@code commonCauseDraws} fits, each with one added N(0, 1) covariate; passes when
 *       |mean − original| ≤ {@code commonCauseSeShare} · SE.</li>
 *   <li>Data subset: {@code subsetDraws} fits on random subsets of {@code subsetFraction} of the patients. A subset
 *       estimate differs from the full-data one by about s = SE · sqrt((1 − f) / f) from sampling alone. Passes when
 *       |mean − original| ≤ 1.96 · s and the sd of the subset estimates ≤ {@code subsetSpreadFactor} · s.</li>
 * </ul>
 *
 * @param placeboDraws       permutations of the treatment (≥ 2)
 * @param placeboSeShare     |placebo mean| within this many SEs passes even when its interval misses 0
 * @param commonCauseDraws   fits with a random common cause (≥ 1)
 * @param commonCauseSeShare largest move of the estimate, in SEs
 * @param subsetDraws        random subsets (≥ 2)
 * @param subsetFraction     share of patients in each subset, in (0, 1)
 * @param subsetSpreadFactor largest sd of the subset estimates, in units of s
 */
public record RefutationRules(int placeboDraws, double placeboSeShare, int commonCauseDraws,
                              double commonCauseSeShare, int subsetDraws, double subsetFraction,
                              double subsetSpreadFactor) {
    /** Two-sided 95 % normal quantile. */
    public static final double Z975 = 1.959963984540054;

    public RefutationRules {
        if (placeboDraws < 2 || commonCauseDraws < 1 || subsetDraws < 2) {
            throw new IllegalArgumentException("refutations need >= 2 placebo draws, >= 1 common-cause draw and "
                    + ">= 2 subsets");
        }
        if (!(subsetFraction > 0 && subsetFraction < 1)) {
            throw new IllegalArgumentException("subset fraction must lie in (0, 1): " + subsetFraction);
        }
        if (!(placeboSeShare >= 0 && commonCauseSeShare >= 0 && subsetSpreadFactor > 0)) {
            throw new IllegalArgumentException("refutation tolerances must be positive");
        }
    }

    /**
     * The run's rules: 10 placebo permutations, 3 random common causes, 3 subsets of 80 % (16 re-estimates). Under
     * the null of each check, with independent draws whose sd equals the original SE, the placebo rule fails about
     * 6 % of the time with 10 draws (10 % with 5: the normal interval mean ± 1.96 sd / sqrt(draws) is too narrow for
     * few draws), so the placebo keeps 10; the subset rule fails under 2 % with 3 subsets (0.3 % with 5).
     */
    public static RefutationRules defaults() {
        return new RefutationRules(10, 0.5, 3, 0.5, 3, 0.8, 2.0);
    }

    /** The pass rule of {@code check}, in words. */
    public String rule(RefutationCheck check) {
        return switch (check) {
            case PLACEBO_TREATMENT -> String.format(Locale.ROOT, "mean of %d permuted-treatment estimates: its 95 %% "
                    + "interval (mean +- 1.96 sd / sqrt(%d)) covers 0, or |mean| <= %s x SE of the original",
                    placeboDraws, placeboDraws, num(placeboSeShare));
            case RANDOM_COMMON_CAUSE -> String.format(Locale.ROOT, "mean of %d estimates with an added N(0, 1) "
                    + "covariate within %s x SE of the original", commonCauseDraws, num(commonCauseSeShare));
            case DATA_SUBSET -> String.format(Locale.ROOT, "%d random subsets of %s %% of the patients: mean within "
                    + "1.96 s of the original and sd <= %s s, s = SE x sqrt((1 - f) / f) with f = %s", subsetDraws,
                    num(100 * subsetFraction), num(subsetSpreadFactor), num(subsetFraction));
        };
    }

    private static String num(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
