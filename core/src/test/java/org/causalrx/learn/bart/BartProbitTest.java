package org.causalrx.learn.bart;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.causalrx.learn.Metrics;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Probit BART on a simulated probit truth. */
class BartProbitTest {
    private static double eta(double[] r) {
        return -0.3 + 2.5 * (r[0] - 0.5) - 2 * (r[1] - 0.5) + Math.sin(2 * Math.PI * r[2]);
    }

    private static int[] labels(double[][] x, SplittableRandom rng) {
        int[] t = new int[x.length];
        for (int i = 0; i < x.length; i++) {
            t[i] = rng.nextDouble() < BartMath.phi(eta(x[i])) ? 1 : 0;
        }
        return t;
    }

    @Test
    @Tag("slow")
    void aurocCloseToOracleAndProbabilitiesInUnitInterval() {
        SplittableRandom rng = new SplittableRandom(21);
        double[][] x = Sim.uniform(800, 6, rng);
        int[] t = labels(x, rng);
        double[][] xt = Sim.uniform(2000, 6, rng);
        int[] tt = labels(xt, rng);
        BartProbitModel model = new BartClassifier(BartSettings.defaults().withBurnIn(200).withDraws(400))
                .fit(x, t, null, 4);
        double[] prob = model.predictProba(xt);
        double auc = Metrics.auroc(tt, prob);
        double oracle = Metrics.auroc(tt, Sim.truth(xt, BartProbitTest::eta));
        double[] truthP = Arrays.stream(xt).mapToDouble(r -> BartMath.phi(eta(r))).toArray();
        double probRmse = Metrics.rmse(truthP, prob);
        System.out.printf("probit: AUROC %.3f, oracle %.3f, probability RMSE %.3f%n", auc, oracle, probRmse);
        assertTrue(auc > oracle - 0.03, "AUROC " + auc + " vs oracle " + oracle);
        assertTrue(probRmse < 0.12, "probability RMSE " + probRmse);
        for (double p : prob) {
            assertTrue(p > 0 && p < 1);
        }
        assertTrue(model.posteriorDraws(xt)[0][0] > 0);
    }

    @Test
    void nonUniformWeightsRejected() {
        double[][] x = {{0}, {1}, {2}, {3}};
        int[] t = {0, 1, 0, 1};
        assertThrows(IllegalArgumentException.class,
                () -> new BartClassifier().fit(x, t, new double[] {1, 2, 1, 1}, 1));
    }
}
