package org.causalrx.causal.forest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.causalrx.learn.forest.ForestSettings;
import org.junit.jupiter.api.Test;

class CausalForestKnownAnswerTest {
    static final ForestSettings SMALL = ForestSettings.defaults().withNumTrees(300);

    @Test
    void recoversAStepEffectWithConfounding() {
        CausalSim train = CausalSim.draw(1500, 5, 1, 1.0, x -> x[0] > 0 ? 2.0 : 0.0);
        CausalSim test = CausalSim.draw(500, 5, 2, 1.0, x -> x[0] > 0 ? 2.0 : 0.0);
        CausalForestModel m = new CausalForest(SMALL).fit(train.x, train.y, train.w, null, null, 3);
        double[] tau = m.effect(test.x);
        double mse = CausalSim.mse(tau, test.tau);
        // naive difference in means (confounded: W and Y both rise with x2)
        double s1 = 0;
        double n1 = 0;
        double s0 = 0;
        double n0 = 0;
        for (int i = 0; i < train.y.length; i++) {
            if (train.w[i] == 1) {
                s1 += train.y[i];
                n1++;
            } else {
                s0 += train.y[i];
                n0++;
            }
        }
        double naive = s1 / n1 - s0 / n0;
        double[] naiveTau = new double[test.tau.length];
        java.util.Arrays.fill(naiveTau, naive);
        double naiveMse = CausalSim.mse(naiveTau, test.tau);
        double varTau = CausalSim.variance(test.tau);
        assertTrue(mse < 0.25 * varTau, "mse " + mse + " vs Var(tau) " + varTau);
        assertTrue(mse < 0.5 * naiveMse, "mse " + mse + " vs naive " + naiveMse);
        // the average effect is right too, in- and out-of-bag
        double avg = 0;
        for (double t : m.oobEffect()) {
            avg += t / train.y.length;
        }
        assertEquals(1.0, avg, 0.25);
        double oobMse = CausalSim.mse(m.oobEffect(), train.tau);
        assertTrue(oobMse < 0.3 * varTau, "oob mse " + oobMse);
    }

    @Test
    void predictionEqualsTheExplicitForestWeightedEstimator() {
        CausalSim d = CausalSim.draw(300, 3, 4, 1.0, x -> x[0]);
        ForestSettings s = ForestSettings.defaults().withNumTrees(20);
        CausalForestModel m = new CausalForest(s).fit(d.x, d.y, d.w, null, d.e, 5);
        double[] yHat = m.yHat();
        double[][] probe = {d.x[0], d.x[1], {0.1, -0.2, 0.3}};
        double[] tau = m.effect(probe);
        for (int q = 0; q < probe.length; q++) {
            // alpha_i(x) = (1/B) Σ_b 1{i ∈ L_b(x)} / |L_b(x)|, accumulated sparsely from leaf memberships
            double[] alpha = new double[d.y.length];
            for (int b = 0; b < m.numTrees(); b++) {
                int[] rows = m.tree(b).leafRows(m.tree(b).leafOf(probe[q]));
                for (int r : rows) {
                    alpha[r] += 1.0 / rows.length / m.numTrees();
                }
            }
            double sa = 0;
            double mw = 0;
            double my = 0;
            for (int i = 0; i < alpha.length; i++) {
                sa += alpha[i];
                mw += alpha[i] * (d.w[i] - d.e[i]);
                my += alpha[i] * (d.y[i] - yHat[i]);
            }
            assertEquals(1.0, sa, 1e-9);
            double num = 0;
            double den = 0;
            for (int i = 0; i < alpha.length; i++) {
                double dw = d.w[i] - d.e[i] - mw;
                num += alpha[i] * dw * (d.y[i] - yHat[i] - my);
                den += alpha[i] * dw * dw;
            }
            assertEquals(num / den, tau[q], 1e-9);
        }
    }
}
