package org.causalrx.bundle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.SplittableRandom;

import org.causalrx.causal.MultiArmCateModel;
import org.causalrx.causal.MultiArmTLearner;
import org.causalrx.causal.meta.MultiArmSLearner;
import org.causalrx.learn.MultiProbabilityModel;
import org.causalrx.learn.linear.MultinomialRegression;
import org.causalrx.learn.xgb.XGBoostParams;
import org.causalrx.learn.xgb.XGBoostRegressor;
import org.causalrx.learn.xgb.XGBoostSoftprobClassifier;
import org.junit.jupiter.api.Test;

/** Both generalized propensity kinds and the K-arm T-learner round-trip bit for bit; other K-arm models refuse. */
class MultiArmCodecsTest {
    private static final int N = 300;

    private static double[][] x(SplittableRandom r) {
        double[][] x = new double[N][3];
        for (double[] row : x) {
            for (int j = 0; j < 3; j++) {
                row[j] = r.nextGaussian();
            }
        }
        return x;
    }

    private static int[] arms(double[][] x, SplittableRandom r) {
        int[] t = new int[N];
        for (int i = 0; i < N; i++) {
            t[i] = x[i][0] + 0.7 * r.nextGaussian() > 0.5 ? 1 : x[i][1] + 0.7 * r.nextGaussian() > 0 ? 2 : 0;
        }
        return t;
    }

    private static MultiProbabilityModel roundTrip(MultiProbabilityModel m) throws NotBundleable {
        BundleFiles files = new BundleFiles(Path.of("model"));
        var n = MultiArmCodecs.encodePropensity(m, "propensity", files);
        return MultiArmCodecs.decodePropensity(n, "propensity.json", files);
    }

    @Test
    void propensityModelsRoundTripExactly() throws Exception {
        SplittableRandom r = new SplittableRandom(4);
        double[][] x = x(r);
        int[] t = arms(x, r);
        for (MultiProbabilityModel m : new MultiProbabilityModel[] {MultinomialRegression.l2().fit(x, t, 3, null, 1),
                new XGBoostSoftprobClassifier(XGBoostParams.defaults()).fit(x, t, 3, null, 1)}) {
            MultiProbabilityModel back = roundTrip(m);
            assertEquals(3, back.classes());
            double[][] want = m.predictProba(x);
            double[][] got = back.predictProba(x);
            for (int i = 0; i < N; i++) {
                assertArrayEquals(want[i], got[i], m.getClass().getSimpleName() + " row " + i);
            }
        }
    }

    @Test
    void kArmTLearnerRoundTripsAndOtherModelsRefuse() throws Exception {
        SplittableRandom r = new SplittableRandom(5);
        double[][] x = x(r);
        int[] t = arms(x, r);
        double[] y = new double[N];
        for (int i = 0; i < N; i++) {
            y[i] = x[i][0] * t[i] + r.nextGaussian();
        }
        XGBoostRegressor reg = new XGBoostRegressor(XGBoostParams.defaults());
        MultiArmCateModel m = new MultiArmTLearner("t_xgboost", reg).fit(x, t, 3, y, 2);
        BundleFiles files = new BundleFiles(Path.of("model"));
        var n = MultiArmCodecs.encodeCate("t_xgboost", m, files);
        MultiArmCateModel back = MultiArmCodecs.decodeCate(n, "cate.json", files);
        double[][] want = m.effects(x);
        double[][] got = back.effects(x);
        for (int i = 0; i < N; i++) {
            assertArrayEquals(want[i], got[i], "row " + i);
        }
        MultiArmCateModel s = new MultiArmSLearner("s_xgboost", reg).fit(x, t, 3, y, 2);
        NotBundleable nb = assertThrows(NotBundleable.class, () -> MultiArmCodecs.encodeCate("s_xgboost", s,
                new BundleFiles(Path.of("model"))));
        assertTrue(nb.getMessage().contains("s_xgboost"), nb.getMessage());
    }
}
