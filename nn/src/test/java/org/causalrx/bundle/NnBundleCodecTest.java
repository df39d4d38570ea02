package org.causalrx.bundle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.causalrx.causal.ArmOutcomeModel;
import org.causalrx.causal.CateModel;
import org.causalrx.causal.CategoricalCateModel;
import org.causalrx.causal.EffectIntervals;
import org.causalrx.causal.uncertainty.BootstrapCateModel;
import org.causalrx.learn.linear.LogisticRegression;
import org.causalrx.nn.ArmNetModel;
import org.causalrx.nn.DragonNet;
import org.causalrx.nn.NnSettings;
import org.causalrx.nn.TarNet;
import org.causalrx.nn.XMultiTask;
import org.causalrx.nn.XMultiTaskModel;
import org.causalrx.util.CausalRxException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The neural CATE models through a model bundle on disk (codec found with the ServiceLoader, manifest written and
 * checked): TARNet (continuous), DragonNet with targeted regularisation (continuous: epsilon and the outcome sd
 * matter) and X-MultiTask (categorical, with its logistic propensity) decode to models whose effects, arm outcomes
 * and class effects equal the fitted ones bit for bit on the training rows; bootstrap refits of TARNet give the same
 * interval ends; a changed weight changes the predictions; an unknown kind and malformed weights are refused with
 * the file named.
 */
@Tag("slow")
class NnBundleCodecTest {
    static final NnSettings TINY = NnSettings.defaults().withSize(16, 1, 8, 1).withEpochs(15, 5).withMembers(2);
    static double[][] x;
    static ArmNetModel tarnet;
    static ArmNetModel dragonnet;
    static XMultiTaskModel xmultitask;

    @TempDir
    Path tmp;

    @BeforeAll
    static void fit() {
        SplittableRandom r = new SplittableRandom(5);
        int n = 200;
        x = new double[n][3];
        int[] t = new int[n];
        double[] y = new double[n];
        double[] k = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < 3; j++) {
                x[i][j] = r.nextGaussian();
            }
            t[i] = r.nextDouble() < 1 / (1 + Math.exp(-0.7 * x[i][1])) ? 1 : 0;
            y[i] = 3 + x[i][0] + 0.5 * x[i][1] + t[i] * (1 + x[i][0]) + 0.5 * r.nextGaussian();
            k[i] = Math.min(2, Math.max(0, Math.round(1 + x[i][0] + 0.5 * t[i] + 0.3 * r.nextGaussian())));
        }
        tarnet = new TarNet(TINY).fit(x, t, y, 1);
        dragonnet = new DragonNet(TINY, 1.0, 1.0).fit(x, t, y, 2);
        xmultitask = new XMultiTask(TINY.withOutcome(NnSettings.OutcomeType.CATEGORICAL), LogisticRegression.l2(),
                XMultiTask.CLIP, true).fit(x, t, k, 3);
    }

    /** Writes {@code enc} as cate.json with the files and a manifest into {@code dir}; reads it back, checked. */
    static BundleFiles roundTrip(Path dir, ObjectNode enc, BundleFiles files) throws Exception {
        files.putJson(BundleFormat.CATE, enc);
        Files.createDirectories(dir);
        for (Map.Entry<String, byte[]> e : files.all().entrySet()) {
            Files.write(dir.resolve(e.getKey()), e.getValue());
        }
        Files.writeString(dir.resolve(BundleFormat.MANIFEST),
                BundleFiles.JSON.writeValueAsString(Manifest.of(files.all(), "test")));
        return Manifest.read(dir);
    }

    CateModel throughBundle(String name, CateModel m, String kind) throws Exception {
        Path dir = tmp.resolve(name);
        ObjectNode enc = ModelCodecs.encodeCate(name, m, List.of(), false, new BundleFiles(dir));
        assertEquals(kind, enc.get("kind").asText());
        BundleFiles read = roundTrip(dir, enc, new BundleFiles(dir));
        return ModelCodecs.decodeCate(read.json(BundleFormat.CATE), dir.resolve(BundleFormat.CATE).toString(), read);
    }

    static void assertSame(CateModel want, CateModel got) {
        assertArrayEquals(want.effect(x), got.effect(x), 0.0, "effect, bit for bit");
        for (int arm = 0; arm < 2; arm++) {
            assertArrayEquals(((ArmOutcomeModel) want).mu(x, arm), ((ArmOutcomeModel) got).mu(x, arm), 0.0,
                    "mu(x, " + arm + "), bit for bit");
        }
    }

    @Test
    void tarnetRoundTripsBitForBit() throws Exception {
        assertSame(tarnet, assertInstanceOf(ArmNetModel.class, throughBundle("tarnet", tarnet, "arm_net")));
    }

    @Test
    void dragonnetWithTargetedRegularisationRoundTripsBitForBit() throws Exception {
        ArmNetModel got = assertInstanceOf(ArmNetModel.class, throughBundle("dragonnet", dragonnet, "arm_net"));
        assertSame(dragonnet, got);
        assertArrayEquals(dragonnet.propensity(x), got.propensity(x), 0.0);
    }

    @Test
    void xmultitaskRoundTripsBitForBit() throws Exception {
        XMultiTaskModel got = assertInstanceOf(XMultiTaskModel.class,
                throughBundle("xmultitask", xmultitask, "x_multitask"));
        assertSame(xmultitask, got);
        assertArrayEquals(xmultitask.propensity(x), got.propensity(x), 0.0);
        assertEquals(3, got.classes());
        double[][] a = ((CategoricalCateModel) xmultitask).classEffects(x);
        double[][] b = got.classEffects(x);
        for (int i = 0; i < a.length; i++) {
            assertArrayEquals(a[i], b[i], 0.0);
        }
    }

    /** Conservative bundles: a TARNet point model with its bootstrap refits gives the same interval ends. */
    @Test
    void bootstrapRefitsOfTarnetGiveTheSameIntervals() throws Exception {
        List<CateModel> refits = new ArrayList<>();
        SplittableRandom r = new SplittableRandom(9);
        for (int b = 0; b < 2; b++) {
            int n = x.length;
            double[][] xb = new double[n][];
            int[] tb = new int[n];
            double[] yb = new double[n];
            double[] mu1 = tarnet.mu(x, 1);
            for (int i = 0; i < n; i++) {
                int k = r.nextInt(n);
                xb[i] = x[k];
                tb[i] = i % 2;
                yb[i] = mu1[k] + (i % 2) * x[k][0];
            }
            refits.add(new TarNet(TINY).fit(xb, tb, yb, 100 + b));
        }
        BootstrapCateModel m = new BootstrapCateModel(tarnet, refits);
        Path dir = tmp.resolve("boot");
        BundleFiles files = new BundleFiles(dir);
        ObjectNode enc = IntervalCodecs.encodeStatistical("tarnet", m, null, null, files);
        BundleFiles read = roundTrip(dir, enc, files);
        BootstrapCateModel got = assertInstanceOf(BootstrapCateModel.class,
                ModelCodecs.decodeCate(read.json(BundleFormat.CATE), "cate.json", read));
        EffectIntervals a = m.effectInterval(x, 0.1);
        EffectIntervals b = got.effectInterval(x, 0.1);
        assertArrayEquals(a.lo(), b.lo(), 0.0);
        assertArrayEquals(a.hi(), b.hi(), 0.0);
        assertArrayEquals(m.effect(x), got.effect(x), 0.0);
    }

    @Test
    void aChangedWeightChangesThePredictions() {
        ObjectNode enc = encode("tarnet", tarnet);
        JsonNode member = enc.get("net").get(0);
        float[] params = PackedArrays.floats(member, "params", "cate.json");
        params[params.length - 1] += 0.25f; // the treated head's output bias
        ((ObjectNode) member).set("params", PackedArrays.floats(params));
        CateModel got = ModelCodecs.decodeCate(enc, "cate.json", new BundleFiles(tmp));
        assertFalse(Arrays.equals(tarnet.effect(x), got.effect(x)));
        assertArrayEquals(tarnet.mu(x, 0), ((ArmOutcomeModel) got).mu(x, 0), 0.0, "the control head is untouched");
    }

    @Test
    void anUnknownKindOrMalformedWeightsAreRefusedWithTheFileNamed() {
        ObjectNode enc = encode("tarnet", tarnet);
        enc.put("kind", "arm_net_v2");
        CausalRxException e = assertThrows(CausalRxException.class,
                () -> ModelCodecs.decodeCate(enc, "cate.json", new BundleFiles(tmp)));
        assertTrue(e.getMessage().startsWith("cate.json: unknown CATE model kind 'arm_net_v2'"), e.getMessage());

        ObjectNode short1 = encode("tarnet", tarnet);
        ObjectNode member = (ObjectNode) short1.get("net").get(0);
        float[] params = PackedArrays.floats(member, "params", "cate.json");
        member.set("params", PackedArrays.floats(Arrays.copyOf(params, params.length - 1)));
        e = assertThrows(CausalRxException.class, () -> ModelCodecs.decodeCate(short1, "cate.json",
                new BundleFiles(tmp)));
        assertTrue(e.getMessage().startsWith("cate.json: a network's params hold " + (params.length - 1)),
                e.getMessage());

        ObjectNode wide = encode("xmultitask", xmultitask);
        ((ObjectNode) wide.get("stage2").get(0).get("spec")).put("inputs", 4);
        e = assertThrows(CausalRxException.class, () -> ModelCodecs.decodeCate(wide, "cate.json",
                new BundleFiles(tmp)));
        assertTrue(e.getMessage().startsWith("cate.json: a network has 4 inputs"), e.getMessage());

        ObjectNode coding = encode("tarnet", tarnet);
        ((ObjectNode) coding.get("coding")).put("type", "auto");
        e = assertThrows(CausalRxException.class, () -> ModelCodecs.decodeCate(coding, "cate.json",
                new BundleFiles(tmp)));
        assertTrue(e.getMessage().startsWith("cate.json: outcome coding (type 'auto'"), e.getMessage());
    }

    private ObjectNode encode(String name, CateModel m) {
        try {
            return ModelCodecs.encodeCate(name, m, List.of(), false, new BundleFiles(tmp));
        } catch (NotBundleable nb) {
            throw new AssertionError(nb.getMessage(), nb);
        }
    }
}
