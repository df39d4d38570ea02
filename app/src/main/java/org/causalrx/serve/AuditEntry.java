package org.causalrx.serve;

import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What the audit log records for one answered recommendation request; {@link AuditLog} adds the sequence number
 * and the hash chain.
 *
 * @param requestId    the request's id (also in the response's {@code X-Request-Id} header and body)
 * @param time         when the answer was computed (UTC)
 * @param caller       the API key's name
 * @param modelId      {@code <study>/<policy>}
 * @param bundleSha256 SHA-256 of the bundle's manifest.json
 * @param inputSha256  SHA-256 of the canonical inputs ({@link PatientParser.Batch#inputSha256()})
 * @param output       the recommendations sent, as in the response
 */
public record AuditEntry(String requestId, Instant time, String caller, String modelId, String bundleSha256,
                         String inputSha256, JsonNode output) {
    public AuditEntry {
        output = output.deepCopy();
    }

    @Override
    public JsonNode output() {
        return output.deepCopy();
    }

    /**
     * The record's fields but {@code seq} (first) and {@code prev_hash} (last), in a fixed order: compact JSON
     * without the enclosing braces, e.g. {@code "request_id":"r1",...,"output":[...]}.
     */
    String fieldsJson() {
        ObjectNode n = Json.MAPPER.createObjectNode();
        n.put("request_id", requestId).put("time", time.toString()).put("caller", caller)
                .put("model_id", modelId).put("bundle_sha256", bundleSha256).put("input_sha256", inputSha256);
        n.set("output", output);
        String json = Json.write(n);
        return json.substring(1, json.length() - 1);
    }
}
