package org.causalrx.bundle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Base64;
import java.util.SplittableRandom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.causalrx.causal.EffectIntervals;
import org.causalrx.causal.IntervalCateModel;
import org.causalrx.causal.forest.CausalForest;
import org.causalrx.causal.forest.CausalForestModel;
import org.causalrx.causal.uncertainty.PosteriorCateModel;
import org.causalrx.learn.bart.Bart;
import org.causalrx.learn.bart.BartModel;
import org.causalrx.learn.bart.BartSettings;
import org.causalrx.learn.forest.ForestSettings;
import org.causalrx.util.CausalRxException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Round trips of the BART and causal-forest codecs through JSON text: effects, posterior draws and intervals of
 * the decoded models are bit-identical on fresh random x; one perturbed stored value changes them; a malformed
 * layout is refused with the file named.
 */
class TreeModelCodecsTest {
    static final double[][] TRAIN = IntervalCodecsTest.features(300, 4, 7);
    static final double[][] X = IntervalCodecsTest.features(200, 4, 99);
    static BartModel mu0;
    static BartModel mu1;
    static CausalForestModel forest;

    @BeforeAll
    static void fit() {
        SplittableRandom r = new SplittableRandom(3);
        int n = TRAIN.length;
        double[] y0 = new double[n];
        double[] y1 = new double[n];
        double[] y = new double[n];
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            double[] x = TRAIN[i];
            y0[i] = x[0] - 0.5 * x[1] + 0.3 * r.nextGaussian();
            y1[i] = y0[i] + (x[2] > 0 ? 1 : -0.5);
            w[i] = r.nextDouble() < 0.5 ? 1 : 0;
            y[i] = w[i] == 1 ? y1[i] : y0[i];
        }
        Bart bart = new Bart(BartSettings.defaults().withTrees(20).withBurnIn(20).withDraws(60));
        mu0 = bart.fit(TRAIN, y0, null, 11);
        mu1 = bart.fit(TRAIN, y1, null, 12);
        forest = new CausalForest(ForestSettings.defaults().withNumTrees(100)).fit(TRAIN, y, w, null, null, 5);
    }

    static JsonNode text(ObjectNode enc) throws Exception {
        JsonNode back = BundleFiles.JSON.readTree(BundleFiles.JSON.writeValueAsString(enc));
        assertEquals(enc, back);
        return back;
    }

    static void assertSameIntervals(IntervalCateModel a, IntervalCateModel b, double alpha) {
        EffectIntervals ea = a.effectInterval(X, alpha);
        EffectIntervals eb = b.effectInterval(X, alpha);
        assertArrayEquals(a.effect(X), b.effect(X), 0.0);
        assertArrayEquals(ea.lo(), eb.lo(), 0.0);
        assertArrayEquals(ea.hi(), eb.hi(), 0.0);
    }

    @Test
    void bartRoundTripsBitIdentically() throws Exception {
        BartModel got = TreeModelCodecs.decodeBart(text(TreeModelCodecs.encodeBart(mu1)), "cate.json");
        assertArrayEquals(mu1.predict(X), got.predict(X), 0.0);
        double[][] a = mu1.posteriorDraws(X);
        double[][] b = got.posteriorDraws(X);
        for (int k = 0; k < a.length; k++) {
            assertArrayEquals(a[k], b[k], 0.0);
        }
        assertArrayEquals(mu1.sigmaDraws(), got.sigmaDraws(), 0.0);
    }

    @Test
    void bartPosteriorIntervalsRoundTripBitIdentically() throws Exception {
        PosteriorCateModel m = new PosteriorCateModel(mu0, mu1);
        ObjectNode enc = IntervalCodecs.encodeStatistical("t_bart", m, null, null,
                new BundleFiles(IntervalCodecsTest.DIR));
        assertEquals("bart_posterior", enc.get("kind").asText());
        PosteriorCateModel got = assertInstanceOf(PosteriorCateModel.class,
                ModelCodecs.decodeCate(text(enc), "cate.json", new BundleFiles(IntervalCodecsTest.DIR)));
        assertSameIntervals(m, got, 0.1);
        assertSameIntervals(m, got, 0.02);
    }

    @Test
    void causalForestRoundTripsBitIdentically() throws Exception {
        ObjectNode enc = ModelCodecs.encodeCate("causal_forest", forest, java.util.List.of(), false,
                new BundleFiles(IntervalCodecsTest.DIR));
        assertEquals("causal_forest", enc.get("kind").asText());
        CausalForestModel got = assertInstanceOf(CausalForestModel.class,
                ModelCodecs.decodeCate(text(enc), "cate.json", new BundleFiles(IntervalCodecsTest.DIR)));
        assertEquals(forest.numTrees(), got.numTrees());
        assertSameIntervals(forest, got, 0.05);
        assertArrayEquals(forest.effectWithVariance(X).variance(), got.effectWithVariance(X).variance(), 0.0);
        assertThrows(IllegalStateException.class, got::oobEffect);
    }

    /** Adds {@code delta} to the double at {@code index} of a packed array field. */
    static void perturb(ObjectNode n, String field, int index, double delta) {
        double[] v = PackedArrays.doubles(n, field, "cate.json");
        v[index] += delta;
        n.set(field, PackedArrays.doubles(v));
    }

    @Test
    void aPerturbedStoredValueChangesThePredictions() throws Exception {
        ObjectNode bart = TreeModelCodecs.encodeBart(mu1);
        int leaf = firstLeaf(PackedArrays.ints(bart, "var", "cate.json"));
        perturb(bart, "value", leaf, 0.5);
        assertFalse(Arrays.equals(mu1.predict(X), TreeModelCodecs.decodeBart(text(bart), "cate.json").predict(X)));

        ObjectNode cf = TreeModelCodecs.encodeForest("causal_forest", forest);
        perturb(cf, "leaf_stats", 2, 0.5); // the first leaf's mean of W̃Ỹ
        CausalForestModel got = TreeModelCodecs.decodeForest(text(cf), "cate.json");
        assertFalse(Arrays.equals(forest.effect(X), got.effect(X)));
    }

    static int firstLeaf(int[] var) {
        for (int i = 0; i < var.length; i++) {
            if (var[i] < 0) {
                return i;
            }
        }
        throw new AssertionError("no leaf");
    }

    @Test
    void largeArraysAreSplitIntoChunksAndJoinedExactly() {
        SplittableRandom r = new SplittableRandom(1);
        double[] v = new double[PackedArrays.CHUNK / 8 * 2 + 5];
        for (int i = 0; i < v.length; i++) {
            v[i] = r.nextGaussian();
        }
        ObjectNode n = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        n.set("v", PackedArrays.doubles(v));
        assertEquals(3, n.get("v").size());
        assertArrayEquals(v, PackedArrays.doubles(n, "v", "cate.json"), 0.0);
        int[] k = {0, -1, Integer.MAX_VALUE, Integer.MIN_VALUE, 7};
        n.set("k", PackedArrays.ints(k));
        assertArrayEquals(k, PackedArrays.ints(n, "k", "cate.json"));
    }

    @Test
    void aMalformedLayoutIsRefusedWithTheFileNamed() {
        ObjectNode bart = TreeModelCodecs.encodeBart(mu0);
        int[] right = PackedArrays.ints(bart, "right", "cate.json");
        int[] var = PackedArrays.ints(bart, "var", "cate.json");
        for (int i = 0; i < var.length; i++) {
            if (var[i] >= 0) {
                right[i] = i; // a cycle
                break;
            }
        }
        bart.set("right", PackedArrays.ints(right));
        CausalRxException e = assertThrows(CausalRxException.class,
                () -> TreeModelCodecs.decodeBart(bart, "cate.json"));
        assertTrue(e.getMessage().startsWith("cate.json: "), e.getMessage());

        ObjectNode cf = TreeModelCodecs.encodeForest("causal_forest", forest);
        cf.putArray("leaf_stats").add(Base64.getEncoder().encodeToString(new byte[16]));
        assertThrows(CausalRxException.class, () -> TreeModelCodecs.decodeForest(cf, "cate.json"));
        cf.putArray("split_var").add("not base64!");
        assertThrows(CausalRxException.class, () -> TreeModelCodecs.decodeForest(cf, "cate.json"));
    }
}
