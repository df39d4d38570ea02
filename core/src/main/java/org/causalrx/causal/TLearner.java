package org.causalrx.causal;

import org.causalrx.learn.RegressionModel;
import org.causalrx.learn.Regressor;
import org.causalrx.util.IndexedTasks;
import org.causalrx.util.Seeds;
import org.causalrx.util.Stats;

/**
 * T-learner: one outcome model per arm, tau(x) = mu1(x) − mu0(x).
 *
 * @param name    policy / estimator name, e.g. "t_xgboost"
 * @param learner the base regressor used for both arms
 */
public record TLearner(String name, Regressor learner) implements CateEstimator {

    /**
     * Fits mu0 on control rows and mu1 on treated rows.
     *
     * @param x n × p covariates; t 0/1 treatment; y outcome
     */
    @Override
    public Fitted fit(double[][] x, int[] t, double[] y, long seed) {
        return fit(x, t, y, null, seed);
    }

    /** As above; each arm model's internal splits keep rows of one group together. */
    @Override
    public Fitted fit(double[][] x, int[] t, double[] y, int[] groups, long seed) {
        return fit(x, t, y, groups, seed, arm -> learner);
    }

    /**
     * As {@link #fit(double[][], int[], double[], int[], long)} with arm a's model fitted by
     * {@code learnerOfArm.apply(a)} (the record's learner for both arms: exactly that fit).
     */
    public Fitted fit(double[][] x, int[] t, double[] y, int[] groups, long seed,
                      java.util.function.IntFunction<Regressor> learnerOfArm) {
        int[] c = Stats.indicesOf(t, 0);
        int[] tr = Stats.indicesOf(t, 1);
        if (c.length == 0 || tr.length == 0) {
            throw new IllegalArgumentException("T-learner needs rows in both arms");
        }
        // the two arm models are independent fits with their own seeds: on two threads, same models
        java.util.List<RegressionModel> arms = IndexedTasks.map(2, arm -> {
            int[] rows = arm == 0 ? c : tr;
            return learnerOfArm.apply(arm).fit(Stats.select(x, rows), Stats.select(y, rows), null,
                    CrossFit.groupsOf(groups, rows), Seeds.derive(seed, arm));
        });
        return new Fitted(name, arms.get(0), arms.get(1));
    }

    /** The two fitted arm models. */
    public record Fitted(String name, RegressionModel mu0, RegressionModel mu1) implements CateModel, ArmOutcomeModel {
        /** Predicted outcome under {@code arm} (0 or 1). */
        @Override
        public double[] mu(double[][] x, int arm) {
            return arm == 0 ? mu0.predict(x) : mu1.predict(x);
        }

        @Override
        public double[] effect(double[][] x) {
            return ArmOutcomeModel.armDifference(this, x);
        }
    }
}
