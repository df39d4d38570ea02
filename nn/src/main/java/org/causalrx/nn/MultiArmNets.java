package org.causalrx.nn;

import org.causalrx.nn.NnSettings.OutcomeType;
import org.causalrx.util.CausalRxException;

/**
 * Shared fitting path of the K-arm TARNet and DragonNet: checks, standardisation, one training run of a network
 * with K outcome heads (and, for DragonNet, a K-class propensity head). With K = 2 it builds the same network and
 * task as the binary {@link ArmNets}, so the same seed gives the same weights.
 */
final class MultiArmNets {
    private MultiArmNets() {
    }

    static MultiArmNetModel fit(double[][] x, int[] t, int k, double[] y, NnSettings s, boolean propensity,
                                double alpha, double beta, long seed) {
        checkInputs(x, t, k, y);
        Standardizer st = Standardizer.fit(x);
        OutcomeCoding coding = OutcomeCoding.of(y, s.outcome());
        NetSpec spec = NetSpec.of(s, st.columns(), k, coding.outputs(), propensity);
        double tr = coding.type() == OutcomeType.CONTINUOUS ? beta : 0;
        NetTask task = new NetTask(st.applyFloat(x), t.clone(), coding.targets(y), null, coding.loss(),
                propensity ? alpha : 0, propensity ? tr : 0);
        return new MultiArmNetModel(new ArmNetModel(st, coding, NetTrainer.trainEnsemble(spec, s, task, seed)));
    }

    /**
     * Rows agree, K ≥ 2, every arm in 0..K−1 and at least 2 rows per arm (one for training, one for the early-stopping
     * split).
     */
    static void checkInputs(double[][] x, int[] t, int k, double[] y) {
        if (x.length != t.length || x.length != y.length) {
            throw new CausalRxException("covariates, treatment and outcome must have the same number of rows (got "
                    + x.length + ", " + t.length + ", " + y.length + ")");
        }
        if (k < 2) {
            throw new CausalRxException("a multi-arm estimator needs at least 2 arms, got " + k);
        }
        int[] count = new int[k];
        for (int i = 0; i < t.length; i++) {
            if (t[i] < 0 || t[i] >= k) {
                throw new CausalRxException("treatment must be an arm in 0.." + (k - 1) + "; row " + i + " has "
                        + t[i]);
            }
            count[t[i]]++;
        }
        for (int a = 0; a < k; a++) {
            if (count[a] < 2) {
                throw new CausalRxException("a neural CATE estimator needs at least 2 rows per arm; arm " + a
                        + " has " + count[a]);
            }
        }
    }
}
