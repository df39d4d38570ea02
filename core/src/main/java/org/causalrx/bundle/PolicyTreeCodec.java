package org.causalrx.bundle;

import static org.causalrx.bundle.BundleFiles.integer;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.causalrx.causal.policytree.PolicyTree;
import org.causalrx.util.CausalRxException;

/**
 * Kind {@code policy_tree}: a {@link PolicyTree} as its preorder node list, each node {@code feature} (−1 for a
 * leaf), {@code threshold} (null for a leaf), {@code left}, {@code right}, {@code n}, {@code mean}, {@code se}.
 * Numbers are JSON doubles, so the rebuilt tree predicts bit-identically; it is also its own interval model.
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
