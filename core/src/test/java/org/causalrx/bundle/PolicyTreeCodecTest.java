package org.causalrx.bundle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.causalrx.causal.CateModel;
import org.causalrx.causal.policytree.PolicyTree;
import org.causalrx.causal.policytree.PolicyTreeSearch;
import org.causalrx.causal.policytree.PolicyTreeSettings;
import org.causalrx.policy.PolicyTreeRules;
import org.causalrx.util.CausalRxException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A policy tree written and read back predicts the same effects and intervals; its path reads as a rule. */
class PolicyTreeCodecTest {
    @TempDir
    Path dir;

    @Test
    void roundTripIsBitIdenticalAndThePathReadsAsARule() throws Exception {
        SplittableRandom rnd = new SplittableRandom(5);
        double[][] x = new double[400][];
        double[] g = new double[400];
        for (int i = 0; i < x.length; i++) {
            x[i] = new double[] {20 + 60 * rnd.nextDouble(), rnd.nextInt(2), 40 * rnd.nextDouble()};
            g[i] = (x[i][0] <= 54 ? 1 : -1) * (x[i][2] > 20 ? 2 : -1) + 0.3 * rnd.nextGaussian();
        }
        PolicyTree tree = PolicyTreeSearch.fit(x, g, new PolicyTreeSettings(2, 10, 200));
        BundleFiles files = new BundleFiles(dir);
        ObjectNode n = ModelCodecs.encodeCate("policy_tree", tree, List.of(), false, files);
        CateModel back = ModelCodecs.decodeCate(BundleFiles.JSON.readTree(BundleFiles.JSON.writeValueAsString(n)),
                "cate.json", files);
        assertEquals(tree, back);
        assertArrayEquals(tree.effect(x), back.effect(x), 0.0);
        assertArrayEquals(tree.effectInterval(x, 0.1).lo(), ((PolicyTree) back).effectInterval(x, 0.1).lo(), 0.0);

        List<String> names = List.of("age", "sex=M", "smokeyrs");
        double[] young = {40, 1, 30};
        assertEquals(List.of("age ≤ ", "smokeyrs > "), List.of(
                PolicyTreeRules.path(tree, young, names).substring(0, 6),
                PolicyTreeRules.path(tree, young, names).split(" and ")[1].substring(0, 11)));
        PolicyTree.Node sexSplit = new PolicyTree.Node(1, 0.0, 1, 2, 10, 0, 0);
        assertEquals("sex ≠ M", PolicyTreeRules.question(sexSplit, true, names));
        assertEquals("sex = M", PolicyTreeRules.question(sexSplit, false, names));

        n.withArray("nodes").remove(1);
        assertThrows(CausalRxException.class, () -> ModelCodecs.decodeCate(n, "cate.json", files));
    }
}
