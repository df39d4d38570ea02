package org.causalrx.causal;

import java.util.Arrays;

import org.causalrx.learn.Folds;

/**
 * The one cross-fitting helper: k disjoint folds covering every row; nuisance models for a fold are fit on
 * the other folds only. Fails fast when given folds that overlap or leave rows out.
 *
 * @param foldOfRow fold id (0..k−1) of each row
 * @param k         number of folds
 */
public record CrossFit(int[] foldOfRow, int k) {
    /** A folds setting chosen by the rows cross-fitted ({@link #folds(int, long)}). */
    public static final int AUTO = 0;
    /**
     * Rows from which the automatic setting cross-fits 2 folds instead of 5: every nuisance model still fits at least
     * 100,000 rows, and 2 × (arm and propensity models) on n/2 rows cost about a quarter of 5 × on 4n/5 (EconML's
     * DRLearner cross-fits 2 folds by default, cv=2). Measured for the ATE's AIPW and the DR-learner in
     * docs/BENCHMARKS.md ("the ATE on 2 folds from 200,000 rows").
     */
    public static final int LARGE_ROWS = 200_000;

    /** Folds of a setting for {@code rows} rows: the setting, or for {@link #AUTO} 5 (2 from {@link #LARGE_ROWS}). */
    public static int folds(int setting, long rows) {
        if (setting != AUTO) {
            return setting;
        }
        return rows >= LARGE_ROWS ? 2 : 5;
    }

    public CrossFit {
        foldOfRow = foldOfRow.clone();
        if (k < 2) {
            throw new IllegalArgumentException("cross-fitting needs at least 2 folds, got " + k);
        }
        int[] size = new int[k];
        for (int i = 0; i < foldOfRow.length; i++) {
            int f = foldOfRow[i];
            if (f < 0 || f >= k) {
                throw new IllegalArgumentException("row " + i + " has fold " + f + ", outside 0.." + (k - 1));
            }
            size[f]++;
        }
        for (int f = 0; f < k; f++) {
            if (size[f] == 0) {
                throw new IllegalArgumentException("fold " + f + " is empty");
            }
        }
    }

    /** Seeded folds stratified by treatment. */
    public static CrossFit stratified(int[] t, int k, long seed) {
        return new CrossFit(Folds.assign(t.length, k, t, seed), k);
    }

    /**
     * Seeded folds stratified by treatment that keep each group's rows in one fold (see {@link Folds#assignGrouped});
     * {@code groups == null} is {@link #stratified(int[], int, long)}.
     *
     * @param groups group id per row (rows sharing an id are copies of one patient), or null
     */
    public static CrossFit stratified(int[] t, int k, int[] groups, long seed) {
        return new CrossFit(Folds.assignGrouped(t.length, k, t, groups, seed), k);
    }

    /** The group ids of {@code rows} (null when {@code groups} is null). */
    public static int[] groupsOf(int[] groups, int[] rows) {
        if (groups == null) {
            return null;
        }
        int[] out = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = groups[rows[i]];
        }
        return out;
    }

    /**
     * Builds a cross-fit from explicit row lists per fold; rows must be disjoint and cover 0..n−1.
     *
     * @throws IllegalArgumentException when a row is in two folds or in none
     */
    public static CrossFit of(int n, int[][] folds) {
        int[] fold = new int[n];
        Arrays.fill(fold, -1);
        for (int f = 0; f < folds.length; f++) {
            for (int i : folds[f]) {
                if (fold[i] != -1) {
                    throw new IllegalArgumentException("row " + i + " is in folds " + fold[i] + " and " + f
                            + ": cross-fitting folds must be disjoint");
                }
                fold[i] = f;
            }
        }
        for (int i = 0; i < n; i++) {
            if (fold[i] == -1) {
                throw new IllegalArgumentException("row " + i + " is in no fold");
            }
        }
        return new CrossFit(fold, folds.length);
    }

    /** Rows used to fit the nuisance models for fold {@code f}. */
    public int[] trainRows(int f) {
        return Folds.rows(foldOfRow, f, false);
    }

    /** Rows predicted out-of-fold in fold {@code f}. */
    public int[] heldOutRows(int f) {
        return Folds.rows(foldOfRow, f, true);
    }
}
