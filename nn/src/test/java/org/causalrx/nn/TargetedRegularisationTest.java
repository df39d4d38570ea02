package org.causalrx.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

/**
 * DragonNet with targeted regularisation predicts the paper's perturbed Q̃(t, x) = Q(t, x) + epsilon · h(t, x),
 * h(1, x) = 1/g, h(0, x) = −1/(1 − g) with g clipped to [0.01, 0.99], on the outcome scale; without it, the
 * plain heads (epsilon stays exactly 0).
 */
class TargetedRegularisationTest {
    private static final NnSettings S = NnSettings.defaults().withSize(16, 1, 8, 1).withEpochs(30, 10)
            .withOutcome(NnSettings.OutcomeType.CONTINUOUS);

    @Test
    void targetedFitShiftsEachArmAlongTheCleverCovariate() {
        Sims.Data d = Sims.continuous(300, 3, 5);
        ArmNetModel m = new DragonNet(S, 1, 1).fit(d.x(), d.t(), d.y(), 3);
        NetParams net = m.network();
        double eps = net.epsilon();
        assertNotEquals(0.0, eps, "a targeted fit learns epsilon");
        Standardizer st = m.standardizer();
        double[] g = net.propensity(st.apply(d.x()));
        double[] plain1 = ArmNetModel.armOutcome(st, m.coding(), net, d.x(), 1);
        double[] plain0 = ArmNetModel.armOutcome(st, m.coding(), net, d.x(), 0);
        double[] mu1 = m.mu(d.x(), 1);
        double[] mu0 = m.mu(d.x(), 0);
        double[] tau = m.effect(d.x());
        double sd = m.coding().sd();
        for (int i = 0; i < g.length; i++) {
            double gi = 0.98 * g[i] + 0.01;
            assertEquals(plain1[i] + sd * eps / gi, mu1[i], 1e-9);
            assertEquals(plain0[i] - sd * eps / (1 - gi), mu0[i], 1e-9);
            assertEquals(mu1[i] - mu0[i], tau[i], 1e-12);
        }
    }

    @Test
    void withoutTheTermEpsilonStaysZeroAndTheHeadsAreUnchanged() {
        Sims.Data d = Sims.continuous(300, 3, 5);
        ArmNetModel m = new DragonNet(S, 1, 0).fit(d.x(), d.t(), d.y(), 3);
        assertEquals(0.0, m.network().epsilon());
        double[] plain1 = ArmNetModel.armOutcome(m.standardizer(), m.coding(), m.network(), d.x(), 1);
        double[] mu1 = m.mu(d.x(), 1);
        for (int i = 0; i < mu1.length; i++) {
            assertEquals(plain1[i], mu1[i]);
        }
    }
}
