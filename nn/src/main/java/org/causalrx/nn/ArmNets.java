package org.causalrx.nn;

import org.causalrx.nn.NnSettings.OutcomeType;
import org.causalrx.util.CausalRxException;

/** Shared fitting path of TARNet and DragonNet: checks, standardisation, one training run. */
final class ArmNets {
    private ArmNets() {
    }

    static ArmNetModel fit(double[][] x, int[] t, double[] y, NnSettings s, boolean propensity, double alpha,
                           double beta, long seed) {
        checkInputs(x, t, y);
        Standardizer st = Standardizer.fit(x);
        OutcomeCoding coding = OutcomeCoding.of(y, s.outcome());
        NetSpec spec = NetSpec.of(s, st.columns(), 2, coding.outputs(), propensity);
        double tr = coding.type() == OutcomeType.CONTINUOUS ? beta : 0;
        NetTask task = new NetTask(st.applyFloat(x), t.clone(), coding.targets(y), null, coding.loss(),
                propensity ? alpha : 0, propensity ? tr : 0);
        return new ArmNetModel(st, coding, NetTrainer.trainEnsemble(spec, s, task, seed));
    }

    static void checkInputs(double[][] x, int[] t, double[] y) {
        if (x.length != t.length || x.length != y.length) {
            throw new CausalRxException("covariates, treatment and outcome must have the same number of rows (got "
                    + x.length + ", " + t.length + ", " + y.length + ")");
        }
        int treated = 0;
        for (int i = 0; i < t.length; i++) {
            if (t[i] != 0 && t[i] != 1) {
                throw new CausalRxException("treatment must be 0 or 1; row " + i + " has " + t[i]);
            }
            treated += t[i];
        }
        if (treated < 2 || t.length - treated < 2) {
            throw new CausalRxException("a neural CATE estimator needs at least 2 treated and 2 control rows (got "
                    + treated + " treated, " + (t.length - treated) + " control)");
        }
    }
}
