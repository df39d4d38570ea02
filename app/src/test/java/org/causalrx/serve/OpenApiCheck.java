package org.causalrx.serve;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Checks a real response against the served OpenAPI document: the path, method and status must be documented, the
 * content type listed, and the body valid against the schema. Supports the schema keywords the document uses:
 * {@code $ref}, {@code type}, {@code nullable}, {@code required}, {@code properties}, {@code additionalProperties},
 * {@code items}, {@code minItems}, {@code enum}.
 */
final class OpenApiCheck {
    private final JsonNode doc;

    OpenApiCheck() throws Exception {
        try (InputStream in = RecommendationServer.class.getResourceAsStream("openapi.json")) {
            doc = Json.MAPPER.readTree(in);
        }
    }

    /** What is wrong with the response (empty: it conforms). */
    List<String> check(String path, String method, Http.Reply r) throws Exception {
        List<String> out = new ArrayList<>();
        JsonNode resp = doc.path("paths").path(path).path(method).path("responses").path(Integer.toString(r.status()));
        if (resp.isMissingNode()) {
            return List.of(method + " " + path + " " + r.status() + " is not documented");
        }
        resp = resolve(resp);
        String type = r.contentType().split(";")[0].strip();
        JsonNode schema = resp.path("content").path(type).path("schema");
        if (schema.isMissingNode()) {
            return List.of(method + " " + path + " " + r.status() + ": content type " + type + " not documented");
        }
        validate(r.json(), schema, "", out);
        return out;
    }

    private JsonNode resolve(JsonNode n) {
        while (n.has("$ref")) {
            String[] parts = n.get("$ref").asText().substring(2).split("/");
            JsonNode t = doc;
            for (String p : parts) {
                t = t.path(p);
            }
            n = t;
        }
        return n;
    }

    void validate(JsonNode v, JsonNode schema, String at, List<String> out) {
        schema = resolve(schema);
        if (v.isNull()) {
            if (!schema.path("nullable").asBoolean(false) && schema.has("type")) {
                out.add(at + ": null but not nullable");
            }
            return;
        }
        String type = schema.path("type").asText("");
        boolean ok = switch (type) {
            case "object" -> v.isObject();
            case "array" -> v.isArray();
            case "string" -> v.isTextual();
            case "number" -> v.isNumber();
            case "integer" -> v.isIntegralNumber();
            case "boolean" -> v.isBoolean();
            default -> true;
        };
        if (!ok) {
            out.add(at + ": expected " + type + ", got " + v.getNodeType());
            return;
        }
        if (schema.has("enum")) {
            boolean found = false;
            for (JsonNode e : schema.get("enum")) {
                found |= e.equals(v);
            }
            if (!found) {
                out.add(at + ": " + v + " not in " + schema.get("enum"));
            }
        }
        if (v.isArray()) {
            if (v.size() < schema.path("minItems").asInt(0)) {
                out.add(at + ": fewer than minItems");
            }
            for (int i = 0; i < v.size() && schema.has("items"); i++) {
                validate(v.get(i), schema.get("items"), at + "/" + i, out);
            }
        }
        if (v.isObject()) {
            for (JsonNode req : schema.path("required")) {
                if (!v.has(req.asText())) {
                    out.add(at + ": required field '" + req.asText() + "' missing");
                }
            }
            JsonNode props = schema.path("properties");
            JsonNode extra = schema.get("additionalProperties");
            for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                if (props.has(f.getKey())) {
                    validate(f.getValue(), props.get(f.getKey()), at + "/" + f.getKey(), out);
                } else if (extra != null && extra.isBoolean() && !extra.asBoolean()) {
                    out.add(at + ": field '" + f.getKey() + "' not in the schema");
                } else if (extra != null && extra.isObject()) {
                    validate(f.getValue(), extra, at + "/" + f.getKey(), out);
                }
            }
        }
    }
}
