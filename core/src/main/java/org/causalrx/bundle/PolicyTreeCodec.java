package org.causalrx.bundle;

import static org.causalrx.bundle.BundleFiles.integer;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.causalrx.causal.policytree.MultiArmPolicyTree;
import org.causalrx.causal.policytree.PolicyTree;
import org.causalrx.util.CausalRxException;

/**
 * Kind {@code policy_tree}: a {@link PolicyTree} as its preorder node list, each node {@code feature} (−1 for a
 * leaf), {@code threshold} (null for a leaf), {@code left}, {@code right}, {@code n}, {@code mean}, {@code se}.
 * Numbers are JSON doubles, so the rebuilt tree predicts bit-identically; it is also its own interval model.
 * Kind {@code multi_arm_policy_tree}: a {@link MultiArmPolicyTree} as the same node list under {@code tree} and,
 * per node in the same order, {@code effects}: {@code action}, {@code mean} and {@code se} (K numbers each).
 */
final class PolicyTreeCodec {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private PolicyTreeCodec() {
    }

    static ObjectNode encode(String name, PolicyTree tree) {
        ObjectNode n = F.objectNode().put("kind", "policy_tree").put("name", name);
        ArrayNode nodes = n.putArray("nodes");
        for (PolicyTree.Node nd : tree.nodes()) {
            ObjectNode o = nodes.addObject().put("feature", nd.feature());
            if (nd.isLeaf()) {
                o.putNull("threshold");
            } else {
                o.put("threshold", nd.threshold());
            }
            o.put("left", nd.left()).put("right", nd.right()).put("n", nd.n()).put("mean", nd.mean())
                    .put("se", nd.se());
        }
        return n;
    }

    static ObjectNode encodeMultiArm(String name, MultiArmPolicyTree tree) {
        ObjectNode n = F.objectNode().put("kind", "multi_arm_policy_tree").put("name", name);
        n.set("tree", encode(name, tree.tree()));
        ArrayNode effects = n.putArray("effects");
        for (MultiArmPolicyTree.NodeEffects e : tree.nodes()) {
            ObjectNode o = effects.addObject().put("action", e.action());
            e.mean().forEach(o.putArray("mean")::add);
            e.se().forEach(o.putArray("se")::add);
        }
        return n;
    }

    static MultiArmPolicyTree decodeMultiArm(JsonNode n, String file) {
        PolicyTree tree = decode(BundleFiles.field(n, "tree", file), file);
        List<MultiArmPolicyTree.NodeEffects> effects = new ArrayList<>();
        for (JsonNode o : BundleFiles.field(n, "effects", file)) {
            effects.add(new MultiArmPolicyTree.NodeEffects(integer(o, "action", file), numbers(o, "mean", file),
                    numbers(o, "se", file)));
        }
        try {
            return new MultiArmPolicyTree(tree, effects);
        } catch (IllegalArgumentException e) {
            throw new CausalRxException(file + ": " + e.getMessage() + "; re-run `causalrx run` to write the bundle "
                    + "again", e);
        }
    }

    private static List<Double> numbers(JsonNode o, String field, String file) {
        List<Double> out = new ArrayList<>();
        for (JsonNode v : BundleFiles.field(o, field, file)) {
            if (!v.isNumber()) {
                throw new CausalRxException(file + ": '" + field + "' of a policy-tree node holds '" + v.asText()
                        + "', not a number; re-run `causalrx run` to write the bundle again");
            }
            out.add(v.asDouble());
        }
        return out;
    }

    static PolicyTree decode(JsonNode n, String file) {
        List<PolicyTree.Node> nodes = new ArrayList<>();
        for (JsonNode o : BundleFiles.field(n, "nodes", file)) {
            JsonNode c = o.get("threshold");
            nodes.add(new PolicyTree.Node(integer(o, "feature", file), c == null || c.isNull() ? Double.NaN
                    : c.asDouble(), integer(o, "left", file), integer(o, "right", file), integer(o, "n", file),
                    BundleFiles.number(o, "mean", file), BundleFiles.number(o, "se", file)));
        }
        try {
            return new PolicyTree(nodes);
        } catch (IllegalArgumentException e) {
            throw new CausalRxException(file + ": " + e.getMessage() + "; re-run `causalrx run` to write the bundle "
                    + "again", e);
        }
    }
}
