package org.causalrx.bundle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.causalrx.causal.MultiArmCateModel;
import org.causalrx.causal.MultiArmEnsembles;
import org.causalrx.causal.MultiArmOutcomeModel;
import org.causalrx.learn.OneVsRest;
import org.causalrx.learn.linear.LogisticRegression;
import org.causalrx.learn.linear.MultinomialRegression;
import org.causalrx.nn.MultiArmDragonNet;
import org.causalrx.nn.MultiArmNetModel;
import org.causalrx.nn.MultiArmTarNet;
import org.causalrx.nn.MultiArmXMultiTask;
import org.causalrx.nn.MultiArmXMultiTaskModel;
import org.causalrx.nn.NnSettings;
import org.causalrx.nn.XMultiTask;
import org.causalrx.util.CausalRxException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The K = 3 neural CATE models through a K-arm model bundle on disk (codec found with the ServiceLoader, manifest
 * written and checked): TARNet, DragonNet with targeted regularisation (softmax propensity head, K − 1 epsilons) and
 * X-MultiTask (categorical outcome, so stage 2 has (K − 1) × classes outputs per head; one-vs-rest and multinomial
 * propensity models) decode to models whose effects and arm outcomes equal the fitted ones bit for bit on the
 * training rows; an average with a neural member round-trips too; a changed weight changes the predictions; an arm
 * count that does not fit the networks and an unknown kind are refused with the file named.
 */
@Tag("slow")
class MultiArmNnBundleCodecTest {
    static final NnSettings TINY = NnSettings.defaults().withSize(16, 1, 8, 1).withEpochs(15, 5).withMembers(2);
    static double[][] x;
    static MultiArmNetModel tarnet;
    static MultiArmNetModel dragonnet;
    static MultiArmXMultiTaskModel xmultitask;
    static MultiArmXMultiTaskModel xmultitaskMultinomial;

    @TempDir
    Path tmp;

    /**
     * 300 rows of a confounded three-arm design: P(T = a | x) ∝ exp(l_a), l_0 = 0, l_1 = 0.8·x1,
     * l_2 = −0.6·x1 + 0.6·x2; tau_1 = 1 + x0, tau_2 = −1 + 0.8·x2; a 3-class outcome that moves with the arm.
     */
    @BeforeAll
    static void fit() {
        SplittableRandom r = new SplittableRandom(5);
        int n = 300;
        x = new double[n][3];
        int[] t = new int[n];
        double[] y = new double[n];
        double[] c = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < 3; j++) {
                x[i][j] = r.nextGaussian();
            }
            double[] w = {1, Math.exp(0.8 * x[i][1]), Math.exp(-0.6 * x[i][1] + 0.6 * x[i][2])};
            double u = r.nextDouble() * (w[0] + w[1] + w[2]);
            t[i] = u < w[0] ? 0 : u < w[0] + w[1] ? 1 : 2;
            double tau = t[i] == 0 ? 0 : t[i] == 1 ? 1 + x[i][0] : -1 + 0.8 * x[i][2];
            y[i] = x[i][0] + 0.5 * x[i][1] + tau + 0.5 * r.nextGaussian();
            c[i] = Math.min(2, Math.max(0, Math.round(1 + 0.5 * x[i][0] + 0.5 * tau + 0.3 * r.nextGaussian())));
        }
        tarnet = new MultiArmTarNet(TINY).fit(x, t, 3, y, 1);
        dragonnet = new MultiArmDragonNet(TINY, 1.0, 1.0).fit(x, t, 3, y, 2);
        NnSettings categorical = TINY.withOutcome(NnSettings.OutcomeType.CATEGORICAL);
        xmultitask = new MultiArmXMultiTask(categorical, new OneVsRest(LogisticRegression.l2()), XMultiTask.CLIP, true)
                .fit(x, t, 3, c, 3);
        xmultitaskMultinomial = new MultiArmXMultiTask(TINY, MultinomialRegression.l2(), XMultiTask.CLIP, true)
                .fit(x, t, 3, y, 4);
    }

    MultiArmCateModel throughBundle(String name, MultiArmCateModel m, String kind) throws Exception {
        Path dir = tmp.resolve(name);
        BundleFiles files = new BundleFiles(dir);
        ObjectNode enc = MultiArmCateCodecs.encode(name, m, files);
        assertEquals(kind, enc.get("kind").asText());
        BundleFiles read = NnBundleCodecTest.roundTrip(dir, enc, files);
        return MultiArmCateCodecs.decode(read.json(BundleFormat.CATE), dir.resolve(BundleFormat.CATE).toString(),
                read);
    }

    static void assertSame(MultiArmCateModel want, MultiArmCateModel got) {
        assertEquals(want.arms(), got.arms());
        double[][] a = want.effects(x);
        double[][] b = got.effects(x);
        for (int i = 0; i < a.length; i++) {
            assertArrayEquals(a[i], b[i], 0.0, "effects of row " + i + ", bit for bit");
        }
        if (want instanceof MultiArmOutcomeModel mw) {
            for (int arm = 0; arm < want.arms(); arm++) {
                assertArrayEquals(mw.mu(x, arm), ((MultiArmOutcomeModel) got).mu(x, arm), 0.0,
                        "mu(x, " + arm + "), bit for bit");
            }
        }
    }

    @Test
    void tarnetRoundTripsBitForBit() throws Exception {
        assertSame(tarnet, assertInstanceOf(MultiArmNetModel.class, throughBundle("tarnet", tarnet, "multi_arm_net")));
    }

    @Test
    void dragonnetWithTargetedRegularisationRoundTripsBitForBit() throws Exception {
        MultiArmNetModel got = assertInstanceOf(MultiArmNetModel.class,
                throughBundle("dragonnet", dragonnet, "multi_arm_net"));
        assertSame(dragonnet, got);
        double[][] a = dragonnet.propensities(x);
        double[][] b = got.propensities(x);
        for (int i = 0; i < a.length; i++) {
            assertArrayEquals(a[i], b[i], 0.0);
        }
    }

    @Test
    void xmultitaskRoundTripsBitForBit() throws Exception {
        for (MultiArmXMultiTaskModel m : List.of(xmultitask, xmultitaskMultinomial)) {
            MultiArmXMultiTaskModel got = assertInstanceOf(MultiArmXMultiTaskModel.class,
                    throughBundle(m == xmultitask ? "xmultitask" : "xmultitask_multinomial", m,
                            "multi_arm_x_multitask"));
            assertSame(m, got);
            double[][] a = m.propensities(x);
            double[][] b = got.propensities(x);
            for (int i = 0; i < a.length; i++) {
                assertArrayEquals(a[i], b[i], 0.0);
            }
        }
    }

    @Test
    void anAverageWithNeuralMembersRoundTripsBitForBit() throws Exception {
        MultiArmCateModel avg = MultiArmEnsembles.averageFitted(List.of(tarnet, xmultitask, dragonnet));
        assertSame(avg, throughBundle("average", avg, "multi_arm_average"));
    }

    @Test
    void aChangedWeightChangesThePredictions() throws Exception {
        ObjectNode enc = MultiArmCateCodecs.encode("tarnet", tarnet, new BundleFiles(tmp));
        JsonNode member = enc.get("net").get(0);
        float[] params = PackedArrays.floats(member, "params", "cate.json");
        params[params.length - 1] += 0.25f; // the last arm's output bias
        ((ObjectNode) member).set("params", PackedArrays.floats(params));
        MultiArmCateModel got = MultiArmCateCodecs.decode(enc, "cate.json", new BundleFiles(tmp));
        double[][] a = tarnet.effects(x);
        double[][] b = got.effects(x);
        assertFalse(a[0][2] == b[0][2], "arm 2's effect moves");
        assertEquals(a[0][1], b[0][1], 0.0, "arm 1's effect is untouched");
    }

    @Test
    void aWrongArmCountOrAnUnknownKindIsRefusedWithTheFileNamed() throws Exception {
        ObjectNode arms = MultiArmCateCodecs.encode("xmultitask", xmultitask, new BundleFiles(tmp));
        arms.put("arms", 4);
        CausalRxException e = assertThrows(CausalRxException.class,
                () -> MultiArmCateCodecs.decode(arms, "cate.json", new BundleFiles(tmp)));
        assertTrue(e.getMessage().startsWith("cate.json: "), e.getMessage());

        ObjectNode wide = MultiArmCateCodecs.encode("xmultitask", xmultitask, new BundleFiles(tmp));
        ((ObjectNode) wide.get("stage2").get(0).get("spec")).put("outputs", 3);
        e = assertThrows(CausalRxException.class,
                () -> MultiArmCateCodecs.decode(wide, "cate.json", new BundleFiles(tmp)));
        assertTrue(e.getMessage().startsWith("cate.json: a network has 3 inputs and 3 outputs per head"),
                e.getMessage());

        ObjectNode unknown = MultiArmCateCodecs.encode("tarnet", tarnet, new BundleFiles(tmp));
        unknown.put("kind", "multi_arm_net_v2");
        e = assertThrows(CausalRxException.class,
                () -> MultiArmCateCodecs.decode(unknown, "cate.json", new BundleFiles(tmp)));
        assertTrue(e.getMessage().startsWith("cate.json: unknown K-arm CATE model kind 'multi_arm_net_v2'"),
                e.getMessage());
    }
}
