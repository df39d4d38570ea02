package org.causalrx.causal.uncertainty;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.causalrx.causal.CateModel;
import org.causalrx.causal.EffectIntervals;
import org.junit.jupiter.api.Test;

/** The bootstrap interval is the union of the normal intervals around the point and the bias-corrected estimate. */
class BiasExtendedIntervalTest {
    private static CateModel constant(double v) {
        return x -> {
            double[] out = new double[x.length];
            java.util.Arrays.fill(out, v);
            return out;
        };
    }

    @Test
    void extendsTowardsTheBiasCorrectedEstimateOnly() {
        // refits shrink further than the point (mean 0.8 < 1.0): the bias-corrected estimate is 1.2
        BootstrapCateModel shrunk = new BootstrapCateModel(constant(1.0), List.of(constant(0.7), constant(0.9)));
        double sd = Math.sqrt(0.02);
        double q = BootstrapCateModel.studentQuantile(0.95, 1);
        EffectIntervals iv = shrunk.effectInterval(new double[][] {{0}}, 0.1);
        assertEquals(1.0 - q * sd, iv.lo()[0], 1e-12);
        assertEquals(1.2 + q * sd, iv.hi()[0], 1e-12);
        // unbiased refits: the plain normal interval
        BootstrapCateModel centred = new BootstrapCateModel(constant(1.0), List.of(constant(0.9), constant(1.1)));
        EffectIntervals c = centred.effectInterval(new double[][] {{0}}, 0.1);
        assertEquals(1.0 - q * sd, c.lo()[0], 1e-12);
        assertEquals(1.0 + q * sd, c.hi()[0], 1e-12);
    }
}
