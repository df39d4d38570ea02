package org.causalrx.bundle;

import static org.causalrx.bundle.BundleFiles.integer;
import static org.causalrx.bundle.BundleFiles.number;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.causalrx.causal.forest.CausalForestModel;
import org.causalrx.causal.forest.CausalForestParts;
import org.causalrx.causal.forest.MultiArmCausalForestModel;
import org.causalrx.causal.forest.MultiArmCausalForestParts;
import org.causalrx.learn.bart.BartModel;
import org.causalrx.learn.bart.BartParts;
import org.causalrx.util.CausalRxException;

/**
 * Codecs for the tree-ensemble models whose arrays are large: kind {@code bart} (a {@link BartModel}: every kept
 * posterior draw of the sum of trees, layout of {@link BartParts}), kind {@code causal_forest} (a
 * {@link CausalForestModel}: every tree's splits and leaf statistics, layout of {@link CausalForestParts}) and kind
 * {@code multi_arm_causal_forest} (a {@link MultiArmCausalForestModel}, layout of
 * {@link MultiArmCausalForestParts}: the same tree arrays, and K and its leaf statistics instead). Scalars
 * are JSON numbers; arrays are {@link PackedArrays} (JSON arrays of base64 zlib chunks of little-endian
 * doubles / 32-bit ints). The rebuilt models predict bit-identically.
 */
final class TreeModelCodecs {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private TreeModelCodecs() {
    }

    static ObjectNode encodeBart(BartModel m) {
        BartParts p = BartParts.of(m);
        ObjectNode n = F.objectNode().put("kind", "bart").put("layout", "BartParts (preorder packed trees, "
                + "draw-major); arrays: base64 zlib chunks, little-endian").put("draws", p.draws())
                .put("trees", p.trees())
                .put("features", p.features()).put("center", p.center()).put("scale", p.scale());
        n.set("sigma", PackedArrays.doubles(p.sigma()));
        n.set("start", PackedArrays.ints(p.start()));
        n.set("var", PackedArrays.ints(p.var()));
        n.set("right", PackedArrays.ints(p.right()));
        n.set("value", PackedArrays.doubles(p.value()));
        return n;
    }

    static BartModel decodeBart(JsonNode n, String file) {
        try {
            return new BartParts(integer(n, "draws", file), integer(n, "trees", file), integer(n, "features", file),
                    number(n, "center", file), number(n, "scale", file), PackedArrays.doubles(n, "sigma", file),
                    PackedArrays.ints(n, "start", file), PackedArrays.ints(n, "var", file),
                    PackedArrays.ints(n, "right", file), PackedArrays.doubles(n, "value", file)).toModel();
        } catch (IllegalArgumentException e) {
            throw damaged(file, e);
        }
    }

    static ObjectNode encodeForest(String name, CausalForestModel m) {
        CausalForestParts p = CausalForestParts.of(m);
        ObjectNode n = F.objectNode().put("kind", "causal_forest").put("name", name).put("layout",
                        "CausalForestParts (trees concatenated, leaf statistics for leaves only); arrays base64 "
                                + "zlib chunks, little-endian").put("trees", p.nodeStart().length - 1)
                .put("columns", p.columns()).put("ci_group_size", p.groupSize()).put("threads", p.threads());
        return trees(n, p.nodeStart(), p.splitVar(), p.splitValue(), p.left(), p.right(), p.leafStats());
    }

    static CausalForestModel decodeForest(JsonNode n, String file) {
        try {
            return new CausalForestParts(integer(n, "columns", file), integer(n, "ci_group_size", file),
                    integer(n, "threads", file), nodeStart(n, file), PackedArrays.ints(n, "split_var", file),
                    PackedArrays.doubles(n, "split_value", file), PackedArrays.ints(n, "left", file),
                    PackedArrays.ints(n, "right", file), PackedArrays.doubles(n, "leaf_stats", file)).toModel();
        } catch (IllegalArgumentException e) {
            throw damaged(file, e);
        }
    }

    static ObjectNode encodeMultiArmForest(String name, MultiArmCausalForestModel m) {
        MultiArmCausalForestParts p = MultiArmCausalForestParts.of(m);
        ObjectNode n = F.objectNode().put("kind", "multi_arm_causal_forest").put("name", name).put("layout",
                        "MultiArmCausalForestParts (trees concatenated, leaf statistics for leaves only); arrays "
                                + "base64 zlib chunks, little-endian").put("trees", p.nodeStart().length - 1)
                .put("arms", p.arms()).put("columns", p.columns()).put("threads", p.threads());
        return trees(n, p.nodeStart(), p.splitVar(), p.splitValue(), p.left(), p.right(), p.leafStats());
    }

    static MultiArmCausalForestModel decodeMultiArmForest(JsonNode n, String file) {
        try {
            return new MultiArmCausalForestParts(integer(n, "arms", file), integer(n, "columns", file),
                    integer(n, "threads", file), nodeStart(n, file), PackedArrays.ints(n, "split_var", file),
                    PackedArrays.doubles(n, "split_value", file), PackedArrays.ints(n, "left", file),
                    PackedArrays.ints(n, "right", file), PackedArrays.doubles(n, "leaf_stats", file)).toModel();
        } catch (IllegalArgumentException e) {
            throw damaged(file, e);
        }
    }

    /** The forest arrays shared by both forest kinds. */
    private static ObjectNode trees(ObjectNode n, int[] nodeStart, int[] splitVar, double[] splitValue, int[] left,
                                    int[] right, double[] leafStats) {
        n.set("node_start", PackedArrays.ints(nodeStart));
        n.set("split_var", PackedArrays.ints(splitVar));
        n.set("split_value", PackedArrays.doubles(splitValue));
        n.set("left", PackedArrays.ints(left));
        n.set("right", PackedArrays.ints(right));
        n.set("leaf_stats", PackedArrays.doubles(leafStats));
        return n;
    }

    private static int[] nodeStart(JsonNode n, String file) {
        int[] start = PackedArrays.ints(n, "node_start", file);
        if (start.length != integer(n, "trees", file) + 1) {
            throw new IllegalArgumentException("node_start has " + start.length + " entries for "
                    + integer(n, "trees", file) + " trees");
        }
        return start;
    }

    private static CausalRxException damaged(String file, IllegalArgumentException e) {
        return new CausalRxException(file + ": " + e.getMessage() + "; re-run `causalrx run` to write the bundle "
                + "again", e);
    }
}
