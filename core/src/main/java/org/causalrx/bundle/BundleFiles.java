package org.causalrx.bundle;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.causalrx.util.CausalRxException;

/**
 * The files of a bundle in memory, name → bytes, in the order they were added: filled part by part by the
 * codecs when writing, and filled from disk (after the manifest check) when reading.
 */
final class BundleFiles {
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path dir;
    private final Map<String, byte[]> files = new LinkedHashMap<>();

    /** @param dir the bundle folder, for messages */
    BundleFiles(Path dir) {
        this.dir = dir;
    }

    Path dir() {
        return dir;
    }

    void putBytes(String name, byte[] data) {
        if (files.putIfAbsent(name, data.clone()) != null) {
            throw new IllegalStateException("bundle file '" + name + "' written twice");
        }
    }

    void putJson(String name, JsonNode node) {
        try {
            putBytes(name, (JSON.writeValueAsString(node) + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + name + ": " + e.getMessage(), e);
        }
    }

    byte[] bytes(String name) {
        byte[] b = files.get(name);
        if (b == null) {
            throw new CausalRxException(dir.resolve(name) + ": file missing from the model bundle (it is not listed "
                    + "in manifest.json); re-run `causalrx run` to write the bundle again");
        }
        return b.clone();
    }

    JsonNode json(String name) {
        try {
            return JSON.readTree(bytes(name));
        } catch (java.io.IOException e) {
            throw new CausalRxException(dir.resolve(name) + ": not valid JSON (" + e.getMessage()
                    + "); re-run `causalrx run` to write the bundle again", e);
        }
    }

    /** All files, in the order added. */
    Map<String, byte[]> all() {
        return Collections.unmodifiableMap(files);
    }

    /** A required field of a JSON part, or a clear error naming the file and field. */
    static JsonNode field(JsonNode node, String field, String file) {
        JsonNode v = node == null ? null : node.get(field);
        if (v == null || v.isNull()) {
            throw new CausalRxException(file + ": field '" + field + "' is missing; the bundle is damaged or "
                    + "was not written by CausalRx; re-run `causalrx run` to write it again");
        }
        return v;
    }

    /** A required numeric field, or an error naming the file and the field. */
    static double number(JsonNode node, String field, String file) {
        JsonNode v = field(node, field, file);
        if (!v.isNumber()) {
            throw new CausalRxException(file + ": field '" + field + "' must be a number, found " + v
                    + "; re-run `causalrx run` to write the bundle again");
        }
        return v.doubleValue();
    }

    /** A required 32-bit integer field, or an error naming the file and the field. */
    static int integer(JsonNode node, String field, String file) {
        JsonNode v = field(node, field, file);
        if (!v.isIntegralNumber() || !v.canConvertToInt()) {
            throw new CausalRxException(file + ": field '" + field + "' must be an integer, found " + v
                    + "; re-run `causalrx run` to write the bundle again");
        }
        return v.intValue();
    }
}
