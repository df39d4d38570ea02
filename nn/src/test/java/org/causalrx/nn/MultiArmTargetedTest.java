package org.causalrx.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.causalrx.util.CausalRxException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * K = 3 DragonNet with targeted regularisation learns one epsilon per non-reference arm and predicts the perturbed
 * Q̃(a, x) = Q(a, x) + epsilon_a / g_a(x) for a ≥ 1 and Q(0, x) − (epsilon_1 + epsilon_2) / g_0(x), g clipped to
 * 0.98 · g + 0.01, on the outcome scale, averaged over members; input checks name the arm that is short of rows.
 */
@Tag("slow")
class MultiArmTargetedTest {
    private static final NnSettings S = NnSettings.defaults().withSize(16, 1, 8, 1).withEpochs(20, 10)
            .withOutcome(NnSettings.OutcomeType.CONTINUOUS).withMembers(2);

    @Test
    void eachArmIsShiftedAlongItsCleverCovariate() {
        MultiArmSims.Data d = MultiArmSims.threeArms(400, 3, 5);
        MultiArmNetModel m = new MultiArmDragonNet(S, 1, 1).fit(d.x(), d.t(), 3, d.y(), 3);
        ArmNetModel net = m.network();
        List<NetParams> members = net.network().members();
        double[][] xs = net.standardizer().apply(d.x());
        double mean = net.coding().mean();
        double sd = net.coding().sd();
        double[][] want = new double[3][xs.length];
        for (NetParams p : members) {
            double[] eps = p.epsilons();
            assertEquals(2, eps.length);
            assertTrue(eps[0] != 0 && eps[1] != 0, "a targeted fit learns every epsilon");
            double[][] g = p.propensities(xs);
            for (int a = 0; a < 3; a++) {
                double[][] h = p.head(xs, a);
                for (int i = 0; i < xs.length; i++) {
                    double shift = (a == 0 ? -(eps[0] + eps[1]) : eps[a - 1]) / (0.98 * g[i][a] + 0.01);
                    want[a][i] += (mean + sd * (h[i][0] + shift)) / members.size();
                }
            }
        }
        double[][] tau = m.effects(d.x());
        for (int a = 0; a < 3; a++) {
            double[] mu = m.mu(d.x(), a);
            for (int i = 0; i < xs.length; i++) {
                assertEquals(want[a][i], mu[i], 1e-9);
                assertEquals(want[a][i] - want[0][i], tau[i][a], 1e-9);
            }
        }
    }

    @Test
    void everyArmNeedsTwoRows() {
        MultiArmSims.Data d = MultiArmSims.threeArms(50, 3, 5);
        int[] t = d.t().clone();
        for (int i = 0; i < t.length; i++) {
            t[i] = t[i] == 2 ? 1 : t[i];
        }
        t[0] = 2;
        CausalRxException e = assertThrows(CausalRxException.class,
                () -> new MultiArmTarNet(S).fit(d.x(), t, 3, d.y(), 1));
        assertTrue(e.getMessage().contains("arm 2 has 1"), e.getMessage());
        assertThrows(CausalRxException.class, () -> new MultiArmTarNet(S).fit(d.x(), t, 2, d.y(), 1));
    }
}
