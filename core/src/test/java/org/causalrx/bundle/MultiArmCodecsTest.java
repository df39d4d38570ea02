package org.causalrx.bundle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.causalrx.causal.MultiArmCateModel;
import org.causalrx.causal.MultiArmEnsembles;
import org.causalrx.estimators.MultiArmEstimators;
import org.causalrx.learn.MultiProbabilityModel;
import org.causalrx.learn.OneVsRest;
import org.causalrx.learn.forest.ForestSettings;
import org.causalrx.learn.linear.LinearSettings;
import org.causalrx.learn.linear.LogisticRegression;
import org.causalrx.learn.linear.MultinomialRegression;
import org.causalrx.learn.xgb.XGBoostParams;
import org.causalrx.learn.xgb.XGBoostSoftprobClassifier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The generalized propensity kinds (multinomial, softprob, one-vs-rest) and every built-in K-arm CATE model with
 * codecs (T-, S-, X-, DR-learners, the multi-arm causal forest, average and consensus) round-trip bit for bit; a model
 * without a codec refuses, naming itself.
 */
@Tag("slow")
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
    void everyKArmEstimatorWithCodecsRoundTripsExactlyAndOthersRefuse() throws Exception {
        SplittableRandom r = new SplittableRandom(5);
        double[][] x = x(r);
        int[] t = arms(x, r);
        double[] y = new double[N];
        for (int i = 0; i < N; i++) {
            y[i] = x[i][0] * t[i] + r.nextGaussian();
        }
        XGBoostParams xgb = XGBoostParams.defaults().withRounds(40).withEarlyStopping(0);
        Map<String, MultiArmCateModel> singles = new LinkedHashMap<>();
        for (String name : List.of("t_xgboost", "t_ridge", "s_xgboost", "x_xgboost", "dr_xgboost")) {
            Object settings = name.equals("t_ridge") ? LinearSettings.defaults() : xgb;
            singles.put(name, MultiArmEstimators.of(name, settings, null).fit(x, t, 3, y, 2));
        }
        singles.put("causal_forest", MultiArmEstimators.of("causal_forest", ForestSettings.defaults()
                .withNumTrees(100), null).fit(x, t, 3, y, 2));
        Map<String, MultiArmCateModel> models = new LinkedHashMap<>(singles);
        models.put("average", MultiArmEnsembles.averageFitted(List.copyOf(singles.values())));
        models.put("majority", MultiArmEnsembles.majorityFitted(List.copyOf(singles.values())));
        models.put("consensus", new MultiArmEnsembles.Consensus(List.copyOf(singles.keySet()),
                List.copyOf(singles.values())));
        for (Map.Entry<String, MultiArmCateModel> e : models.entrySet()) {
            BundleFiles files = new BundleFiles(Path.of("model"));
            var n = MultiArmCateCodecs.encode(e.getKey(), e.getValue(), files);
            MultiArmCateModel back = MultiArmCateCodecs.decode(n, "cate.json", files);
            assertEquals(e.getValue().getClass(), back.getClass(), e.getKey());
            double[][] want = e.getValue().effects(x);
            double[][] got = back.effects(x);
            for (int i = 0; i < N; i++) {
                assertArrayEquals(want[i], got[i], e.getKey() + " row " + i);
            }
            if (back instanceof MultiArmEnsembles.Consensus c) {
                assertEquals(List.copyOf(singles.keySet()), c.names());
            }
        }
        MultiArmCateModel inline = new MultiArmCateModel() {
            @Override
            public int arms() {
                return 3;
            }

            @Override
            public double[][] effects(double[][] rows) {
                return new double[rows.length][3];
            }
        };
        NotBundleable nb = assertThrows(NotBundleable.class, () -> MultiArmCateCodecs.encode("mine",
                MultiArmEnsembles.averageFitted(List.of(singles.get("t_ridge"), inline)), new BundleFiles(
                Path.of("model"))));
        assertTrue(nb.getMessage().contains("member mine_m1") && nb.getMessage().contains("no bundle codec"),
                nb.getMessage());
    }

    @Test
    void oneVsRestPropensityRoundTripsExactly() throws Exception {
        SplittableRandom r = new SplittableRandom(6);
        double[][] x = x(r);
        int[] t = arms(x, r);
        MultiProbabilityModel m = new OneVsRest(LogisticRegression.l2()).fit(x, t, 3, null, 1);
        double[][] want = m.predictProba(x);
        double[][] got = roundTrip(m).predictProba(x);
        for (int i = 0; i < N; i++) {
            assertArrayEquals(want[i], got[i], "row " + i);
        }
    }
}
