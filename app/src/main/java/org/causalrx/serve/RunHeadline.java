package org.causalrx.serve;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The run's headline (does the bundled policy beat current practice, by how much, on how many test patients), read
 * from the {@code results.json} beside the bundle folder when that file belongs to the same run: same data and
 * study SHA-256 and seed as the bundle's provenance.
 */
final class RunHeadline {
    private RunHeadline() {
    }

    /**
     * The headline object, or null when there is no matching results.json. Two arms: {@code
     * policy_insights.verdict.headline} with the verdict's text; K arms: {@code verdict}.
     */
    static ObjectNode beside(Path bundleDir, JsonNode bundleProvenance) {
        Path parent = bundleDir.toAbsolutePath().getParent();
        Path file = parent == null ? null : parent.resolve("results.json");
        if (file == null || !Files.isRegularFile(file)) {
            return null;
        }
        JsonNode r;
        try {
            r = Json.MAPPER.readTree(Files.readAllBytes(file));
        } catch (IOException e) {
            return null;
        }
        JsonNode p = r.path("provenance");
        for (String key : new String[] {"data_sha256", "study_sha256", "seed"}) {
            if (p.path(key).isMissingNode() || !p.path(key).asText().equals(bundleProvenance.path(key).asText())) {
                return null;
            }
        }
        ObjectNode out = Json.MAPPER.createObjectNode();
        JsonNode verdict = r.path("policy_insights").path("verdict");
        if (verdict.path("headline").isObject()) {
            out.set("values", verdict.get("headline"));
            out.put("text", verdict.path("text").asText(""));
        } else if (r.path("verdict").isObject()) {
            out.set("values", r.get("verdict"));
            out.putNull("text");
        } else {
            return null;
        }
        out.put("source", "results.json");
        return out;
    }
}
