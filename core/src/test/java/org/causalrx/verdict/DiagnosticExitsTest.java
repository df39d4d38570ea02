package org.causalrx.verdict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;

import org.causalrx.causal.diagnostics.Balance;
import org.causalrx.causal.diagnostics.BlpCalibration;
import org.causalrx.causal.diagnostics.Rate;
import org.causalrx.pipeline.CovariateBalance;
import org.causalrx.pipeline.Heterogeneity;
import org.causalrx.result.ExitStatus;
import org.junit.jupiter.api.Test;

/** Balance and heterogeneity reach the verdict's exit points: a warning when they fail, OK otherwise. */
class DiagnosticExitsTest {
    /** Confounded on x0 and x1; weighted by the true propensity, or by one that ignores x1 ({@code full} false). */
    private static CovariateBalance balance(boolean full) {
        int n = 20_000;
        SplittableRandom rnd = new SplittableRandom(7);
        double[][] x = new double[n][2];
        int[] t = new int[n];
        double[] e = new double[n];
        for (int i = 0; i < n; i++) {
            x[i][0] = rnd.nextGaussian();
            x[i][1] = rnd.nextGaussian();
            double p = 1 / (1 + Math.exp(-(0.6 * x[i][0] + 0.8 * x[i][1])));
            t[i] = rnd.nextDouble() < p ? 1 : 0;
            e[i] = full ? p : 1 / (1 + Math.exp(-(0.6 * x[i][0])));
        }
        Balance.Result r = Balance.compute(x, t, e, List.of("age", "creatinine"), 0.01, Balance.THRESHOLD);
        return new CovariateBalance("truth", Balance.THRESHOLD, 0.01, r, r, r.flagged(), r.imbalanced());
    }

    private static Heterogeneity heterogeneity(boolean significant) {
        SplittableRandom r = new SplittableRandom(3);
        double[] cate = new double[300];
        double[] psi = new double[300];
        for (int i = 0; i < cate.length; i++) {
            cate[i] = r.nextGaussian();
            psi[i] = r.nextGaussian();
        }
        BlpCalibration.Result blp = BlpCalibration.test(cate, psi);
        Rate.Result rate = Rate.estimate(cate, psi, 20, 5);
        Heterogeneity.EstimatorTests e = new Heterogeneity.EstimatorTests("t_ridge", blp.meanPrediction(),
                blp.differentialPrediction(), significant, rate.autoc(), rate.qini(),
                new Heterogeneity.Toc(rate.share(), rate.toc(), rate.tocLow(), rate.tocHigh()));
        return new Heterogeneity("AIPW", 300, "higher", 20, 0.05, 0.05, significant, List.of(e));
    }

    @Test
    void balanceWarnsNamingTheFeatureTheWeightsLeaveImbalanced() {
        ExitPoints.ExitPoint ok = DiagnosticExits.balance(balance(true));
        assertEquals(ExitStatus.OK, ok.status(), ok.finding());
        ExitPoints.ExitPoint bad = DiagnosticExits.balance(balance(false));
        assertEquals(ExitStatus.WARNING, bad.status());
        assertTrue(bad.finding().contains("creatinine") && !bad.finding().contains("age"), bad.finding());
        assertNull(DiagnosticExits.balance(null));
    }

    @Test
    void noDetectableHeterogeneityWarnsAndSomeIsOk() {
        ExitPoints.ExitPoint none = DiagnosticExits.heterogeneity(heterogeneity(false));
        assertEquals(ExitStatus.WARNING, none.status());
        assertTrue(none.next().contains("Treat by the ATE"), none.next());
        ExitPoints.ExitPoint some = DiagnosticExits.heterogeneity(heterogeneity(true));
        assertEquals(ExitStatus.OK, some.status());
        assertTrue(some.finding().contains("t_ridge"), some.finding());
        assertNull(DiagnosticExits.heterogeneity(null));
    }
}
