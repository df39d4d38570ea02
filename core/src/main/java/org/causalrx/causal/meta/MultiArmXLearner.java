package org.causalrx.causal.meta;

import java.util.ArrayList;
import java.util.List;

import org.causalrx.causal.MultiArmCateEstimator;
import org.causalrx.causal.MultiArmCateModel;
import org.causalrx.causal.MultiArmNuisance;
import org.causalrx.causal.MultiArmTLearner;
import org.causalrx.learn.MultiClassifier;
import org.causalrx.learn.MultiProbabilityModel;
import org.causalrx.learn.RegressionModel;
import org.causalrx.learn.Regressor;
import org.causalrx.util.Seeds;
import org.causalrx.util.Stats;

/**
 * Multi-arm X-learner (Künzel et al. 2019, each arm a against the reference 0). Stage 1: arm outcome models mu_0 …
 * mu_{K−1} ({@link MultiArmTLearner}). Stage 2 per arm a ≥ 1: imputed effects D = y − mu_0(x) on arm a's rows and
 * D = mu_a(x) − y on the reference rows, regressed on x giving tau_a1 and tau_a0. Effect
 * tau_a(x) = g_a(x)·tau_a0(x) + (1 − g_a(x))·tau_a1(x) with g_a = e_a / (e_0 + e_a) from the K-arm propensity model,
 * clipped to [clip, 1 − clip]. With K = 2 (g = e_1) it is {@link XLearner} bit for bit when the propensity model is
 * {@code OneVsRest} over the binary learner's classifier.
 *
 * @param name       estimator name, e.g. "x_xgboost"
 * @param outcome    stage-1 regressor
 * @param effect     stage-2 regressor
 * @param propensity K-arm propensity model
 * @param clip       clip of g_a
 */
public record MultiArmXLearner(String name, Regressor outcome, Regressor effect, MultiClassifier propensity,
                               double clip) implements MultiArmCateEstimator {

    @Override
    public MultiArmCateModel fit(double[][] x, int[] t, int k, double[] y, long seed) {
        MultiArmTLearner.Fitted mu = new MultiArmTLearner(name + "-stage1", outcome).fit(x, t, k, y,
                Seeds.derive(seed, 0));
        int[] co = Stats.indicesOf(t, 0);
        double[][] xCo = Stats.select(x, co);
        double[] yCo = Stats.select(y, co);
        List<RegressionModel> tauTreated = new ArrayList<>();
        List<RegressionModel> tauReference = new ArrayList<>();
        for (int a = 1; a < k; a++) {
            int[] tr = Stats.indicesOf(t, a);
            double[][] xTr = Stats.select(x, tr);
            double[] d1 = Stats.select(y, tr);
            double[] m0 = mu.mu(xTr, 0);
            for (int i = 0; i < d1.length; i++) {
                d1[i] -= m0[i];
            }
            double[] d0 = mu.mu(xCo, a);
            for (int i = 0; i < d0.length; i++) {
                d0[i] -= yCo[i];
            }
            tauTreated.add(effect.fit(xTr, d1, null, null, MultiArmNuisance.armSeed(Seeds.derive(seed, 1), a)));
            tauReference.add(effect.fit(xCo, d0, null, null, MultiArmNuisance.armSeed(Seeds.derive(seed, 2), a)));
        }
        MultiProbabilityModel e = propensity.fit(x, t, k, null, Seeds.derive(seed, 3));
        return new Fitted(tauReference, tauTreated, e, clip);
    }

    /**
     * The fitted multi-arm X-learner; entry a − 1 of each list belongs to arm a (1..K−1).
     *
     * @param tauReference tau_a0, fit on the reference rows
     * @param tauTreated   tau_a1, fit on arm a's rows
     * @param propensity   the K-arm propensity model
     * @param clip         clip of g_a
     */
    public record Fitted(List<RegressionModel> tauReference, List<RegressionModel> tauTreated,
                         MultiProbabilityModel propensity, double clip) implements MultiArmCateModel {
        public Fitted {
            tauReference = List.copyOf(tauReference);
            tauTreated = List.copyOf(tauTreated);
            if (tauReference.size() != tauTreated.size()) {
                throw new IllegalArgumentException("one reference-group and one treated-group model per arm");
            }
        }

        @Override
        public int arms() {
            return tauTreated.size() + 1;
        }

        /** n × K effects; column 0 is 0. */
        @Override
        public double[][] effects(double[][] xNew) {
            int k = arms();
            double[][] p = propensity.predictProba(xNew);
            double[][] out = new double[xNew.length][k];
            for (int a = 1; a < k; a++) {
                double[] t0 = tauReference.get(a - 1).predict(xNew);
                double[] t1 = tauTreated.get(a - 1).predict(xNew);
                for (int i = 0; i < xNew.length; i++) {
                    double g = Math.min(Math.max(weight(p[i], a), clip), 1 - clip);
                    out[i][a] = g * t0[i] + (1 - g) * t1[i];
                }
            }
            return out;
        }

        /** e_a / (e_0 + e_a); with two arms e_0 + e_1 = 1, so e_1 itself. */
        private static double weight(double[] p, int a) {
            if (p.length == 2) {
                return p[1];
            }
            double s = p[0] + p[a];
            return s > 0 ? p[a] / s : 0.5;
        }
    }
}
