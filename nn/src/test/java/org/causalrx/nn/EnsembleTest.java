package org.causalrx.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.causalrx.util.CausalRxException;
import org.causalrx.util.Seeds;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * An ensemble of K members is exactly the mean of K single networks trained with seeds seed, derive(seed, 1),
 * …, derive(seed, K − 1), and differs from its first member.
 */
class EnsembleTest {
    private static final NnSettings ONE = NnSettings.defaults().withSize(16, 1, 8, 1).withEpochs(20, 5)
            .withMembers(1);

    @Test
    @Tag("slow")
    void tarnetEnsembleIsTheMeanOfItsMembers() {
        Sims.Data d = Sims.continuous(300, 3, 9);
        int k = 3;
        ArmNetModel ens = new TarNet(ONE.withMembers(k)).fit(d.x(), d.t(), d.y(), 42);
        int n = d.x().length;
        double[] want1 = new double[n];
        double[] wantTau = new double[n];
        double[] first = null;
        for (int m = 0; m < k; m++) {
            ArmNetModel one = new TarNet(ONE).fit(d.x(), d.t(), d.y(), m == 0 ? 42 : Seeds.derive(42, m));
            double[] mu1 = one.mu(d.x(), 1);
            double[] tau = one.effect(d.x());
            first = first == null ? tau : first;
            for (int i = 0; i < n; i++) {
                want1[i] += mu1[i] / k;
                wantTau[i] += tau[i] / k;
            }
        }
        double[] mu1 = ens.mu(d.x(), 1);
        double[] tau = ens.effect(d.x());
        double spread = 0;
        for (int i = 0; i < n; i++) {
            assertEquals(want1[i], mu1[i], 1e-9);
            assertEquals(wantTau[i], tau[i], 1e-9);
            spread += Math.abs(tau[i] - first[i]);
        }
        assertTrue(spread / n > 1e-4, "members differ, so the ensemble differs from its first member: " + spread / n);
    }

    @Test
    void membersMustBePositive() {
        assertThrows(CausalRxException.class, () -> ONE.withMembers(0));
    }
}
