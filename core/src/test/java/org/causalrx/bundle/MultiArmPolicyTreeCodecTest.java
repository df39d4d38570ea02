package org.causalrx.bundle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.SplittableRandom;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.causalrx.causal.MultiArmCateModel;
import org.causalrx.causal.MultiArmEnsembles;
import org.causalrx.causal.policytree.MultiArmPolicyTree;
import org.causalrx.causal.policytree.PolicyTreeSearch;
import org.causalrx.causal.policytree.PolicyTreeSettings;
import org.causalrx.util.CausalRxException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A K-action policy tree written into a bundle and read back is the same tree (effects and actions bit-identical),
 * alone and as a member of an ensemble; a damaged node list is a one-line error.
 */
class MultiArmPolicyTreeCodecTest {
    @TempDir
    Path dir;

    @Test
    void roundTripIsBitIdenticalAloneAndInsideAnEnsemble() throws Exception {
        SplittableRandom rnd = new SplittableRandom(9);
        double[][] x = new double[300][];
        double[][] g = new double[300][];
        for (int i = 0; i < x.length; i++) {
            x[i] = new double[] {rnd.nextGaussian(), rnd.nextInt(4)};
            g[i] = new double[] {0, (x[i][0] > 0 ? 2 : -1) + rnd.nextGaussian(), (x[i][1] < 2 ? 1.5 : -2)
                + rnd.nextGaussian()};
        }
        MultiArmPolicyTree tree = PolicyTreeSearch.fitActions(x, g, -1, new PolicyTreeSettings(2, 10, 200));
        BundleFiles files = new BundleFiles(dir);
        ObjectNode n = MultiArmCateCodecs.encode("policy_tree", tree, files);
        MultiArmCateModel back = MultiArmCateCodecs.decode(BundleFiles.JSON.readTree(
                BundleFiles.JSON.writeValueAsString(n)), "cate.json", files);
        assertEquals(tree, back);
        assertArrayEquals(tree.actions(x), ((MultiArmPolicyTree) back).actions(x));
        for (int i = 0; i < x.length; i++) {
            assertArrayEquals(tree.effects(x)[i], back.effects(x)[i], 0.0);
        }
        MultiArmCateModel avg = MultiArmEnsembles.averageFitted(java.util.List.of(tree, tree));
        MultiArmCateModel avgBack = MultiArmCateCodecs.decode(BundleFiles.JSON.readTree(
                BundleFiles.JSON.writeValueAsString(MultiArmCateCodecs.encode("average", avg, files))), "cate.json",
                files);
        assertArrayEquals(avg.effects(x)[7], avgBack.effects(x)[7], 0.0);

        n.withArray("effects").remove(0);
        CausalRxException e = assertThrows(CausalRxException.class, () -> MultiArmCateCodecs.decode(n, "cate.json",
                files));
        assertEquals(-1, e.getMessage().indexOf('\n'), e.getMessage());
    }
}
