package org.causalrx.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The body of {@code GET /v1/model}: the bundle's own description, unchanged, so the service says exactly what the
 * bundle says: input schema ({@code schema.json}), arms, outcome and direction, policy with its decision rule,
 * overlap thresholds, uncertainty settings and provenance ({@code bundle.json}), and the run's headline when the
 * run's results.json lies beside the bundle.
 */
final class ModelDescription {
    private ModelDescription() {
    }

    static ObjectNode of(String modelId, String bundleSha256, boolean multiArm, JsonNode bundle, JsonNode schema,
                         ObjectNode headline) {
        ObjectNode n = Json.MAPPER.createObjectNode();
        n.put("model_id", modelId).put("bundle_sha256", bundleSha256).put("kind", multiArm ? "multi_arm" : "two_arm");
        n.set("input_schema", schema);
        for (String key : new String[] {"arms", "outcome", "policy", "overlap", "uncertainty", "provenance"}) {
            n.set(key, bundle.has(key) ? bundle.get(key) : n.nullNode());
        }
        n.set("headline", headline == null ? n.nullNode() : headline);
        return n;
    }
}
