package org.causalrx.causal.meta;

import org.causalrx.causal.CateEstimator;
import org.causalrx.causal.CateModel;
import org.causalrx.learn.RegressionModel;
import org.causalrx.learn.Regressor;

/**
 * S-learner: one outcome model on [x, t]; tau(x) = f(x, 1) − f(x, 0).
 */
public record SLearner(String name, Regressor learner) implements CateEstimator {

    @Override
    public CateModel fit(double[][] x, int[] t, double[] y, long seed) {
        return fit(x, t, y, null, seed);
    }

    /** As above; the outcome model's internal splits keep rows of one group together. */
    @Override
    public CateModel fit(double[][] x, int[] t, double[] y, int[] groups, long seed) {
        double[][] xt = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            xt[i] = withTreatment(x[i], t[i]);
        }
        RegressionModel f = learner.fit(xt, y, null, groups, seed);
        return new Fitted(f);
    }

    /** The fitted S-learner: tau(x) = f(x, 1) − f(x, 0). */
    public record Fitted(RegressionModel model) implements CateModel {
        @Override
        public double[] effect(double[][] xNew) {
            double[][] x1 = new double[xNew.length][];
            double[][] x0 = new double[xNew.length][];
            for (int i = 0; i < xNew.length; i++) {
                x1[i] = withTreatment(xNew[i], 1);
                x0[i] = withTreatment(xNew[i], 0);
            }
            double[] a = model.predict(x1);
            double[] b = model.predict(x0);
            for (int i = 0; i < a.length; i++) {
                a[i] -= b[i];
            }
            return a;
        }
    }

    private static double[] withTreatment(double[] row, int t) {
        double[] r = java.util.Arrays.copyOf(row, row.length + 1);
        r[row.length] = t;
        return r;
    }
}
