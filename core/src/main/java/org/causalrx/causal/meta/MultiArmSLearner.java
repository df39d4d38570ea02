package org.causalrx.causal.meta;

import java.util.Arrays;

import org.causalrx.causal.MultiArmCateEstimator;
import org.causalrx.causal.MultiArmCateModel;
import org.causalrx.causal.MultiArmTLearner;
import org.causalrx.learn.RegressionModel;
import org.causalrx.learn.Regressor;

/**
 * Multi-arm S-learner: one outcome model f on [x, 1{t = 1}, …, 1{t = K−1}] (p + K − 1 columns), fit with the
 * caller's seed; tau_a(x) = f(x, e_a) − f(x, 0), e_a the indicator row of arm a. With K = 2 the design is [x, t] and
 * it is {@link SLearner} bit for bit.
 *
 * @param name    estimator name, e.g. "s_xgboost"
 * @param learner the outcome regressor
 */
public record MultiArmSLearner(String name, Regressor learner) implements MultiArmCateEstimator {

    @Override
    public MultiArmCateModel fit(double[][] x, int[] t, int k, double[] y, long seed) {
        MultiArmTLearner.armRows(t, k);
        double[][] xt = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            xt[i] = withArm(x[i], t[i], k);
        }
        return new Fitted(learner.fit(xt, y, null, null, seed), k);
    }

    /**
     * The fitted S-learner.
     *
     * @param model f on [x, arm indicators]
     * @param arms  K
     */
    public record Fitted(RegressionModel model, int arms) implements MultiArmCateModel {
        /** n × K: column a is f(x, e_a) − f(x, 0), column 0 is 0. */
        @Override
        public double[][] effects(double[][] xNew) {
            double[] base = predictAt(xNew, 0);
            double[][] out = new double[xNew.length][arms];
            for (int a = 1; a < arms; a++) {
                double[] f = predictAt(xNew, a);
                for (int i = 0; i < xNew.length; i++) {
                    out[i][a] = f[i] - base[i];
                }
            }
            return out;
        }

        private double[] predictAt(double[][] xNew, int arm) {
            double[][] xa = new double[xNew.length][];
            for (int i = 0; i < xNew.length; i++) {
                xa[i] = withArm(xNew[i], arm, arms);
            }
            return model.predict(xa);
        }
    }

    /** The row followed by the K − 1 indicators 1{arm = 1}, …, 1{arm = K−1}. */
    private static double[] withArm(double[] row, int arm, int k) {
        double[] r = Arrays.copyOf(row, row.length + k - 1);
        if (arm > 0) {
            r[row.length + arm - 1] = 1;
        }
        return r;
    }
}
