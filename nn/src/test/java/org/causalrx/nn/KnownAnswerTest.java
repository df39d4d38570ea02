package org.causalrx.nn;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.causalrx.causal.CateEstimator;
import org.causalrx.causal.CateModel;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Known answer: on a simulated confounded design each estimator's sqrt-PEHE on fresh rows is below a bound. */
@Tag("slow")
class KnownAnswerTest {
    static final NnSettings SMALL = NnSettings.defaults().withSize(32, 2, 16, 1).withEpochs(150, 15).withMembers(1);

    private static double pehe(CateEstimator est) {
        Sims.Data train = Sims.continuous(600, 4, 1);
        Sims.Data test = Sims.continuous(400, 4, 2);
        long t0 = System.nanoTime();
        CateModel m = est.fit(train.x(), train.t(), train.y(), 7);
        double p = Sims.sqrtPehe(m.effect(test.x()), test.tau());
        System.out.printf("%s sqrt-PEHE %.3f (%.1fs)%n", est.name(), p, (System.nanoTime() - t0) / 1e9);
        return p;
    }

    @Test
    void tarnetRecoversTheEffect() {
        assertTrue(pehe(new TarNet(SMALL)) < 0.35);
    }

    @Test
    void dragonnetRecoversTheEffect() {
        assertTrue(pehe(new DragonNet(SMALL, 1, 1)) < 0.35);
    }

    @Test
    void xmultitaskRecoversTheEffect() {
        assertTrue(pehe(new XMultiTask(SMALL, org.causalrx.learn.linear.LogisticRegression.l2(), 0.05, true)) < 0.35);
    }
}
