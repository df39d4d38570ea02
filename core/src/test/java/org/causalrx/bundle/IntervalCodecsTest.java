package org.causalrx.bundle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.causalrx.causal.CateModel;
import org.causalrx.causal.EffectIntervals;
import org.causalrx.causal.Ensembles;
import org.causalrx.causal.TLearner;
import org.causalrx.causal.bounds.CateBounds;
import org.causalrx.causal.bounds.CateBoundsFamily;
import org.causalrx.causal.bounds.JointCateModel;
import org.causalrx.causal.uncertainty.BootstrapCateModel;
import org.causalrx.causal.uncertainty.FinalStageBootstrap;
import org.causalrx.causal.uncertainty.ScaledIntervalModel;
import org.causalrx.causal.uncertainty.Subsample;
import org.causalrx.learn.RegressionModel;
import org.causalrx.learn.linear.LinearModel;
import org.causalrx.learn.xgb.XGBoostRegressor;
import org.junit.jupiter.api.Test;

/** Round trips of the interval codecs: each decoded model predicts bit for bit as the fitted one. */
class IntervalCodecsTest {
    static final Path DIR = Path.of("bundle-under-test");
    static final double[][] X = features(120, 3, 1);

    static double[][] features(int n, int p, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] x = new double[n][p];
        for (double[] row : x) {
            for (int j = 0; j < p; j++) {
                row[j] = r.nextGaussian();
            }
        }
        return x;
    }

    static LinearModel linear(double a, double b) {
        return new LinearModel(a, new double[] {b, -b / 2, 0.25}, new double[] {1, 1, 1}, 0.1);
    }

    static RegressionModel xgb(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] y = new double[X.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = X[i][0] - 0.5 * X[i][1] + 0.3 * r.nextGaussian();
        }
        return new XGBoostRegressor().fit(X, y, null, seed);
    }

    /** Encodes with {@code enc}, writes and re-reads the JSON text, decodes with the same files. */
    static CateModel roundTrip(BundleFiles files, ObjectNode enc) throws Exception {
        JsonNode back = BundleFiles.JSON.readTree(BundleFiles.JSON.writeValueAsString(enc));
        assertEquals(enc, back);
        return ModelCodecs.decodeCate(back, "cate.json", files);
    }

    @Test
    void bootstrapWithFinalStageRefitsRoundTrips() throws Exception {
        List<CateModel> refits = new ArrayList<>();
        for (int b = 0; b < 3; b++) {
            refits.add(new FinalStageBootstrap.Refit(xgb(10 + b)));
        }
        BootstrapCateModel m = new BootstrapCateModel(new TLearner.Fitted("t", linear(0, 1), linear(0.2, 1.5)), refits);
        BundleFiles files = new BundleFiles(DIR);
        ObjectNode enc = IntervalCodecs.encodeStatistical("dr", m, null, null, files);
        assertEquals("final_stage_refit", enc.get("refits").get(0).get("kind").asText());
        assertTrue(files.all().containsKey("cate_dr_refit2.ubj"), files.all().keySet().toString());
        BootstrapCateModel got = assertInstanceOf(BootstrapCateModel.class, roundTrip(files, enc));
        assertArrayEquals(m.effect(X), got.effect(X), 0.0);
        assertArrayEquals(m.effectInterval(X, 0.1).lo(), got.effectInterval(X, 0.1).lo(), 0.0);
        assertArrayEquals(m.effectInterval(X, 0.1).hi(), got.effectInterval(X, 0.1).hi(), 0.0);
    }

    @Test
    void subsampleRefitsRoundTripWithTheirSize() throws Exception {
        List<CateModel> refits = List.of(new FinalStageBootstrap.Refit(linear(0.1, 1)),
                new FinalStageBootstrap.Refit(linear(-0.2, 1.2)), new FinalStageBootstrap.Refit(linear(0.3, 0.9)));
        BootstrapCateModel m = new BootstrapCateModel(refits.get(0), refits, new Subsample(2000, 50_000, true));
        BundleFiles files = new BundleFiles(DIR);
        ObjectNode enc = IntervalCodecs.encodeStatistical("dr", m, null, null, files);
        BootstrapCateModel got = assertInstanceOf(BootstrapCateModel.class, roundTrip(files, enc));
        assertEquals(m.subsample(), got.subsample());
        assertArrayEquals(m.effectInterval(X, 0.1).lo(), got.effectInterval(X, 0.1).lo(), 0.0);
        assertFalse(IntervalCodecs.encodeStatistical("dr", new BootstrapCateModel(refits.get(0), refits), null, null,
                files).has("subsample"), "full bootstrap models are written as before");
    }

    @Test
    void twoSizeSubsampleRefitsRoundTripWithTheirRateAndOneSizeBundlesReadAsRootN() throws Exception {
        List<CateModel> refits = List.of(new FinalStageBootstrap.Refit(linear(0.1, 1)),
                new FinalStageBootstrap.Refit(linear(-0.2, 1.2)), new FinalStageBootstrap.Refit(linear(0.3, 0.9)),
                new FinalStageBootstrap.Refit(linear(0.5, 0.7)), new FinalStageBootstrap.Refit(linear(-0.4, 1.4)));
        BootstrapCateModel m = new BootstrapCateModel(refits.get(0), refits,
                new Subsample(20_000, 100_000, false, 5_000, 0.3712345678901234));
        BundleFiles files = new BundleFiles(DIR);
        ObjectNode enc = IntervalCodecs.encodeStatistical("dr", m, null, null, files);
        assertEquals(0.3712345678901234, enc.get("subsample").get("rate").asDouble());
        BootstrapCateModel got = assertInstanceOf(BootstrapCateModel.class, roundTrip(files, enc));
        assertEquals(m.subsample(), got.subsample());
        assertArrayEquals(m.effectInterval(X, 0.1).hi(), got.effectInterval(X, 0.1).hi(), 0.0);
        ((ObjectNode) enc.get("subsample")).remove(List.of("small_drawn", "rate"));
        BootstrapCateModel old = assertInstanceOf(BootstrapCateModel.class, roundTrip(files, enc));
        assertEquals(new Subsample(20_000, 100_000, false), old.subsample(), "a bundle from before: one size, root-n");
    }

    @Test
    void ensembleRefitsRoundTripAsCombinedMembers() throws Exception {
        for (boolean median : new boolean[] {false, true}) {
            List<CateModel> refits = new ArrayList<>();
            for (int b = 0; b < 3; b++) {
                refits.add(Ensembles.combineFitted(List.of(new TLearner.Fitted("a", linear(b, 1), linear(0, 2)),
                        new TLearner.Fitted("b", linear(0, -1), linear(b, 0.5)),
                        new FinalStageBootstrap.Refit(linear(-b, 0.3))), median));
            }
            BootstrapCateModel m = new BootstrapCateModel(refits.get(0), refits);
            BundleFiles files = new BundleFiles(DIR);
            CateModel got = roundTrip(files, IntervalCodecs.encodeStatistical("average", m, null, null, files));
            EffectIntervals want = m.effectInterval(X, 0.05);
            EffectIntervals have = ((BootstrapCateModel) got).effectInterval(X, 0.05);
            assertArrayEquals(want.lo(), have.lo(), 0.0, "median " + median);
            assertArrayEquals(want.hi(), have.hi(), 0.0, "median " + median);
        }
    }

    @Test
    void boundsFamilyAndJointModelRoundTrip() throws Exception {
        RegressionModel one = xgb(1);
        CateBoundsFamily f = new CateBoundsFamily(List.of(new CateBounds(1.0, one, one),
                new CateBounds(1.5, xgb(2), xgb(3)), new CateBounds(2.0, linear(0.5, 1), linear(-0.5, 1))));
        BundleFiles files = new BundleFiles(DIR);
        ObjectNode enc = IntervalCodecs.encodeBounds(f, files);
        assertTrue(enc.get("levels").get(0).get("lower_same_as_upper").asBoolean());
        CateBoundsFamily got = IntervalCodecs.decodeBounds(enc, "cate.json", files);
        assertSame(got.levels().get(0).upper(), got.levels().get(0).lower());
        assertArrayEquals(f.lambdas(), got.lambdas(), 0.0);
        for (double l : f.lambdas()) {
            assertArrayEquals(f.bounds(X, l).lo(), got.bounds(X, l).lo(), 0.0);
            assertArrayEquals(f.bounds(X, l).hi(), got.bounds(X, l).hi(), 0.0);
        }
        BootstrapCateModel stat = new BootstrapCateModel(new TLearner.Fitted("t", linear(0, 1), linear(0.1, 1)),
                List.of(new TLearner.Fitted("t", linear(0, 1.1), linear(0.1, 0.9)),
                        new TLearner.Fitted("t", linear(0.1, 1), linear(0, 1.2))));
        JointCateModel joint = new JointCateModel(stat, f, 1.5);
        BundleFiles jf = new BundleFiles(DIR);
        CateModel back = roundTrip(jf, IntervalCodecs.encodeJoint("t", joint, null, null, jf));
        JointCateModel j = assertInstanceOf(JointCateModel.class, back);
        assertEquals(1.5, j.lambda());
        assertArrayEquals(joint.effect(X), j.effect(X), 0.0);
        assertArrayEquals(joint.effectInterval(X, 0.1).lo(), j.effectInterval(X, 0.1).lo(), 0.0);
        assertArrayEquals(joint.effectInterval(X, 0.1).hi(), j.effectInterval(X, 0.1).hi(), 0.0);
        // Lambda matters: the same parts at Lambda 2 give other intervals
        assertFalse(java.util.Arrays.equals(joint.effectInterval(X, 0.1).hi(),
                new JointCateModel(stat, f, 2.0).effectInterval(X, 0.1).hi()));
    }

    @Test
    void scaledIntervalRoundTripsInsideAJointModel() throws Exception {
        BootstrapCateModel stat = new BootstrapCateModel(new TLearner.Fitted("t", linear(0, 1), linear(0.1, 1)),
                List.of(new TLearner.Fitted("t", linear(0, 1.1), linear(0.1, 0.9)),
                        new TLearner.Fitted("t", linear(0.1, 1), linear(0, 1.2))));
        ScaledIntervalModel scaled = new ScaledIntervalModel(stat, 1.0 / 3 + 1.2);
        BundleFiles files = new BundleFiles(DIR);
        ObjectNode enc = IntervalCodecs.encodeStatistical("t", scaled, null, null, files);
        assertEquals("scaled_interval", enc.get("kind").asText());
        ScaledIntervalModel got = assertInstanceOf(ScaledIntervalModel.class, roundTrip(files, enc));
        assertEquals(scaled.factor(), got.factor(), 0.0);
        assertArrayEquals(scaled.effect(X), got.effect(X), 0.0);
        assertArrayEquals(scaled.effectInterval(X, 0.05).lo(), got.effectInterval(X, 0.05).lo(), 0.0);
        assertArrayEquals(scaled.effectInterval(X, 0.05).hi(), got.effectInterval(X, 0.05).hi(), 0.0);
        // the factor is applied: the decoded intervals are wider than the inner model's
        assertTrue(got.effectInterval(X, 0.05).hi()[0] > stat.effectInterval(X, 0.05).hi()[0]);

        CateBoundsFamily f = new CateBoundsFamily(List.of(new CateBounds(1.0, linear(0.5, 1), linear(-0.5, 1))));
        JointCateModel joint = new JointCateModel(scaled, f, 1.0);
        BundleFiles jf = new BundleFiles(DIR);
        JointCateModel j = assertInstanceOf(JointCateModel.class,
                roundTrip(jf, IntervalCodecs.encodeJoint("t", joint, null, null, jf)));
        assertInstanceOf(ScaledIntervalModel.class, j.statistical());
        assertArrayEquals(joint.effectInterval(X, 0.05).lo(), j.effectInterval(X, 0.05).lo(), 0.0);
        assertArrayEquals(joint.effectInterval(X, 0.05).hi(), j.effectInterval(X, 0.05).hi(), 0.0);
    }

    @Test
    void intervalsWithoutCodecAreRefusedWithTheReason() {
        org.causalrx.causal.IntervalCateModel other = new org.causalrx.causal.IntervalCateModel() {
            @Override
            public double[] effect(double[][] x) {
                return new double[x.length];
            }

            @Override
            public EffectIntervals effectInterval(double[][] x, double alpha) {
                return new EffectIntervals(new double[x.length], new double[x.length]);
            }
        };
        NotBundleable e = assertThrows(NotBundleable.class,
                () -> IntervalCodecs.encodeStatistical("t_bart", other, null, null, new BundleFiles(DIR)));
        assertTrue(e.getMessage().startsWith("t_bart: its intervals"), e.getMessage());
    }
}
