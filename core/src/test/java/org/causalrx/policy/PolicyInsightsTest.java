package org.causalrx.policy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class PolicyInsightsTest {
    @Test
    void winMatrixRespectsTheDirectionAndCountsTiesForNobody() {
        double[][] v = {{1, 2, 3, 4}, {2, 2, 1, 5}};
        assertArrayEquals(new int[][] {{0, 1}, {2, 0}}, WinMatrix.wins(v, +1));
        assertArrayEquals(new int[][] {{0, 2}, {1, 0}}, WinMatrix.wins(v, -1));
    }

    @Test
    void outcomeTreeSplitsByArmThenAgreement() {
        double[] y = {1, 2, 3, 4, 5, 6};
        int[] t = {0, 0, 0, 1, 1, 1};
        int[] d = {0, 1, -1, 1, 1, 0};
        List<OutcomeTree.Node> nodes = OutcomeTree.build(y, t, d);
        assertEquals(9, nodes.size());
        assertEquals(new OutcomeTree.Node(-1, "all", 6, 3.5, Math.sqrt(3.5 / 6)), nodes.get(0));
        OutcomeTree.Node treatedAgree = nodes.get(6);
        assertEquals(1, treatedAgree.arm());
        assertEquals("agree", treatedAgree.group());
        assertEquals(2, treatedAgree.n());
        assertEquals(4.5, treatedAgree.mean(), 1e-12);
        assertEquals(1, nodes.get(3).n(), "control, disagree");
        assertEquals(1, nodes.get(4).n(), "control, deferred");
    }

    @Test
    void rankCurveOfTheTrueEffectRisesAboveARandomRanking() {
        Random r = new Random(3);
        int n = 600;
        double[] y = new double[n];
        int[] t = new int[n];
        double[] p = new double[n];
        double[] mu0 = new double[n];
        double[] mu1 = new double[n];
        double[] tau = new double[n];
        for (int i = 0; i < n; i++) {
            double x = r.nextGaussian();
            tau[i] = x;
            p[i] = 0.5;
            t[i] = r.nextBoolean() ? 1 : 0;
            mu0[i] = 0;
            mu1[i] = x;
            y[i] = t[i] * x + 0.5 * r.nextGaussian();
        }
        HeldOut h = new HeldOut(y, t, p, mu0, mu1);
        RankCurve.Curve truth = RankCurve.compute("truth", h, tau, 300, 1, true);
        RankCurve.Curve random = RankCurve.compute("random", h, RankCurve.randomBenefit(n, 2), 300, 1, true);
        assertEquals(51, truth.share().length);
        // treating nobody and everybody do not depend on the ranking
        assertEquals(truth.value()[0], random.value()[0], 1e-12);
        assertEquals(truth.value()[50], random.value()[50], 1e-12);
        // treating the half with positive effects is best, near E[max(x, 0)] = 0.399
        assertTrue(truth.value()[25] > random.value()[25] + 0.25, truth.value()[25] + " vs " + random.value()[25]);
        assertTrue(truth.low()[25] <= truth.value()[25] && truth.value()[25] <= truth.high()[25]);
        assertArrayEquals(truth.high(), RankCurve.compute("truth", h, tau, 300, 1, false).high(), "thread-independent");
    }
}
