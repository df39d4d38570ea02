package org.causalrx.causal;

import org.causalrx.learn.Classifier;
import org.causalrx.learn.Folds;
import org.causalrx.learn.Regressor;
import org.causalrx.util.Seeds;
import org.causalrx.util.Stats;

/**
 * Average treatment effect by cross-fitted augmented IPW (doubly robust). The cohort is cut into k folds
 * (stratified by treatment); for each fold the propensity and the two arm outcome models are fit on the
 * other folds and evaluated on it, so every patient contributes an out-of-fold influence value
 * psi_i = mu1 − mu0 + t(y − mu1)/e − (1 − t)(y − mu0)/(1 − e). ATE = mean psi; SE = sd(psi)/sqrt(n).
 *
 * @param propensity learner for e(x)
 * @param outcome    learner for mu0 and mu1 (a T-learner inside each fold)
 * @param folds      k ≥ 2
 * @param clip       propensities are clipped to [clip, 1 − clip]
 */
public record CrossFitAipw(Classifier propensity, Regressor outcome, int folds, double clip) {

    /** The estimate with its 95 % normal interval. */
    public record Estimate(double ate, double se, double ciLow, double ciHigh, int n, int folds) {
    }

    public Estimate estimate(double[][] x, int[] t, double[] y, long seed) {
        int n = y.length;
        int[] fold = Folds.assign(n, folds, t, Seeds.derive(seed, "aipw-folds"));
        double[] psi = new double[n];
        TLearner tl = new TLearner("aipw-outcome", outcome);
        for (int f = 0; f < folds; f++) {
            int[] train = Folds.rows(fold, f, false);
            int[] test = Folds.rows(fold, f, true);
            double[][] xTrain = Stats.select(x, train);
            int[] tTrain = Stats.select(t, train);
            double[][] xTest = Stats.select(x, test);
            double[] e = propensity.fit(xTrain, tTrain, null, Seeds.derive(seed, 2L * f)).predictProba(xTest);
            TLearner.Fitted mu = tl.fit(xTrain, tTrain, Stats.select(y, train), Seeds.derive(seed, 2L * f + 1));
            double[] m0 = mu.mu(xTest, 0);
            double[] m1 = mu.mu(xTest, 1);
            for (int j = 0; j < test.length; j++) {
                int i = test[j];
                double ei = Math.min(Math.max(e[j], clip), 1 - clip);
                psi[i] = m1[j] - m0[j] + t[i] * (y[i] - m1[j]) / ei - (1 - t[i]) * (y[i] - m0[j]) / (1 - ei);
            }
        }
        double ate = Stats.mean(psi);
        double se = Stats.sd(psi) / Math.sqrt(n);
        return new Estimate(ate, se, ate - 1.959963984540054 * se, ate + 1.959963984540054 * se, n, folds);
    }
}
