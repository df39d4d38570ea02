package org.causalrx.serve;

import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An RFC 7807 problem: sent as {@code application/problem+json}. Details and field errors name fields and rules,
 * never a value the caller sent, so a problem body can be logged or shown without exposing patient data.
 *
 * @param status HTTP status code (4xx or 5xx)
 * @param type   a URN naming the kind of problem, e.g. {@code urn:causalrx:problem:invalid-patients}
 * @param title  short summary of the kind
 * @param detail this occurrence in words
 * @param errors per-field errors (empty when the problem is not about fields)
 */
public record Problem(int status, String type, String title, String detail, List<FieldError> errors) {
    /** The media type of a problem body. */
    public static final String MEDIA_TYPE = "application/problem+json";

    public Problem {
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("a problem has a 4xx or 5xx status, got " + status);
        }
        errors = List.copyOf(errors);
    }

    /** A problem without field errors; {@code kind} is the last part of the type URN. */
    public static Problem of(int status, String kind, String title, String detail) {
        return new Problem(status, "urn:causalrx:problem:" + kind, title, detail, List.of());
    }

    /**
     * One field's error.
     *
     * @param pointer JSON Pointer (RFC 6901) to the field in the request body, e.g. {@code /patients/2/sex}
     * @param field   the field's name ("" for the body or a whole patient)
     * @param detail  what is wrong and what is expected
     */
    public record FieldError(String pointer, String field, String detail) {
    }

    /** The body, with {@code instance} set to the request id. */
    ObjectNode toJson(String requestId) {
        ObjectNode n = Json.MAPPER.createObjectNode();
        n.put("type", type).put("title", title).put("status", status).put("detail", detail);
        n.put("instance", "urn:causalrx:request:" + requestId);
        if (!errors.isEmpty()) {
            var arr = n.putArray("errors");
            for (FieldError e : errors) {
                arr.addObject().put("pointer", e.pointer()).put("field", e.field()).put("detail", e.detail());
            }
        }
        return n;
    }
}
