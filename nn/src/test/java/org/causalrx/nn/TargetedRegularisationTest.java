package org.causalrx.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * DragonNet with targeted regularisation predicts the paper's perturbed Q̃(t, x) = Q(t, x) + epsilon · h(t, x),
 * h(1, x) = 1/g, h(0, x) = −1/(1 − g) with g clipped to [0.01, 0.99], on the outcome scale, averaged over the
 * ensemble members; without it, the plain heads (epsilon stays exactly 0).
 */
@Tag("slow")
class TargetedRegularisationTest {
    private static final NnSettings S = NnSettings.defaults().withSize(16, 1, 8, 1).withEpochs(30, 10)
            .withOutcome(NnSettings.OutcomeType.CONTINUOUS).withMembers(2);

    @Test
    void targetedFitShiftsEachArmAlongTheCleverCovariate() {
        Sims.Data d = Sims.continuous(300, 3, 5);
        ArmNetModel m = new DragonNet(S, 1, 1).fit(d.x(), d.t(), d.y(), 3);
        List<NetParams> members = m.network().members();
        assertEquals(2, members.size());
        double[][] xs = m.standardizer().apply(d.x());
        double sd = m.coding().sd();
        double[] mu1 = m.mu(d.x(), 1);
        double[] mu0 = m.mu(d.x(), 0);
        double[] tau = m.effect(d.x());
        double[] want1 = new double[xs.length];
        double[] want0 = new double[xs.length];
        for (NetParams net : members) {
            double eps = net.epsilon();
            assertNotEquals(0.0, eps, "a targeted fit learns epsilon");
            double[] g = net.propensity(xs);
            double[][] h1 = net.head(xs, 1);
            double[][] h0 = net.head(xs, 0);
            for (int i = 0; i < xs.length; i++) {
                double gi = 0.98 * g[i] + 0.01;
                want1[i] += (m.coding().mean() + sd * (h1[i][0] + eps / gi)) / members.size();
                want0[i] += (m.coding().mean() + sd * (h0[i][0] - eps / (1 - gi))) / members.size();
            }
        }
        for (int i = 0; i < xs.length; i++) {
            assertEquals(want1[i], mu1[i], 1e-9);
            assertEquals(want0[i], mu0[i], 1e-9);
            assertEquals(mu1[i] - mu0[i], tau[i], 1e-12);
        }
    }

    @Test
    void withoutTheTermEpsilonStaysZeroAndTheHeadsAreUnchanged() {
        Sims.Data d = Sims.continuous(300, 3, 5);
        ArmNetModel m = new DragonNet(S, 1, 0).fit(d.x(), d.t(), d.y(), 3);
        double[][] xs = m.standardizer().apply(d.x());
        double[] mu1 = m.mu(d.x(), 1);
        double[] want = new double[xs.length];
        for (NetParams net : m.network().members()) {
            assertEquals(0.0, net.epsilon());
            double[][] h1 = net.head(xs, 1);
            for (int i = 0; i < xs.length; i++) {
                want[i] += (m.coding().mean() + m.coding().sd() * h1[i][0]) / 2;
            }
        }
        for (int i = 0; i < mu1.length; i++) {
            assertEquals(want[i], mu1[i], 1e-9);
        }
    }
}
