package org.causalrx.learn.xgb;

import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.XGBoostError;
import org.causalrx.learn.ClassifierRegressor;
import org.causalrx.learn.RegressionModel;
import org.causalrx.learn.Regressor;

/**
 * Re-fits that keep a reference fit's number of boosting rounds. An XGBoost learner with early stopping chooses its
 * rounds on an internal validation split (and, below {@link XGBoostParams#refitRows}, boosts again on all rows with
 * them); {@link #like} gives the same learner with the rounds a fitted model predicts with and no early stopping, so
 * a re-fit boosts once, on all its rows. On the reference's own data and seed below the refit gate that re-fit is the
 * reference model bit for bit (the refit after early stopping boosts exactly so); above the gate the reference kept
 * its early-stopping booster (boosted on all but the validation rows), the re-fit boosts on all rows.
 */
public final class FixedRounds {
    private FixedRounds() {
    }

    /**
     * {@code learner} with the rounds of {@code fitted} (a model it fitted) and no early stopping, when it is an
     * XGBoost regressor or a classifier-as-regressor over an XGBoost classifier with early stopping; otherwise
     * {@code learner} itself.
     */
    public static Regressor like(Regressor learner, RegressionModel fitted) {
        if (learner instanceof XGBoostRegressor xr && fitted instanceof XGBoostRegressor.Model m
                && xr.params().earlyStopping() > 0) {
            return new XGBoostRegressor(fixed(xr.params(), m.booster()));
        }
        if (learner instanceof ClassifierRegressor cr && cr.classifier() instanceof XGBoostClassifier xc
                && fitted instanceof ClassifierRegressor.Fitted f && f.model() instanceof XGBoostClassifier.Model m
                && xc.params().earlyStopping() > 0) {
            return new ClassifierRegressor(new XGBoostClassifier(fixed(xc.params(), m.booster())));
        }
        return learner;
    }

    /** The rounds a fitted booster predicts with: its kept best round, else every boosted round. */
    static int rounds(Booster booster) {
        try {
            String best = booster.getAttr(Boosters.BEST_ROUNDS);
            return best == null ? booster.getNumBoostedRound() : Integer.parseInt(best);
        } catch (XGBoostError e) {
            throw new IllegalStateException("XGBoost booster unreadable: " + e.getMessage(), e);
        }
    }

    private static XGBoostParams fixed(XGBoostParams p, Booster booster) {
        int r;
        synchronized (booster) {
            r = rounds(booster);
        }
        return p.withRounds(Math.max(1, r)).withEarlyStopping(0);
    }
}
