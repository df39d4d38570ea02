package org.causalrx.serve;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.causalrx.bundle.InputSchema;
import org.causalrx.data.Column;
import org.causalrx.data.Table;

/**
 * Checks the body of {@code POST /v1/recommendations} against a bundle's input schema and builds the input table.
 * The body is one patient object, or {@code {"patients": [ ... ]}} with 1 to {@code maxBatch} of them. A patient
 * object has one field per covariate of the schema (null when unknown: imputed as in training) and optionally the
 * study's id column; a numeric covariate takes a JSON number, a categorical one a string (or a number when the
 * training file held the column as numbers). Whether a category was seen in training is checked by the scorer.
 * Problems name the field by JSON Pointer and never repeat a value.
 */
public final class PatientParser {
    /** The most field errors one problem body lists. */
    static final int MAX_ERRORS = 100;

    private final InputSchema schema;
    private final int maxBatch;
    private final Set<String> allowed = new LinkedHashSet<>();

    /** @param maxBatch the most patients one request may hold, ≥ 1 */
    public PatientParser(InputSchema schema, int maxBatch) {
        if (maxBatch < 1) {
            throw new IllegalArgumentException("maxBatch must be at least 1, got " + maxBatch);
        }
        this.schema = schema;
        this.maxBatch = maxBatch;
        if (schema.idColumn() != null) {
            allowed.add(schema.idColumn());
        }
        schema.columns().forEach(c -> allowed.add(c.name()));
    }

    /**
     * The checked patients.
     *
     * @param table       one row per patient, the id column (when the study has one) and every covariate
     * @param inputSha256 SHA-256 of the canonical inputs: a JSON array with one object per patient, fields in the
     *                    schema's order (id column first when given), numbers as doubles, compact
     * @param batch       the body was {@code {"patients": [...]}} (else one patient object)
     */
    public record Batch(Table table, String inputSha256, boolean batch) {
        public int size() {
            return table.rowCount();
        }
    }

    /** Parses and checks {@code body}. @throws ProblemException (400, 413 or 422) naming the field */
    public Batch parse(byte[] body) {
        if (body.length == 0) {
            throw bad("the request body is empty; send one patient object or {\"patients\": [...]}");
        }
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw bad("the request body is not valid JSON" + (at == null ? "" : " (line " + at.getLineNr()
                    + ", column " + at.getColumnNr() + ")"));
        } catch (IOException e) {
            throw bad("the request body could not be read");
        }
        if (root == null || !root.isObject()) {
            throw bad("the request body must be a JSON object: one patient, or {\"patients\": [...]}");
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        List<ObjectNode> patients = new ArrayList<>();
        List<String> pointers = new ArrayList<>();
        boolean batch = root.has("patients") && !allowed.contains("patients");
        if (batch) {
            collectBatch((ObjectNode) root, patients, pointers, errors);
        } else {
            patients.add((ObjectNode) root);
            pointers.add("");
        }
        ArrayNode canonical = Json.MAPPER.createArrayNode();
        for (int i = 0; i < patients.size(); i++) {
            canonical.add(check(patients.get(i), pointers.get(i), errors));
        }
        if (!errors.isEmpty()) {
            int n = errors.size();
            throw new ProblemException(new Problem(422, "urn:causalrx:problem:invalid-patients",
                    "Invalid patient data", n + " field error" + (n > 1 ? "s" : "") + (n > MAX_ERRORS ? ", the first "
                    + MAX_ERRORS + " listed" : "") + "; see 'errors' (GET /v1/model lists the fields, types and "
                    + "categories)", errors.subList(0, Math.min(n, MAX_ERRORS))));
        }
        return new Batch(table(canonical), Json.sha256(Json.bytes(canonical)), batch);
    }

    private void collectBatch(ObjectNode root, List<ObjectNode> patients, List<String> pointers,
                              List<Problem.FieldError> errors) {
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!f.equals("patients")) {
                errors.add(new Problem.FieldError("/" + escape(f), f, "unknown field; a batch is {\"patients\": "
                        + "[...]} and nothing else"));
            }
        }
        JsonNode arr = root.get("patients");
        if (!arr.isArray() || arr.isEmpty()) {
            throw new ProblemException(new Problem(422, "urn:causalrx:problem:invalid-patients",
                    "Invalid patient data", "'patients' must be a non-empty array of patient objects",
                    List.of(new Problem.FieldError("/patients", "patients", "must be a non-empty array"))));
        }
        if (arr.size() > maxBatch) {
            throw new ProblemException(new Problem(413, "urn:causalrx:problem:batch-too-large", "Batch too large",
                    arr.size() + " patients in one request; at most " + maxBatch + " (split the batch)",
                    List.of(new Problem.FieldError("/patients", "patients", "at most " + maxBatch + " patients"))));
        }
        for (int i = 0; i < arr.size(); i++) {
            if (arr.get(i).isObject()) {
                patients.add((ObjectNode) arr.get(i));
                pointers.add("/patients/" + i);
            } else {
                errors.add(new Problem.FieldError("/patients/" + i, "", "must be a patient object"));
            }
        }
    }

    /** Checks one patient's fields; returns its canonical object (schema order). */
    private ObjectNode check(ObjectNode p, String at, List<Problem.FieldError> errors) {
        for (Iterator<String> it = p.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!allowed.contains(f)) {
                errors.add(new Problem.FieldError(at + "/" + escape(f), f, "unknown field; the model reads "
                        + String.join(", ", allowed)));
            }
        }
        ObjectNode out = Json.MAPPER.createObjectNode();
        String id = schema.idColumn();
        if (id != null && p.has(id) && !isCovariate(id)) {
            JsonNode v = p.get(id);
            if (v.isNull() || v.isTextual() || v.isIntegralNumber()) {
                out.set(id, v.isIntegralNumber() ? out.textNode(v.asText()) : v);
            } else {
                errors.add(new Problem.FieldError(at + "/" + escape(id), id, "the patient id must be a string or an "
                        + "integer"));
            }
        }
        for (InputSchema.InputColumn c : schema.columns()) {
            String ptr = at + "/" + escape(c.name());
            JsonNode v = p.get(c.name());
            if (v == null) {
                errors.add(new Problem.FieldError(ptr, c.name(), "missing; give the value, or null when unknown"));
            } else if (v.isNull()) {
                out.putNull(c.name());
            } else if (v.isNumber() && !Double.isFinite(v.doubleValue())) {
                errors.add(new Problem.FieldError(ptr, c.name(), "must be a finite number"));
            } else if (!c.categorical()) {
                if (v.isNumber()) {
                    out.put(c.name(), v.doubleValue());
                } else {
                    errors.add(new Problem.FieldError(ptr, c.name(), "must be a number (or null when unknown)"));
                }
            } else if (v.isTextual()) {
                out.set(c.name(), v);
            } else if (v.isNumber() && !c.readAsText()) {
                out.put(c.name(), v.doubleValue());
            } else {
                errors.add(new Problem.FieldError(ptr, c.name(), "must be a string, one of the categories "
                        + "GET /v1/model lists" + (c.readAsText() ? "" : " (or a number)")));
            }
        }
        return out;
    }

    private boolean isCovariate(String name) {
        return schema.columns().stream().anyMatch(c -> c.name().equals(name));
    }

    /** The input table of the canonical patients: text id column, numeric or text covariates. */
    private Table table(ArrayNode patients) {
        int n = patients.size();
        List<Column> cols = new ArrayList<>();
        String id = schema.idColumn();
        if (id != null && !isCovariate(id)) {
            String[] ids = new String[n];
            for (int i = 0; i < n; i++) {
                JsonNode v = patients.get(i).get(id);
                ids[i] = v == null || v.isNull() ? null : v.asText();
            }
            cols.add(new Column.Text(id, ids));
        }
        for (InputSchema.InputColumn c : schema.columns()) {
            double[] num = new double[n];
            String[] text = new String[n];
            for (int i = 0; i < n; i++) {
                JsonNode v = patients.get(i).get(c.name());
                num[i] = v.isNumber() ? v.doubleValue() : Double.NaN;
                text[i] = v.isNull() ? null : v.isNumber() ? new Column.Numeric(c.name(), new double[] {num[i]})
                        .text(0) : v.asText();
            }
            cols.add(c.categorical() ? new Column.Text(c.name(), text) : new Column.Numeric(c.name(), num));
        }
        return new Table("request", cols);
    }

    /** JSON Pointer escaping (RFC 6901). */
    static String escape(String field) {
        return field.replace("~", "~0").replace("/", "~1");
    }

    private static ProblemException bad(String detail) {
        return new ProblemException(Problem.of(400, "malformed-request", "Malformed request", detail));
    }
}
